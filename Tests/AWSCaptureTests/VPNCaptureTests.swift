import AWSCapture
import AWSImport
import Foundation
import NetModel
import Testing

/// Services moto 5.2.1 does not emulate: Direct Connect has connections and LAGs but no
/// DescribeDirectConnectGateways / DescribeDirectConnectGatewayAssociations (they answer HTTP 500).
let motoMissingServices: Set<String> = ["directconnect"]

/// Live capture of Site-to-Site VPN against a real moto server.
@Suite(.serialized)
struct VPNCaptureTests {
    func options(_ server: MotoServer, skipping: Set<String> = motoMissingServices) -> CaptureOptions {
        var o = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                               retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001), environment: motoEnvironment)
        o.skippedServices = skipping
        return o
    }

    @Test func vpnGatewaysCustomerGatewaysAndConnectionsAreCapturedLikeTheirCLIImport() async throws {
        try await MotoServer.with { server in
            let ids = try JSONSerialization.jsonObject(with: Data(try server.setup("vpn").utf8)) as? [String: String] ?? [:]
            let vgwId = try #require(ids["vgw"]), tgwId = try #require(ids["tgw"]), cgwId = try #require(ids["cgw"])
            let result = try await capture(options(server))
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let inv = result.inventory

            let vgw = try #require(inv.vpnGateways.first { $0.id == vgwId })
            #expect(vgw.attachedVpcIds == [ids["vpc"]])
            #expect(vgw.scope == ResourceScope(account: "123456789012", region: "us-east-1"))
            let cgw = try #require(inv.customerGateways.first { $0.id == cgwId })
            #expect(cgw.ipAddress == "203.0.113.10" && cgw.bgpAsn == "65000" && cgw.tags.name == "branch-office")

            #expect(inv.vpnConnections.count == 2)
            let onVgw = try #require(inv.vpnConnections.first { $0.vpnGatewayId == vgwId })
            #expect(onVgw.customerGatewayId == cgwId && onVgw.transitGatewayId == nil)
            let onTgw = try #require(inv.vpnConnections.first { $0.transitGatewayId == tgwId })
            let attachment = try #require(inv.transitGatewayAttachments.first { $0.resourceType == "vpn" })
            #expect(attachment.resourceId == onTgw.id)
            #expect(onTgw.transitGatewayAttachmentId == attachment.id, "joined through the attachment of resource type vpn")

            // moto puts a pre-shared key in CustomerGatewayConfiguration: it must not be stored.
            #expect(!result.rawDocuments.contains { $0.content.contains("<pre_shared_key>") })
            #expect(inv.warnings.contains { $0.code == "secret-redacted" && $0.message.contains("CustomerGatewayConfiguration") })

            // The same server dumped with the AWS CLI imports to the same VPN resources.
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-vpn-cli-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dump) }
            _ = try server.setup("cli-dump", dump)
            let imported = try Importer().importPaths([dump]).inventory
            #expect(imported.vpnGateways == inv.vpnGateways)
            #expect(imported.customerGateways == inv.customerGateways)
            #expect(imported.vpnConnections == inv.vpnConnections)
        }
    }

    @Test func directConnectCallsGoOverTheJSONProtocolAndAFailureIsAWarning() async throws {
        try await MotoServer.with { server in
            let result = try await capture(options(server, skipping: []))
            let dx = result.warnings.filter { $0.source.hasPrefix("directconnect ") }
            #expect(dx.map(\.source) == ["directconnect DescribeDirectConnectGatewayAssociations (us-east-1)",
                                         "directconnect DescribeDirectConnectGateways (us-east-1)"])
            #expect(dx.allSatisfy { $0.code == "service-error" && $0.message.contains("resources are missing") })
            #expect(result.inventory.directConnectGateways.isEmpty)
            #expect(!result.inventory.vpcs.isEmpty, "the rest of the capture goes on")
        }
    }
}
