import AWSCapture
import AWSImport
import Foundation
import NetModel
import Testing

/// Live capture of ELBv2 listener rules (DescribeRules per listener) against a real moto server, compared with
/// the AWS CLI's `describe-rules` output of the same server.
@Suite(.serialized)
struct ListenerRulesCaptureTests {
    struct IDs: Decodable {
        var loadBalancer: String, http: String, other: String, frontend: String, backend: String
    }

    @Test func describeRulesPerListenerIsCapturedLikeItsCLIImport() async throws {
        try await MotoServer.with { server in
            let ids = try JSONDecoder().decode(IDs.self, from: Data(try server.setup("listener-rules").utf8))
            var options = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                                         retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001), environment: motoEnvironment)
            options.skippedServices = motoMissingServices
            let result = try await capture(options)
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let sources = Set(result.rawDocuments.map(\.source))
            #expect(sources.contains("live/123456789012/us-east-1/elbv2-describe-rules/rules-alb-80.json"), "\(sources.sorted())")
            #expect(sources.contains("live/123456789012/us-east-1/elbv2-describe-rules/rules-alb-8080.json"))

            let lb = try #require(result.inventory.loadBalancers.first { $0.id == ids.loadBalancer })
            let http = try #require(lb.listeners.first { $0.arn == ids.http })
            let rules = try #require(http.rules)
            #expect(rules.map(\.priority) == ["100", "150", "300", "400", "default"])
            #expect(rules.map(\.label) == ["rule /api/* (priority 100)", "rule host canary.example.com (priority 150)",
                                           "rule /old/* (priority 300)", "rule /health (priority 400)", "default rule"])
            #expect(rules[0].forwardedTargetGroupArns == [ids.backend])
            #expect(rules[1].forwardedTargetGroupArns == [ids.frontend], "weight 0 sends nothing")
            #expect(rules[2].actions.first?.redirectsToHTTPS == true && rules[3].actions.first?.fixedResponseStatus == "200")
            #expect(Set(http.forwardedTargetGroupArns) == [ids.frontend, ids.backend])
            let other = try #require(lb.listeners.first { $0.arn == ids.other })
            #expect(other.rules?.map(\.isDefault) == [true] && !other.forwards)

            // The AWS CLI's output of the same calls imports to the same load balancer, rules included.
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-rules-cli-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dump) }
            _ = try server.setup("cli-dump", dump)
            let imported = try Importer().importPaths([dump]).inventory
            #expect(imported.loadBalancers.first { $0.id == ids.loadBalancer } == lb)
        }
    }
}
