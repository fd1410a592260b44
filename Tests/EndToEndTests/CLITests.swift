import Foundation
import Testing

@Suite("netaudit import and inspect, run as a user would")
struct CLITests {
    @Test("--version prints the version and --help lists the subcommands")
    func versionAndHelp() throws {
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("import") && help.stdout.contains("inspect"))
        let importHelp = try CLIRunner.run(["import", "--help"])
        #expect(importHelp.status == 0 && importHelp.stdout.contains("top-level key"))
    }

    @Test("import writes a snapshot that inspect describes; no color when not on a terminal")
    func importThenInspect() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("mixed.db").path
        let imported = try CLIRunner.run(["import", CLIRunner.fixture("mixed-account"), "--out", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 31 files into \(db)"))
        #expect(imported.stdout.contains("2 security_groups") && imported.stdout.contains("5 network_interfaces"))
        let inspected = try CLIRunner.run(["inspect", db])
        #expect(inspected.status == 0)
        #expect(inspected.stdout.contains("accounts  111111111111"))
        #expect(inspected.stdout.range(of: #"security_groups\s+2\n"#, options: .regularExpression) != nil)
        #expect(!inspected.stdout.contains("\u{1B}["))
        let json = try CLIRunner.run(["inspect", db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let counts = object?["counts"] as? [String: Int]
        #expect(counts?["vpcs"] == 1 && counts?["iam_roles"] == 1 && counts?["routes"] == nil)
    }

    @Test("bad input exits 2 with one clear message naming the file", arguments: [
        (["import", "malformed/truncated-security-groups.json"], "truncated-security-groups.json:3:43: malformed JSON"),
        (["import", "wrong-shape/vpcs-not-a-list.json"], "vpcs-not-a-list.json: Vpcs should be an array but is an object"),
        (["import", "no-such-folder"], "no-such-folder: no such file or folder"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.db").path
        let result = try CLIRunner.run([arguments[0], CLIRunner.fixture(arguments[1]), "--out", db])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("netaudit: error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("--skip-invalid imports the rest and warns on stderr")
    func skipInvalid() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.db").path
        let result = try CLIRunner.run(["import", CLIRunner.fixture("malformed"), CLIRunner.fixture("unrecognized"),
                                        "--out", db, "--skip-invalid"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: ") && result.stderr.contains("trailing-comma.json"))
        #expect(result.stdout.contains("4 warnings"))
        let inspected = try CLIRunner.run(["inspect", db])
        #expect(inspected.stdout.contains("Warnings (4)") && inspected.stdout.contains("unsupported-document"))
    }

    @Test("usage errors and unreadable snapshots exit 2")
    func usageErrors() throws {
        let missingOut = try CLIRunner.run(["import", CLIRunner.fixture("mixed-account")])
        #expect(missingOut.status == 2 && missingOut.stderr.contains("--out"))
        let unknown = try CLIRunner.run(["inspect", "x.db", "--bogus"])
        #expect(unknown.status == 2)
        let missing = try CLIRunner.run(["inspect", "/no/such.db"])
        #expect(missing.status == 2 && missing.stderr == "netaudit: error: /no/such.db: no such snapshot file\n")
        let notSnapshot = try CLIRunner.run(["inspect", CLIRunner.fixture("unrecognized/mystery.json")])
        #expect(notSnapshot.status == 2 && notSnapshot.stderr.contains("not a netaudit snapshot"))
    }
}
