import Foundation
import NetModel
import SnapshotStore
import Testing

/// `netaudit inspect` of an organization snapshot: accounts × regions, the cells failed calls left incomplete, and the
/// account that could not be entered.
@Suite struct InspectScopesCLITests {
    @Test("accounts × regions with resource counts, '!' where calls failed, 'not captured' for a denied account")
    func accountsByRegions() throws {
        var inv = Inventory()
        let a = "111111111111", b = "222222222222", denied = "333333333333"
        inv.vpcs = [VPC(id: "vpc-a", scope: ResourceScope(account: a, region: "us-east-1"), cidrBlocks: [IPPrefix("10.0.0.0/16")].compactMap { $0 }),
                    VPC(id: "vpc-a2", scope: ResourceScope(account: a, region: "eu-west-1"), cidrBlocks: []),
                    VPC(id: "vpc-b", scope: ResourceScope(account: b, region: "us-east-1"), cidrBlocks: [])]
        inv.warnings = [
            CaptureWarning(source: "\(b) ec2 DescribeNetworkAcls (us-east-1)", code: "access-denied", message: "denied"),
            CaptureWarning(source: "\(denied) sts AssumeRole", code: "account-not-captured", message: "account \(denied): AccessDenied"),
            CaptureWarning(source: "live/\(a)/iam.json", code: "secret-redacted", message: "an import note, no gap"),
        ]
        let meta = SnapshotMetadata(createdAt: Date(), source: .live, accounts: [a, b, denied], regions: ["eu-west-1", "us-east-1"],
                                    toolVersion: "test")
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-scopes-\(UUID()).db").path
        defer { try? FileManager.default.removeItem(atPath: db) }
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: inv), to: db)

        let text = try CLIRunner.run(["inspect", db])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Accounts × regions") })
        #expect(lines[header + 1].split(separator: " ") == ["account", "eu-west-1", "us-east-1"])
        #expect(lines[header + 2].split(separator: " ") == [Substring(a), "1", "1"])
        #expect(lines[header + 3].split(separator: " ") == [Substring(b), "-", "1!"])
        #expect(lines[header + 4] == "  \(denied)  not captured (account-not-captured)")

        let json = try CLIRunner.run(["inspect", db, "--format", "json"])
        struct Out: Decodable {
            struct Scopes: Decodable {
                struct Cell: Decodable { var account: String, region: String, resources: Int, warnings: Int }
                var accounts: [String], regions: [String], cells: [Cell], accountWarnings: [String: [String]]
            }
            var scopes: Scopes
        }
        let out = try JSONDecoder().decode(Out.self, from: Data(json.stdout.utf8))
        #expect(out.scopes.accounts == [a, b, denied] && out.scopes.regions == ["eu-west-1", "us-east-1"])
        #expect(out.scopes.cells.first { $0.account == b && $0.region == "us-east-1" }.map { [$0.resources, $0.warnings] } == [1, 1])
        #expect(out.scopes.accountWarnings == [denied: ["account-not-captured"]])
    }
}
