import Foundation
import Testing

/// `netaudit query` on an imported dual-stack VPC whose route to one subnet goes to a firewall appliance.
@Suite("query verdicts end to end")
struct QueryVerdictCLITests {
    private func snapshot() throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let db = dir.appendingPathComponent("ds.db").path
        let imported = try CLIRunner.run(["import", CLIRunner.fixture("dual-stack-appliance"), "--out", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        return (dir, db)
    }

    @Test("RDP open to ::/0 on a host with an IPv6 address and no public IPv4 is reachable from the internet (exit 0)")
    func ipv6Exposure() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIRunner.run(["query", db, "--from", "internet", "--to", "win", "--port", "3389", "--format", "json"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "reachable")
        let pair = try #require((json["pairs"] as? [[String: Any]])?.first)
        #expect((pair["sources"] as? [String])?.first?.hasPrefix("::/0") == true)
    }

    @Test("a route to an appliance makes the answer unknown: verdict unknown, reachable false, exit 3, and the text says why")
    func unknownExitsThree() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try CLIRunner.run(["query", db, "--from", "win", "--to", "10.0.2.20", "--port", "22", "--format", "json"])
        #expect(json.status == 3, "\(json.stdout)\(json.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(answer["verdict"] as? String == "unknown" && answer["reachable"] as? Bool == false)
        let text = try CLIRunner.run(["query", db, "can win reach 10.0.2.20:22"])
        #expect(text.status == 3)
        #expect(text.stdout.contains("unknown") && text.stdout.contains("appliance"))
    }
}
