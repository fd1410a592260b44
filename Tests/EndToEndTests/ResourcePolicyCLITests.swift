import Foundation
import Testing

/// The built binary on a small folder: a public SQS queue and a KMS key shared with another account
/// (fixture `public-queue-shared-key`): import, inspect, scan in every format, the policy file's trusted accounts, diff.
@Suite("resource policies end to end")
struct ResourcePolicyCLITests {
    @Test("import counts the resources; scan reports the public queue (critical) and the shared key (medium) in every format")
    func importInspectScan() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("a.db").path
        let imported = try CLIRunner.run(["import", CLIRunner.fixture("public-queue-shared-key"), "--out", db])
        #expect(imported.status == 0 && imported.stdout.contains("2 policy_resources"), "\(imported.stdout)\(imported.stderr)")
        let inspect = try CLIRunner.run(["inspect", db])
        #expect(inspect.stdout.split(separator: "\n").contains { $0.split(separator: " ") == ["policy_resources", "2"] }, "\(inspect.stdout)")

        let table = try CLIRunner.run(["scan", "--snapshot", db])
        #expect(table.status == 1, "a critical finding fails the default gate")
        #expect(table.stdout.contains("[CRITICAL] sqs-queue jobs is open to anyone (Write)"), "\(table.stdout)")
        #expect(table.stdout.contains("[MEDIUM] kms-key 0000aaaa-1111-2222-3333-444455556666 is shared with account 999988887777"))
        let json = try CLIRunner.run(["scan", "--snapshot", db, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        let rules = findings.compactMap { f -> String? in
            guard let rule = f["rule_id"] as? String, let severity = f["severity"] as? String else { return nil }
            return "\(rule) \(severity)"
        }
        #expect(rules.sorted() == ["resource-external-access medium", "resource-public critical"], "\(json.stdout.prefix(800))")
        for format in ["sarif", "markdown", "junit", "html"] {
            let out = try CLIRunner.run(["scan", "--snapshot", db, "--format", format])
            #expect(out.stdout.contains("resource-public") && out.stdout.contains("resource-external-access"), "\(format): \(out.stderr)")
        }
    }

    @Test("a policy file trusting the key's partner account makes the shared key info; a queue opened between snapshots is a new finding in diff")
    func trustedAndDiff() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("policy.yaml")
        try "allow:\n  trusted_accounts: ['999988887777']\n".write(to: policy, atomically: true, encoding: .utf8)
        let scan = try CLIRunner.run(["scan", CLIRunner.fixture("public-queue-shared-key"), "--policy", policy.path])
        #expect(scan.stdout.contains("[INFO] kms-key 0000aaaa-1111-2222-3333-444455556666 is shared with trusted 999988887777"), "\(scan.stdout)\(scan.stderr)")

        // Before: the same folder with the queue's policy removed.
        let before = dir.appendingPathComponent("before")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("public-queue-shared-key"), toPath: before.path)
        let queue = before.appendingPathComponent("222222222222/us-east-1/sqs-get-queue-attributes/jobs.json")
        try #"{"Attributes": {"QueueArn": "arn:aws:sqs:us-east-1:222222222222:jobs"}}"#.write(to: queue, atomically: true, encoding: .utf8)
        let old = dir.appendingPathComponent("old.db").path, new = dir.appendingPathComponent("new.db").path
        #expect(try CLIRunner.run(["import", before.path, "--out", old]).status == 0)
        #expect(try CLIRunner.run(["import", CLIRunner.fixture("public-queue-shared-key"), "--out", new]).status == 0)
        let diff = try CLIRunner.run(["diff", old, new, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any], "\(diff.stdout)\(diff.stderr)")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: report["findings"] ?? [:]), as: UTF8.self)
        #expect(text.contains("resource-public") && !text.contains("resource-external-access"), "\(text)")
        #expect(diff.status != 0, "a new critical finding gates the diff")
    }
}
