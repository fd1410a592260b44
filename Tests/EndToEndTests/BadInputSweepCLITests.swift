import Foundation
import Testing

/// What a new user's odd inputs found: each gives exit 2 and one short line, quoting little of the input.
@Suite("bad input sweep end to end", .serialized)
struct BadInputSweepCLITests {
    /// The single line printed, or nil when stderr is not exactly one short line without control characters.
    static func oneLine(_ out: CLIRunner.Output) -> String? {
        let lines = out.stderr.split(separator: "\n")
        guard lines.count == 1, let line = lines.first, line.count <= 250,
              !line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return String(line)
    }

    static func snapshot(_ dir: URL) throws -> String {
        let db = dir.appendingPathComponent("ds.db").path
        #expect(try CLIRunner.run(["import", CLIRunner.fixture("dual-stack-appliance"), "--out", db]).status == 0)
        return db
    }

    @Test("a term matching nothing: the suggestions are a few names, not every name in the snapshot")
    func fewSuggestions() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["query", try Self.snapshot(dir), "can zzz-nothing reach internet"])
        #expect(out.status == 2)
        let line = try #require(Self.oneLine(out), "\(out.stderr)")
        #expect(line.contains("'zzz-nothing' matches nothing in the snapshot; did you mean: ") && line.contains(" more)?"), "\(line)")
    }

    @Test("control characters in a query term are not echoed to the terminal")
    func controlCharacters() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["query", try Self.snapshot(dir), "can \u{1B}[31mred reach internet"])
        #expect(out.status == 2)
        let line = try #require(Self.oneLine(out), "\(out.stderr.debugDescription)")
        #expect(line.contains("' [31mred' matches nothing"), "\(line)")
    }

    @Test("a YAML syntax error names the position and problem without dumping the file", arguments: [
        ("{{{\n" + String(repeating: "x", count: 500), "line 3, column 1: while parsing a flow mapping"),
        ("tiers:\n  web: [alb]\n  web: [rds]\n", "line 2, column 3: duplicate key 'web'"),
    ])
    func yamlErrors(text: String, message: String) throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("p.yaml")
        try Data(text.utf8).write(to: policy)
        let out = try CLIRunner.run(["scan", CLIRunner.fixture("dual-stack-appliance"), "--policy", policy.path])
        #expect(out.status == 2)
        let line = try #require(Self.oneLine(out), "\(out.stderr)")
        #expect(line.contains("p.yaml: not valid YAML: \(message)"), "\(line)")
        #expect(!line.contains("xxxxx") && !line.contains("[alb]"), "no snippet of the file: \(line)")
    }
}
