import AWSCapture
import AWSImport
import Foundation
import NetModel
import Testing

/// Live capture of transit gateway propagations and associations and of ELBv2 attributes, against a real moto server.
/// moto records propagations but never installs their routes (see /work/shared/notes/moto.md): the import computes them
/// (AWS "Transit gateway route tables": an enabled VPC propagation installs the VPC's CIDRs).
@Suite(.serialized)
struct TransitGatewayCaptureTests {
    struct IDs: Decodable {
        var vpcA: String, vpcB: String, table: String, otherTable: String, attachmentA: String, attachmentB: String
    }

    @Test func propagationsAssociationsAndAttributesLandInTheSnapshot() async throws {
        try await MotoServer.with { server in
            let ids = try JSONDecoder().decode(IDs.self, from: Data(try server.setup("tgw").utf8))
            var options = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                                         retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001), environment: motoEnvironment)
            options.skippedServices = motoMissingServices
            let result = try await capture(options)
            let inv = result.inventory
            #expect(result.warnings.isEmpty, "\(result.warnings)")

            // The calls were made, one document per route table / load balancer / target group, in the import's folders.
            let sources = Set(result.rawDocuments.map(\.source))
            for folder in ["ec2-get-transit-gateway-route-table-propagations", "ec2-get-transit-gateway-route-table-associations",
                           "ec2-search-transit-gateway-routes"] {
                #expect(sources.contains("live/123456789012/us-east-1/\(folder)/\(ids.table).json"), "\(folder)")
            }
            #expect(sources.contains("live/123456789012/us-east-1/elbv2-describe-load-balancer-attributes/tgw-nlb.json"))
            #expect(sources.contains("live/123456789012/us-east-1/elbv2-describe-target-group-attributes/tgw-ip.json"))

            // Propagation and association on the table; the propagated route computed; static and blackhole routes kept.
            let table = try #require(inv.transitGatewayRouteTables.first { $0.id == ids.table })
            #expect(table.propagations == [TransitGatewayPropagation(attachmentId: ids.attachmentA, resourceType: "vpc",
                                                                      resourceId: ids.vpcA, state: "enabled")])
            #expect(Set(table.associatedAttachmentIds ?? []) == [ids.attachmentA, ids.attachmentB])
            let routes = table.routes.map { "\($0.destination) \($0.type) \($0.state.rawValue) \($0.attachmentIds.joined())" }
            #expect(routes.contains("10.60.0.0/16 propagated active \(ids.attachmentA)"), "\(routes)")
            #expect(routes.contains { $0.hasPrefix("10.61.0.0/16 static active") }, "\(routes)")
            #expect(routes.contains("10.99.0.0/16 static blackhole "), "searched with state active and blackhole: \(routes)")
            #expect(routes.count == 3, "\(routes)")
            let other = try #require(inv.transitGatewayRouteTables.first { $0.id == ids.otherTable })
            #expect(other.propagations == [] && other.routes.isEmpty && other.routesKnown)
            for attachment in [ids.attachmentA, ids.attachmentB] {
                #expect(inv.transitGatewayAttachments.first { $0.id == attachment }?.associatedRouteTableId == ids.table)
            }

            // Attributes on the right resources.
            let nlb = try #require(inv.loadBalancers.first { $0.name == "tgw-nlb" })
            #expect(nlb.attributes?["load_balancing.cross_zone.enabled"] == "true" && nlb.crossZoneEnabled)
            let group = try #require(inv.targetGroups.first { $0.name == "tgw-ip" })
            #expect(group.attributes?["preserve_client_ip.enabled"] == "true" && group.preservesClientIp)
            #expect(group.crossZoneOverride == nil, "use_load_balancer_configuration follows the load balancer")

            // The AWS CLI's output of the same calls imports to the same model.
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-tgw-cli-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dump) }
            _ = try server.setup("cli-dump", dump)
            var imported = try Importer().importPaths([dump]).inventory
            var live = inv
            imported.warnings = []
            live.warnings = []
            #expect(live.transitGatewayRouteTables == imported.transitGatewayRouteTables)
            #expect(live.transitGatewayAttachments == imported.transitGatewayAttachments)
            #expect(live.loadBalancers == imported.loadBalancers && live.targetGroups == imported.targetGroups)
            #expect(live == imported, "live capture and CLI import differ")
        }
    }
}
