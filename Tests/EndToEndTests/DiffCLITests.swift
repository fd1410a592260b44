import Foundation
import Testing

/// `netaudit diff` on snapshots imported from the workshop sample and an edited copy of it.
@Suite("netaudit diff, run as a user would")
struct DiffCLITests {
    static let sample = CLIRunner.packageRoot.appendingPathComponent("snapshots/workshop")

    /// Copies the workshop tree and opens the database to the internet: MySQL from 0.0.0.0/0 on its
    /// group, PubliclyAccessible, a public address on its interface, its subnets routed to the gateway.
    private func exposedCopy(in dir: URL) throws -> URL {
        let copy = dir.appendingPathComponent("workshop")
        try FileManager.default.copyItem(at: Self.sample, to: copy)
        let region = copy.appendingPathComponent("123456789012/us-east-1")
        try edit(region.appendingPathComponent("ec2-describe-security-groups.json")) { doc in
            doc["SecurityGroups"] = (doc["SecurityGroups"] as? [[String: Any]] ?? []).map { g in
                guard g["GroupId"] as? String == "sg-0299a16caccda00d6" else { return g }
                var g = g
                g["IpPermissions"] = (g["IpPermissions"] as? [[String: Any]] ?? []).map { p in
                    var p = p
                    if p["FromPort"] as? Int == 3306 { p["IpRanges"] = [["CidrIp": "0.0.0.0/0"]] }
                    return p
                }
                return g
            }
        }
        try edit(region.appendingPathComponent("rds-describe-db-instances.json")) { doc in
            doc["DBInstances"] = (doc["DBInstances"] as? [[String: Any]] ?? []).map { var d = $0; d["PubliclyAccessible"] = true; return d }
        }
        try edit(region.appendingPathComponent("ec2-describe-network-interfaces.json")) { doc in
            doc["NetworkInterfaces"] = (doc["NetworkInterfaces"] as? [[String: Any]] ?? []).map { e in
                guard e["NetworkInterfaceId"] as? String == "eni-0ea50bbb684c99808" else { return e }
                var e = e
                let association: [String: Any] = ["IpOwnerId": "amazon", "PublicIp": "54.1.2.3"]
                e["Association"] = association
                e["PrivateIpAddresses"] = (e["PrivateIpAddresses"] as? [[String: Any]] ?? []).map { var a = $0; a["Association"] = association; return a }
                return e
            }
        }
        try edit(region.appendingPathComponent("ec2-describe-route-tables.json")) { doc in
            doc["RouteTables"] = (doc["RouteTables"] as? [[String: Any]] ?? []).map { t in
                guard t["RouteTableId"] as? String == "rtb-0d49427e47a0b8cf0" else { return t }
                var t = t
                t["Routes"] = (t["Routes"] as? [[String: Any]] ?? []).map { r in
                    guard r["DestinationCidrBlock"] as? String == "0.0.0.0/0" else { return r }
                    return ["DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0b03ca8cab6044000", "Origin": "CreateRoute", "State": "active"]
                }
                return t
            }
        }
        return copy
    }

    private func edit(_ file: URL, _ body: (inout [String: Any]) -> Void) throws {
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        body(&doc)
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
    }

    private func importSnapshot(_ source: URL, _ out: URL) throws {
        let result = try CLIRunner.run(["import", source.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("the database opened to the internet: exit 1 at --fail-on high, the path and its cause in every format")
    func exposed() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("old.db"), new = dir.appendingPathComponent("new.db")
        try importSnapshot(Self.sample, old)
        try importSnapshot(try exposedCopy(in: dir), new)

        let table = try CLIRunner.run(["diff", old.path, new.path, "--fail-on", "high"])
        #expect(table.status == 1, "\(table.stderr)")
        #expect(table.stdout.contains("internet → my-demo-db tcp/"))
        #expect(table.stdout.contains("cause: sg-0299a16caccda00d6 (demo-app-db-sg) ingress rule added: tcp/3306 from 0.0.0.0/0"))
        #expect(table.stdout.contains("PubliclyAccessible: false → true"))

        let json = try CLIRunner.run(["diff", old.path, new.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let opened = (object["reachability"] as? [String: Any])?["opened"] as? [[String: Any]] ?? []
        #expect(opened.contains { $0["to"] as? String == "my-demo-db" && $0["severity"] as? String == "critical" })

        let markdown = try CLIRunner.run(["diff", old.path, new.path, "--format", "markdown", "--fail-on", "none"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("| 🔓 opened | internet → my-demo-db"))
    }

    @Test("identical snapshots: nothing changed, exit 0")
    func identical() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.db"), b = dir.appendingPathComponent("b.db")
        try importSnapshot(Self.sample, a)
        try importSnapshot(Self.sample, b)
        let result = try CLIRunner.run(["diff", a.path, b.path, "--fail-on", "low"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Configuration changes (0 resources)"))
        #expect(result.stdout.contains("Findings: 0 new, 0 resolved"))
        let withPolicy = try CLIRunner.run(["diff", a.path, b.path, "--policy", "policies/workshop.yaml", "--format", "json"])
        #expect(withPolicy.status == 0, "\(withPolicy.stderr)")
        #expect(withPolicy.stdout.contains("\"changes\" : [\n\n  ]") || withPolicy.stdout.contains("\"changes\" : []"))
    }

    @Test("a missing snapshot and a bad --fail-on exit 2")
    func errors() throws {
        let missing = try CLIRunner.run(["diff", "/no/such.db", "/no/other.db"])
        #expect(missing.status == 2 && missing.stderr.contains("/no/such.db: no such snapshot file"))
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.db")
        try importSnapshot(Self.sample, a)
        let bad = try CLIRunner.run(["diff", a.path, a.path, "--fail-on", "sometimes"])
        #expect(bad.status == 2)
    }

    @Test("snapshots of different accounts are refused with exit 2")
    func differentAccounts() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sample.appendingPathComponent("123456789012"), to: other.appendingPathComponent("210987654321"))
        let a = dir.appendingPathComponent("a.db"), b = dir.appendingPathComponent("b.db")
        try importSnapshot(Self.sample, a)
        try importSnapshot(other, b)
        let result = try CLIRunner.run(["diff", a.path, b.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("different accounts"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
