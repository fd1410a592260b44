import AWSCapture
import AWSImport
import Findings
import Foundation
import IaCImport
import NetModel
import Policy
import Reachability
import Testing

/// The real cross-check of the before-deploy audit: seed 002's template (`todo-app.yaml`) imported before deploy, and
/// the same template deployed by moto's CloudFormation (`scripts/capture/moto_cfn_deploy.py`, whose one documented
/// post-processing step lists what it corrects) and captured live, give the same findings and the same tier-pair
/// answers. Resources are compared by logical ID: CloudFormation names what the template leaves unnamed (roles,
/// the bucket) only at deploy.
@Suite(.serialized)
struct IaCCrossCheckTests {
    static let template = MotoServer.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/todo-app.yaml").path
    static let parameters = ["SNSTopicArn": "arn:aws:sns:us-east-1:123456789012:alerts"]

    /// Findings as `rule|logical ID of each resource`, so the two sides compare although their IDs differ.
    static func findings(_ inventory: Inventory, logical: (ResourceRef) -> String) throws -> [String] {
        let result = try RuleEngine.scan(inventory, policy: PolicyFile(), source: "cross-check", today: "2026-12-03")
        return result.findings.map { f in "\(f.ruleId)|\(f.resources.map(logical).sorted().joined(separator: ","))" }.sorted()
    }

    /// Every default tier pair that talks or can't be judged: `from → to ports via [unknown]`.
    static func answers(_ inventory: Inventory) -> [String] {
        let solver = Solver(inventory: inventory)
        return solver.matrix(solver.defaultTiers()).cells.map { c in
            "\(c.from) → \(c.to) \(c.ports.map { $0.map(String.init).joined(separator: "-") }.joined(separator: ",")) via \(c.via.sorted())\(c.unknown == nil ? "" : " unknown")"
        }.sorted()
    }

    @Test("todo-app.yaml audited before deploy agrees with the stack moto deploys, captured live: findings and tier pairs")
    func templateAgreesWithTheDeployedStack() async throws {
        let planned = try IaCImporter(importer: Importer(), parameters: Self.parameters, region: "us-east-1", account: "123456789012")
            .importPlanned([Self.template])
        func preLogical(_ r: ResourceRef) -> String { planned.locations[r.id]?.name ?? r.name ?? r.id }
        let before = try Self.findings(planned.result.inventory, logical: preLogical)
        let beforeAnswers = Self.answers(planned.result.inventory)
        // The test can fail: the template has findings and answers to compare.
        #expect(before.contains("plaintext-secret-in-environment|BackendTaskDefinition"))
        #expect(beforeAnswers.contains { $0.hasPrefix("internet → todoapp-alb 80") })

        try await MotoServer.with { server in
            let deployed = try MotoServer.python(["scripts/capture/moto_cfn_deploy.py", server.url, Self.template]
                                                 + Self.parameters.map { "\($0.key)=\($0.value)" })
            let stack = try JSONSerialization.jsonObject(with: Data(deployed.utf8)) as? [String: Any]
            let physical = (stack?["resources"] as? [String: String] ?? [:]).filter { !$0.key.isEmpty && !$0.value.isEmpty }
            var options = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                                         retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001), environment: motoEnvironment)
            options.skippedServices = motoMissingServices
            let live = try await capture(options).inventory
            func postLogical(_ r: ResourceRef) -> String {
                let candidates = [r.id, r.arn, r.name].compactMap { $0 }
                let hit = physical.first { _, id in candidates.contains { $0 == id || $0.hasSuffix("/\(id)") || $0.hasSuffix(":\(id)") } }
                return hit?.key ?? r.name ?? r.id
            }
            let after = try Self.findings(live, logical: postLogical)
            #expect(after == before, "before deploy only: \(Set(before).subtracting(after).sorted()); after deploy only: \(Set(after).subtracting(before).sorted())")
            let afterAnswers = Self.answers(live)
            #expect(afterAnswers == beforeAnswers,
                    "before deploy only: \(Set(beforeAnswers).subtracting(afterAnswers).sorted()); after deploy only: \(Set(afterAnswers).subtracting(beforeAnswers).sorted())")
        }
    }
}
