import Foundation
import Testing

/// Bad option values: one short line naming the option and the value (cut to about 80 characters), exit 2.
@Suite("option errors end to end")
struct OptionErrorCLITests {
    @Test("each bad value names its option", arguments: [
        (["--ephemeral", ""], "--ephemeral: '' is not a port list"),
        (["--ephemeral", "80,443"], "--ephemeral: '80,443' is not one port range"),
        (["--port", "70000"], "--port: '70000' is not a port list"),
        (["--protocol", "foo"], "--protocol: 'foo' is not a protocol"),
        (["--port", String(repeating: "9", count: 50_000)], "… (50000 characters)' is not a port list"),
    ])
    func namesTheOption(extra: [String], message: String) throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ds.db").path
        #expect(try CLIRunner.run(["import", CLIRunner.fixture("dual-stack-appliance"), "--out", db]).status == 0)
        let out = try CLIRunner.run(["query", db, "--from", "internet", "--to", "win"] + extra)
        #expect(out.status == 2)
        #expect(out.stderr.contains(message), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count <= 3 && out.stderr.count < 400)
    }
}
