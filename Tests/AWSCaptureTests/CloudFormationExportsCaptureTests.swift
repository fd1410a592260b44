import AWSCapture
import AWSImport
import Foundation
import Testing

/// CloudFormation `ListExports` captured live (query protocol) against a real moto server, kept as the document
/// `Fn::ImportValue` of a template laid over the snapshot reads.
@Suite(.serialized)
struct CloudFormationExportsCaptureTests {
    @Test func exportsAreCapturedAsTheCLIPrintsThem() async throws {
        try await MotoServer.with { server in
            _ = try server.setup("exports")
            var o = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                                   retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001), environment: motoEnvironment)
            o.skippedServices = motoMissingServices
            let result = try await capture(o)
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let document = try #require(result.rawDocuments.first { $0.kind == DocumentKind.cloudFormationExports.rawValue })
            let exports = CloudFormationExports.values(stored: document.content)
            #expect(exports["office-cidr"] == "203.0.113.0/24")
            #expect(exports["shared-vpc-id"]?.hasPrefix("vpc-") == true)
        }
    }
}
