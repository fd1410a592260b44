import Foundation
import Testing
import PostgresTestSupport

/// `--store postgres://...` through the built binary, against a real PostgreSQL server: the answers are those of the
/// SQLite file of the same input.
@Suite("netaudit --store")
struct StoreCLITests {
    @Test("import, inspect, query, scan, matrix and diff on a stored snapshot answer as on the file")
    func storeCommands() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("workshop.db").path
        #expect(try CLIRunner.run(["import", "snapshots/workshop", "--out", file, "-q"]).status == 0)
        try PostgresServer.with { server in
            let store = ["--store", server.url]
            let imported = try CLIRunner.run(["import", "snapshots/workshop", "--out", "workshop", "-q"] + store)
            #expect(imported.status == 0, "\(imported.stderr)")
            let inspect = try CLIRunner.run(["inspect", "workshop", "--format", "json"] + store)
            #expect(inspect.status == 0)
            #expect(inspect.stdout.contains("\"instances\" : 4"))
            for question in ["internet -> ec2:22", "can alb reach rds:3306", "internet -> rds"] {
                let onFile = try CLIRunner.run(["query", file, question])
                let stored = try CLIRunner.run(["query", "workshop", question] + store)
                #expect(stored.status == onFile.status, "\(question): \(stored.stderr)")
                #expect(stored.stdout == onFile.stdout, "\(question)")
            }
            let scanFile = try CLIRunner.run(["scan", "--snapshot", file, "--format", "json"])
            let scanStored = try CLIRunner.run(["scan", "--snapshot", "workshop", "--format", "json"] + store)
            #expect(scanStored.status == scanFile.status)
            #expect(scanStored.stdout.replacingOccurrences(of: "\"workshop\"", with: "\"\(file)\"") == scanFile.stdout)
            #expect(try CLIRunner.run(["matrix", "workshop"] + store).stdout == CLIRunner.run(["matrix", file]).stdout)
            #expect(try CLIRunner.run(["diff", "workshop", "workshop"] + store).status == 0)
            let missing = try CLIRunner.run(["inspect", "nosuch"] + store)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("no snapshot named 'nosuch'"))
        }
        let port = try PostgresServer.freePort()
        let refused = try CLIRunner.run(["inspect", "org", "--store", "postgres://auditor:Hunter2-Secret@127.0.0.1:\(port)/fleet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("cannot connect to PostgreSQL"))
        #expect(!refused.stderr.contains("Hunter2") && !refused.stdout.contains("Hunter2"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}
