import AWSImport
import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// A Fargate service with assignPublicIp ENABLED and a world-open port (fixture `ecs-workloads`'s public-api, no running
/// task: answered from its awsvpc configuration) is an internet exposure named by the service, with its task role.
@Suite("ECS exposure and secrets")
struct ECSExposureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/ecs-workloads").path

    static func inventory() throws -> Inventory { try Importer().importPaths([fixture]).inventory }

    static func exposures(_ inv: Inventory) throws -> [Finding] {
        try WorkshopScanTests.scan(inv).findings.filter { $0.ruleId == "internet-exposed-port" }
    }

    @Test("a public Fargate service with a world-open port is flagged by service name, with its task role's reach raising severity")
    func publicFargateService() throws {
        let f = try #require(try Self.exposures(try Self.inventory()).first { $0.resource.name == "public-api" })
        #expect(f.resource.kind == "ecs-service" && f.resource.id == "arn:aws:ecs:us-east-1:111111111111:service/shop/public-api")
        #expect(f.title.hasPrefix("tcp/8080") && f.title.hasSuffix("is reachable from the internet"), "\(f.title)")
        #expect(f.evidence.contains("runs as task role api-task-role: s3:* on *"), "\(f.evidence)")
        #expect(f.evidence.contains { $0.hasPrefix("security-group-ingress: sg-api") })
        #expect(f.evidence.contains("severity raised one level: whoever takes over the exposed workload acts with its role"))
    }

    @Test("the same service without a public IP is not exposed")
    func privateService() throws {
        var inv = try Self.inventory()
        let i = try #require(inv.ecsServices.firstIndex { $0.name == "public-api" })
        inv.ecsServices[i].network?.assignPublicIp = false
        #expect(!(try Self.exposures(inv)).contains { $0.resource.name == "public-api" })
    }

    @Test("a plain secret in a RunTask override is reported on the task, naming the variable and never the value")
    func overrideSecret() throws {
        let findings = try WorkshopScanTests.scan(try Self.inventory()).findings.filter { $0.ruleId == "plaintext-secret-in-environment" }
        let f = try #require(findings.first { $0.resource.kind == "ecs-task" })
        #expect(f.title == "REPORT_API_TOKEN in the container override report of ECS task 0123456789abcdef0123456789abcdef holds a credential in plain text")
        #expect(f.fix.cli?.contains("without REPORT_API_TOKEN in --overrides") == true)
        let text = findings.map { "\($0.title) \($0.evidence) \($0.fix)" }.joined()
        #expect(!text.contains("fixture-override-token-value") && !text.contains("fixture-db-password"))
        #expect(Set(findings.map { String($0.title.split(separator: " ")[0]) }) == ["DATABASE_URL", "JWT_SECRET", "SIGNING_KEY", "UPSTREAM_ACCESS", "AWS_SECRET_ACCESS_KEY", "REPORT_API_TOKEN", "STRIPE_API_KEY"])
    }
}
