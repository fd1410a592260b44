import Foundation
import Testing
@testable import AWSImport
import NetModel

/// AWS "Transit gateway route tables" (propagation, association) and "Route evaluation order" (static wins over propagated).
@Suite("Transit gateway propagation and association")
struct TransitGatewayRoutingTests {
    let inv: Inventory

    init() throws {
        inv = try Importer().importPaths([Fixtures.path("tgw-propagation")]).inventory
    }

    private func routes(_ table: String) -> [String] {
        (inv.transitGatewayRouteTables.first { $0.id == table }?.routes ?? []).map {
            "\($0.destination) \($0.type) \($0.state.rawValue) \($0.attachmentIds.joined(separator: ","))"
        }
    }

    @Test("an enabled VPC propagation installs the VPC's CIDR blocks as propagated routes (IPv6 only with IPv6 support)")
    func propagationInstallsRoutes() {
        #expect(routes("tgw-rtb-shared").contains("10.1.0.0/16 propagated active tgw-attach-a"))
        #expect(routes("tgw-rtb-shared").contains("2001:db8:a::/56 propagated active tgw-attach-a"))
        #expect(routes("tgw-rtb-spokes") == ["10.4.0.0/16 propagated active tgw-attach-c"])
    }

    @Test("a static route wins over a propagated one for the same destination")
    func staticWinsOverPropagated() {
        let shared = routes("tgw-rtb-shared")
        #expect(shared.filter { $0.hasPrefix("10.2.0.0/16 ") } == ["10.2.0.0/16 static active tgw-attach-c"])
    }

    @Test("a blackhole from the route search stays a blackhole, not replaced by a propagation")
    func blackholeKept() {
        #expect(routes("tgw-rtb-shared").filter { $0.hasPrefix("10.3.0.0/16 ") } == ["10.3.0.0/16 static blackhole "])
    }

    @Test("a disabled propagation installs nothing")
    func disabledPropagationInstallsNothing() {
        #expect(!routes("tgw-rtb-spokes").contains { $0.contains("tgw-attach-b") })
        let spokes = inv.transitGatewayRouteTables.first { $0.id == "tgw-rtb-spokes" }
        #expect(spokes?.propagations?.map(\.isEnabled) == [true, false])
    }

    @Test("associations set each attachment's route table; a disassociating one does not count")
    func associationSetsAttachmentTable() {
        let table = Dictionary(uniqueKeysWithValues: inv.transitGatewayAttachments.map { ($0.id, $0.associatedRouteTableId) })
        #expect(table["tgw-attach-a"] == "tgw-rtb-spokes")
        #expect(table["tgw-attach-b"] == "tgw-rtb-spokes")
        #expect(table["tgw-attach-c"] == "tgw-rtb-shared")
        #expect(table["tgw-attach-vpn"] == .some(nil))
        #expect(inv.transitGatewayRouteTables.first { $0.id == "tgw-rtb-shared" }?.associatedAttachmentIds == ["tgw-attach-c"])
        #expect(inv.transitGatewayRouteTables.first { $0.id == "tgw-rtb-unlisted" }?.associatedAttachmentIds == nil)
    }

    @Test("a VPN propagation warns only where no route listing shows its BGP routes")
    func vpnPropagationWarnsWithoutListing() {
        let warned = inv.warnings.filter { $0.code == TransitGatewayRoutingReconciler.unknownRoutesCode }
        #expect(warned.count == 1)
        #expect(warned.first?.source.hasSuffix("tgw-rtb-unlisted.json") == true)
        #expect(warned.first?.message.contains("tgw-attach-vpn") == true)
        let unlisted = inv.transitGatewayRouteTables.first { $0.id == "tgw-rtb-unlisted" }
        #expect(unlisted?.routesKnown == false && unlisted?.routes.isEmpty == true)
        #expect(inv.warnings.count == 1, "unexpected warnings: \(inv.warnings)")
    }

    @Test("propagations outside their folder, or of a table nobody lists, are named warnings")
    func unscopedAndOrphanPropagations() throws {
        let body = Array(#"{"TransitGatewayRouteTablePropagations": [{"TransitGatewayAttachmentId": "tgw-attach-x", "State": "enabled"}]}"#.utf8)
        let loose = InputFile(displayPath: "loose.json", account: nil, region: nil, baseName: "loose", contents: body)
        let orphan = InputFile(displayPath: "ec2-get-transit-gateway-route-table-propagations/tgw-rtb-gone.json", account: nil,
                               region: nil, callFolder: "ec2-get-transit-gateway-route-table-propagations", baseName: "tgw-rtb-gone",
                               contents: body)
        let warnings = try Importer().importFiles([loose, orphan]).inventory.warnings
        #expect(warnings.map(\.code).sorted() == ["orphan-document", "unscoped-document"])
    }

    @Test("SSM's Associations (no attachment IDs) are not taken for transit gateway associations")
    func foreignAssociationsStayUnrecognised() throws {
        let ssm = Array(#"{"Associations": [{"Name": "AWS-RunPatchBaseline", "AssociationId": "a-1"}]}"#.utf8)
        let file = InputFile(displayPath: "ssm.json", account: nil, region: nil, baseName: "ssm", contents: ssm)
        #expect(try Importer().importFiles([file]).inventory.warnings.map(\.code) == ["unrecognized-document"])
    }
}
