import AWSImport
import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

@Suite("Policy files: intents, settings, suppressions and their errors")
struct PolicyFileTests {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-policy-\(UUID()).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the shipped workshop policy loads")
    func shipped() throws {
        let p = try PolicyFile.load(WorkshopScanTests.workshopPolicy)
        #expect(p.tiers.tiers.map(\.name) == ["web", "app", "db", "admin", "builder"])
        #expect(p.intents.count == 2 && p.workloads.count == 2 && p.databaseTiers == ["app", "builder"])
    }

    @Test("bad policy files give one error naming the file and the entry", arguments: [
        ("frobnicate: 1", "frobnicate: unknown section"),
        ("rules: {severity: {internet-exposed-port: severe}}", "rules.severity.internet-exposed-port: 'severe' is not a severity"),
        ("rules: {disable: [no-such-rule]}", "rules: unknown rule 'no-such-rule'"),
        ("suppressions: [{rule: s3-public-bucket}]", "suppressions[0]: needs a `reason`"),
        ("suppressions: [{rule: s3-public-bucket, reason: x, expires: soon}]", "suppressions[0].expires: 'soon' is not a date"),
        ("intents: [{to: db}]", "intents[0]: needs `from`"),
        ("tiers: [a, b]", "tiers: must map tier names"),
        ("tiers: {web: [alb\n", "not valid YAML"),
    ])
    func errors(text: String, message: String) throws {
        let path = try write(text)
        #expect { try PolicyFile.load(path) } throws: { error in
            let s = "\(error)"
            return s.hasPrefix(path) && s.contains(message)
        }
    }

    @Test("a missing policy file is a clear error")
    func missing() {
        #expect { try PolicyFile.load("/no/such/policy.yaml") } throws: { "\($0)" == "/no/such/policy.yaml: cannot read policy file: no such file" }
    }

    @Test("suppressions silence matching findings with their reason; expired ones stop applying and say so")
    func suppressions() throws {
        let path = try write("""
            suppressions:
              - {rule: internet-exposed-port, resource: "demo-app-bastion*", reason: "lab bastion", expires: 2030-01-01}
              - {rule: s3-public-bucket, resource: "*frontend*", reason: "old exception", expires: 2020-01-01}
            rules:
              disable: [iam-privilege-escalation]
              severity: {iam-broad-managed-policy: medium}
            """)
        let result = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"), policy: try PolicyFile.load(path))
        let bastion = try #require(result.findings.first { $0.ruleId == "internet-exposed-port" && $0.resource.name == "demo-app-bastion-host" })
        #expect(bastion.suppression == AppliedSuppression(reason: "lab bastion", expires: "2030-01-01", expired: false))
        let bucket = try #require(result.findings.first { $0.ruleId == "s3-public-bucket" })
        #expect(bucket.suppression?.expired == true)
        #expect(result.warnings.contains { $0.contains("expired on 2020-01-01") })
        #expect(!result.findings.contains { $0.ruleId == "iam-privilege-escalation" })
        #expect(result.findings.filter { $0.ruleId == "iam-broad-managed-policy" }.allSatisfy { $0.severity == .medium })
    }

    @Test("violated intents are findings with the offending path")
    func intents() throws {
        let path = try write("""
            tiers: {builder: [demo-app-test-ami-builder], db: [rds], app: [asg]}
            intents:
              - {name: no-internet-to-builder, from: internet, to: builder, deny: true, severity: critical}
              - {name: only-app-to-db, to: db, only_from: [app], ports: tcp/3306}
            """)
        let result = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"), policy: try PolicyFile.load(path))
        let violations = result.findings.filter { $0.ruleId == "intent-violation" }
        let internet = try #require(violations.first { $0.title.contains("no-internet-to-builder") })
        #expect(internet.severity == .critical && internet.title.contains("tcp/22") && internet.evidence.contains { $0.hasPrefix("security-group-ingress") })
        let db = try #require(violations.first { $0.title.contains("only-app-to-db") })
        #expect(db.title.contains("builder reaches db on tcp/3306 (MySQL)"))
        #expect(violations.count == 2)
    }

    @Test("findings keep their IDs across scans (stable fingerprints)")
    func stableIds() throws {
        let a = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"))
        let b = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"))
        #expect(a.findings.map(\.id) == b.findings.map(\.id) && Set(a.findings.map(\.id)).count == a.findings.count)
    }
}
