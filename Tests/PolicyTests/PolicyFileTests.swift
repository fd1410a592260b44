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
        ("rules: {disable: [no-such-rule]}", "rules.disable[0]: unknown rule 'no-such-rule'"),
        ("rules: {disable: [internet-exposed-prot]}", "unknown rule 'internet-exposed-prot'; did you mean 'internet-exposed-port'?"),
        ("rules: {disabled: [s3-public-bucket]}", "rules.disabled: unknown key (expected disable, severity); did you mean 'disable'?"),
        ("tier: {web: [alb]}", "tier: unknown section (expected one of allow, intents, rules, suppressions, tiers, trusted_ranges, workloads); did you mean 'tiers'?"),
        ("intents: [{from: internet, to: db, deny: true, port: tcp/22}]", "intents[0].port: unknown key (expected name, from, to, only_from, deny, ports, severity); did you mean 'ports'?"),
        ("intents: [{from: internet, to: db, deny: true, ports: tcp/70000}]", "intents[0].ports: '70000' is not a port list"),
        ("intents: [{from: internet, to: db, deny: true, ports: foo/22}]", "intents[0].ports: 'foo' is not a protocol"),
        ("intents: [{from: internet, to: db, deny: true, ports: ''}]", "intents[0].ports: '' is not a port list"),
        ("intents: [{from: internet, to: db, deny: true, severity: hihg}]", "'hihg' is not a severity (critical, high, medium, low, info); did you mean 'high'?"),
        ("tiers: {app: [ec2], db: [rds]}\nintents: [{to: db, only_from: [ap]}]", "intents[0].only_from[0]: 'ap' is not a tier of this file (app, db); did you mean 'app'?"),
        ("tiers: {app: [ec2], db: [rds]}\nintents: [{from: internet, to: dbs, deny: true}]", "intents[0].to: 'dbs' is not a tier of this file; did you mean 'db'?"),
        ("tiers: {app: [ec2], db: [rds]}\nallow: {database_tiers: [apps]}", "allow.database_tiers[0]: 'apps' is not a tier of this file (app, db); did you mean 'app'?"),
        ("tiers: {web: []}", "tiers.web: has no selectors"),
        ("tiers: {web: ['']}", "tiers.web[0]: is an empty selector"),
        ("tiers: {web: ['tag:=x']}", "tiers.web[0]: 'tag:=x' has no tag key"),
        ("workloads: {r: {need: []}}", "workloads.r.need: unknown key (expected needs); did you mean 'needs'?"),
        ("suppressions: [{rule: s3-public-bucket, reason: x, expire: 2026-12-31}]", "suppressions[0].expire: unknown key (expected rule, resource, reason, expires); did you mean 'expires'?"),
        ("suppressions: [{rule: s3-public-bucket, reason: x, expires: 2026-02-30}]", "suppressions[0].expires: '2026-02-30' is not a date"),
        ("suppressions: [{rule: s3-public-bucket}]", "suppressions[0]: needs a `reason`"),
        ("suppressions: [{rule: s3-public-bucket, reason: x, expires: soon}]", "suppressions[0].expires: 'soon' is not a date"),
        ("intents: [{to: db}]", "intents[0]: needs `from`"),
        ("tiers: [a, b]", "tiers: must map tier names"),
        ("trusted_ranges: [203.0.113.0/24, 10.0.0.999/32]", "trusted_ranges[1]: '10.0.0.999/32' is not a CIDR block"),
        ("trusted_range: [203.0.113.0/24]", "unknown section"),
        ("tiers: {web: [alb\n", "not valid YAML"),
    ])
    func errors(text: String, message: String) throws {
        let path = try write(text)
        #expect { try PolicyFile.load(path) } throws: { error in
            let s = "\(error)"
            return s.hasPrefix(path) && s.contains(message)
        }
    }

    @Test("a long value is quoted cut to about 80 characters, on one line; a 10 MB file is refused before it is read")
    func longValuesAreCut() throws {
        let path = try write("rules: {severity: {internet-exposed-port: \(String(repeating: "x", count: 100_000))}}")
        #expect { try PolicyFile.load(path) } throws: { error in
            let s = "\(error)"
            return s.count < path.count + 250 && s.contains("… (100000 characters)") && !s.contains("\n")
        }
        let huge = try write("# " + String(repeating: "x", count: 10_000_000))
        #expect(throws: PolicyFileError.unreadable(path: huge, reason: "is 10000002 bytes; policy files over 4 MiB are refused")) { try PolicyFile.load(huge) }
    }

    @Test("leap days are dates, the 30th of February is not")
    func calendarDates() {
        #expect(PolicyFileReader.isDate("2028-02-29") && PolicyFileReader.isDate("2026-12-31"))
        #expect(!PolicyFileReader.isDate("2026-02-29") && !PolicyFileReader.isDate("2026-13-01") && !PolicyFileReader.isDate("2026-04-31"))
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

@Suite("Policy file: trusted accounts and organizations")
struct TrustedPolicyFileTests {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-policy-\(UUID()).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("allow.trusted_accounts and allow.trusted_organizations load (quoted or not)")
    func loads() throws {
        let p = try PolicyFile.load(try write("allow: {trusted_accounts: ['444455556666', 777788889999], trusted_organizations: [o-a1b2c3d4e5]}"))
        #expect(p.trustedAccounts == ["444455556666", "777788889999"] && p.trustedOrganizations == ["o-a1b2c3d4e5"])
    }

    @Test("bad trusted entries name the entry", arguments: [
        ("allow: {trusted_account: ['444455556666']}", "allow.trusted_account: unknown key (expected public_buckets, database_tiers, trusted_accounts, trusted_organizations); did you mean 'trusted_accounts'?"),
        ("allow: {trusted_accounts: ['4444']}", "allow.trusted_accounts[0]: '4444' is not an account ID (12 digits)"),
        ("allow: {trusted_organizations: [a1b2]}", "allow.trusted_organizations[0]: 'a1b2' is not an organization ID (o-...)"),
    ])
    func errors(text: String, message: String) throws {
        let path = try write(text)
        #expect { try PolicyFile.load(path) } throws: { error in "\(error)".hasPrefix(path) && "\(error)".contains(message) }
    }
}
