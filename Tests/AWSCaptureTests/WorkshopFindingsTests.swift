import AWSCapture
import AWSImport
import Findings
import Foundation
import NetModel
import Policy
import Testing

/// The workshop built on moto, captured live and scanned, gives the same findings as the shipped
/// offline sample (IDs differ between the two accounts; rules, resources, severities and ports do not).
@Suite(.serialized)
struct WorkshopFindingsTests {
    /// A finding without the account-specific IDs: rule, resource name, severity, and for exposures the port.
    static func key(_ f: Finding) -> String {
        let port = f.ruleId == "internet-exposed-port" ? String(f.title.split(separator: " ").first ?? "") : ""
        return "\(f.ruleId)|\(f.resource.name ?? f.resource.kind)|\(f.severity)|\(port)"
    }

    @Test func liveWorkshopScanMatchesTheOfflineSample() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let policy = try PolicyFile.load(root.appendingPathComponent("policies/workshop.yaml").path)
        let offline = try Importer().importPaths([root.appendingPathComponent("snapshots/workshop").path]).inventory
        let expected = try RuleEngine.scan(offline, policy: policy, source: "offline", today: "2026-11-23").findings.map(Self.key).sorted()
        #expect(expected.contains("internet-exposed-port|demo-app-bastion-host|critical|tcp/22"))
        try await MotoServer.with { server in
            _ = try server.setup("workshop")
            let live = try await capture(CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                                                        retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001), environment: motoEnvironment))
            let found = try RuleEngine.scan(live.inventory, policy: policy, source: "live", today: "2026-11-23")
            #expect(found.findings.map(Self.key).sorted() == expected)
        }
    }

    @Test func scanWithoutInputCapturesSavesAndEvaluates() async throws {
        try await MotoServer.with { server in
            _ = try server.setup("workshop")
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-scan-live-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let run = try Binary.run(["scan", "--endpoint-url", server.url, "--regions", "us-east-1", "--format", "json"],
                                     environment: motoEnvironment, directory: dir)
            #expect(run.status == 1, "critical findings gate: \(run.stderr)")
            let saved = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("snapshots").path)
            #expect(saved.count == 1 && saved[0].hasPrefix("123456789012-") && saved[0].hasSuffix(".db"))
            #expect(run.stderr.contains("captured account 123456789012 into snapshots/"))
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let findings = report?["findings"] as? [[String: Any]] ?? []
            #expect(findings.contains { ($0["rule_id"] as? String) == "internet-exposed-port" && ($0["severity"] as? String) == "critical" })
        }
    }
}
