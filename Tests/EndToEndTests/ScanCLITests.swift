import Foundation
import Testing

@Suite("netaudit scan, query and matrix, run as a user would")
struct ScanCLITests {
    static let workshop = CLIRunner.packageRoot.appendingPathComponent("snapshots/workshop").path
    static let terraform = CLIRunner.packageRoot.appendingPathComponent("snapshots/terraform-three-tier").path
    static let policy = CLIRunner.packageRoot.appendingPathComponent("policies/workshop.yaml").path

    @Test("the workshop fails the default gate (exit 1); --fail-on none passes; the Terraform sample passes")
    func gating() throws {
        let workshop = try CLIRunner.run(["scan", Self.workshop, "--policy", Self.policy])
        #expect(workshop.status == 1, "\(workshop.stderr)")
        #expect(workshop.stdout.contains("[CRITICAL] tcp/22 (SSH) on demo-app-bastion-host"))
        #expect(workshop.stdout.contains("FAILED"))
        #expect(try CLIRunner.run(["scan", Self.workshop, "--fail-on", "none"]).status == 0)
        let clean = try CLIRunner.run(["scan", Self.terraform, "--fail-on", "critical"])
        #expect(clean.status == 0)
    }

    @Test("JSON reports work as baselines: only new findings gate")
    func baseline() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.json").path
        let first = try CLIRunner.run(["scan", Self.workshop, "--format", "json", "--output", report])
        #expect(first.status == 1 && first.stdout.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        #expect(findings.count >= 6 && findings.allSatisfy { $0["id"] is String && $0["fix"] is [String: Any] })
        let second = try CLIRunner.run(["scan", Self.workshop, "--baseline", report])
        #expect(second.status == 0, "\(second.stdout)")
    }

    @Test("a per-resource baseline (--group-by resource, as reports were before grouping) matches the grouped scan, and back")
    func baselineAcrossGrouping() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let perResource = dir.appendingPathComponent("per-resource.json").path
        let grouped = dir.appendingPathComponent("grouped.json").path
        #expect(try CLIRunner.run(["scan", Self.workshop, "--group-by", "resource", "--format", "json", "--output", perResource]).status == 1)
        #expect(try CLIRunner.run(["scan", Self.workshop, "--format", "json", "--output", grouped]).status == 1)
        let ids = { (path: String) throws -> Set<String> in
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            return Set((json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
        #expect(try ids(perResource) != ids(grouped), "grouped findings carry per-cause fingerprints")
        let later = try CLIRunner.run(["scan", Self.workshop, "--baseline", perResource])
        #expect(later.status == 0, "\(later.stdout)")
        #expect(try CLIRunner.run(["scan", Self.workshop, "--group-by", "resource", "--baseline", grouped]).status == 0)
        let bad = try CLIRunner.run(["scan", Self.workshop, "--group-by", "rule"])
        #expect(bad.status == 2 && bad.stderr.contains("--group-by"), "\(bad.stderr)")
    }

    @Test("SARIF, JUnit and Markdown come out in their formats")
    func formats() throws {
        let sarif = try CLIRunner.run(["scan", Self.workshop, "--format", "sarif", "--fail-on", "none"])
        let doc = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(doc?["version"] as? String == "2.1.0")
        let junit = try CLIRunner.run(["scan", Self.workshop, "--format", "junit", "--fail-on", "none"])
        #expect(junit.stdout.hasPrefix("<?xml") && junit.stdout.contains("<testsuite name=\"internet-exposed-port\""))
        let markdown = try CLIRunner.run(["scan", Self.workshop, "--format", "markdown", "--fail-on", "none"])
        #expect(markdown.stdout.contains("| Severity |"))
    }

    @Test("bad policy files and baselines exit 2 with a message naming them")
    func errors() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml").path
        try "rules: {disable: [nope]}".write(toFile: bad, atomically: true, encoding: .utf8)
        let policy = try CLIRunner.run(["scan", Self.workshop, "--policy", bad])
        #expect(policy.status == 2 && policy.stderr.contains("\(bad): rules.disable[0]: unknown rule 'nope'"))
        let baseline = try CLIRunner.run(["scan", Self.workshop, "--baseline", bad])
        #expect(baseline.status == 2 && baseline.stderr.contains(bad))
        let failOn = try CLIRunner.run(["scan", Self.workshop, "--fail-on", "severe"])
        #expect(failOn.status == 2)
    }

    @Test("query answers with exit codes 0/1 and the JSON contract")
    func query() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.db").path
        #expect(try CLIRunner.run(["import", Self.workshop, "--out", db, "--quiet"]).status == 0)
        let no = try CLIRunner.run(["query", db, "can ALB reach RDS:3306"])
        #expect(no.status == 1 && no.stdout.contains("not reachable") && no.stdout.contains("demo-app-db-sg"))
        let yes = try CLIRunner.run(["query", db, "--from", "asg", "--to", "rds", "--port", "3306", "--format", "json"])
        #expect(yes.status == 0)
        let answer = try JSONSerialization.jsonObject(with: Data(yes.stdout.utf8)) as? [String: Any]
        #expect(answer?["reachable"] as? Bool == true && answer?["protocol"] as? String == "tcp")
        #expect(answer?["ports"] as? [[Int]] == [[3306, 3306]])
        let pairs = answer?["pairs"] as? [[String: Any]] ?? []
        #expect(pairs.count == 2 && pairs.allSatisfy { ($0["path"] as? [Any])?.isEmpty == false && $0["blocked_by"] is [Any] })
        let unknown = try CLIRunner.run(["query", db, "can nothing reach rds"])
        #expect(unknown.status == 2 && unknown.stderr.contains("matches nothing"))
        let matrix = try CLIRunner.run(["matrix", db, "--format", "csv"])
        #expect(matrix.status == 0 && matrix.stdout.contains("demo-app-alb,demo-app-asg,tcp,5000,"))
    }
}
