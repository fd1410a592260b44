import Foundation
import Testing

@Suite("netaudit import of a Batfish snapshot, run as a user would")
struct BatfishImportCLITests {
    @Test("importing aws_configs/ writes VPN and Direct Connect tables that inspect counts; no 'not recognised' warning")
    func importBatfishThenInspect() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("batfish.db").path
        let imported = try CLIRunner.run(["import", CLIRunner.fixture("batfish-snapshot/aws_configs"), "--out", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stdout.contains("not a recognised") && !imported.stderr.contains("not a recognised"))
        let json = try CLIRunner.run(["inspect", db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let counts = object?["counts"] as? [String: Int]
        #expect(counts?["vpn_gateways"] == 2 && counts?["customer_gateways"] == 1)
        #expect(counts?["vpn_connections"] == 2 && counts?["direct_connect_gateways"] == 1)
        let codes = Set((object?["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        #expect(codes == ["unmodelled-resource", "secret-redacted", "tgw-propagated-routes-unknown"])
        let text = try CLIRunner.run(["inspect", db])
        #expect(text.stdout.range(of: #"vpn_connections\s+2\n"#, options: .regularExpression) != nil)
        #expect(!text.stdout.contains("FAKEpsk") && !json.stdout.contains("FAKEpsk"))
    }
}
