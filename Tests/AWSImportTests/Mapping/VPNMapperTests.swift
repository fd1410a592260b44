import Foundation
import Testing
@testable import AWSImport
import NetModel

@Suite("Import of Site-to-Site VPN and Direct Connect")
struct VPNMapperTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }
    static let keys = ["FAKEpskVgwTunnelOne0123456789ab", "FAKEpskVgwTunnelTwo0123456789ab",
                       "FAKEpskTgwTunnelOne0123456789ab", "FAKEpskTgwTunnelTwo0123456789ab"]

    init() throws {
        result = try Importer().importPaths([Fixtures.path("batfish-snapshot/aws_configs/us-east-2")])
    }

    @Test("a virtual private gateway lists only the VPCs whose attachment state is 'attached'")
    func vpnGatewayAttachments() throws {
        let vgw = try #require(inv.vpnGateways.first { $0.id == "vgw-app" })
        #expect(vgw.attachedVpcIds == ["vpc-app"])
        #expect(vgw.amazonSideAsn == 65401 && vgw.tags.name == "lhr-aws-01" && vgw.state == "available")
    }

    @Test("customer gateways keep their outside address and BGP ASN")
    func customerGateway() throws {
        let cgw = try #require(inv.customerGateways.first)
        #expect(cgw.id == "cgw-lhr" && cgw.ipAddress == "147.75.69.27" && cgw.bgpAsn == "65301")
    }

    @Test("a VPN connection on a virtual private gateway: static routes, tunnels from VgwTelemetry, traffic selectors")
    func vgwConnection() throws {
        let vpn = try #require(inv.vpnConnections.first { $0.id == "vpn-vgw" })
        #expect(vpn.vpnGatewayId == "vgw-app" && vpn.transitGatewayId == nil && vpn.customerGatewayId == "cgw-lhr")
        #expect(vpn.staticRoutesOnly)
        #expect(vpn.routes == [VPNStaticRoute(destination: try #require(IPPrefix("192.168.10.0/24")), state: "available")])
        #expect(vpn.tunnels.map(\.status) == ["UP", "DOWN"] && vpn.hasTunnelUp)
        #expect(vpn.tunnels.first?.outsideIpAddress == "52.27.166.152")
        #expect(vpn.localNetworkCidr?.description == "0.0.0.0/0" && vpn.remoteNetworkCidr?.description == "0.0.0.0/0")
    }

    @Test("a VPN connection on a transit gateway is joined to its attachment of resource type vpn ('Transit gateway VPN attachments')")
    func tgwConnection() throws {
        let vpn = try #require(inv.vpnConnections.first { $0.id == "vpn-tgw" })
        #expect(vpn.vpnGatewayId == nil, "an empty VpnGatewayId means none")
        #expect(vpn.transitGatewayId == "tgw-hub" && vpn.transitGatewayAttachmentId == "tgw-attach-vpn")
        #expect(!vpn.staticRoutesOnly && vpn.tunnels.first?.acceptedRouteCount == 3)
    }

    @Test("Direct Connect gateways keep associated gateways and allowed prefixes of live associations only")
    func directConnectGateway() throws {
        let dx = try #require(inv.directConnectGateways.first)
        #expect(dx.name == "dx-test-gateway" && dx.scope == ResourceScope(account: "554773406868", region: ResourceScope.globalRegion))
        #expect(dx.associatedGatewayIds == ["tgw-hub"])
        #expect(dx.allowedPrefixes.map(\.description) == ["10.10.0.0/16"])
    }

    @Test("pre-shared keys reach neither the raw documents, the model nor the warnings; the redaction is named")
    func preSharedKeysRedacted() throws {
        let raw = try #require(result.rawDocuments.first { $0.kind == "VpnConnections" })
        #expect(raw.content.contains("vpn-vgw") && raw.content.contains(SecretRedactor.placeholder))
        let model = String(decoding: try JSONEncoder().encode(inv), as: UTF8.self)
        for key in Self.keys {
            #expect(!raw.content.contains(key))
            #expect(!model.contains(key))
            #expect(!inv.warnings.contains { $0.message.contains(key) })
        }
        let warning = try #require(inv.warnings.first { $0.code == "secret-redacted" })
        #expect(warning.source.hasSuffix("VpnConnections.json"))
        #expect(warning.message.contains("VpnConnections[0].CustomerGatewayConfiguration"), "vpn-vgw")
        #expect(warning.message.contains("VpnConnections[1].Options.TunnelOptions[0].PreSharedKey; VpnConnections[1].Options.TunnelOptions[1].PreSharedKey"), "vpn-tgw")
    }

    @Test("pre-shared keys in documents kept raw without being understood (unrecognised, truncated) are redacted too")
    func preSharedKeysInRawOnlyDocuments() throws {
        let created = #"{"VpnConnection": {"VpnConnectionId": "vpn-1", "CustomerGatewayConfiguration": "<vpn_connection><ike><pre_shared_key>FAKEpskCreated012345</pre_shared_key></ike></vpn_connection>", "Options": {"TunnelOptions": [{"PreSharedKey": "FAKEpskOption\"FAKEpskTail"}]}}}"#
        let truncated = #"{"VpnConnections": [{"VpnConnectionId": "vpn-2", "Options": {"TunnelOptions": [{"PreSharedKey": "FAKEpskTrunc"#
        let files = [("create-vpn-connection.json", created), ("truncated.json", truncated)].map {
            InputFile(displayPath: $0.0, account: nil, region: nil, baseName: $0.0, contents: Array($0.1.utf8))
        }
        let result = try Importer(skipInvalid: true).importFiles(files)
        #expect(result.rawDocuments.map(\.kind) == ["unrecognized", "invalid"])
        for doc in result.rawDocuments {
            #expect(!doc.content.contains("FAKEpsk"), "\(doc.source)")
            #expect(doc.content.contains(SecretRedactor.placeholder))
        }
        #expect(result.rawDocuments[0].content.contains("vpn-1") && result.rawDocuments[0].content.contains("Options"), "only the secrets are gone")
        let redactions = result.inventory.warnings.filter { $0.code == "secret-redacted" }.map(\.source)
        #expect(redactions == ["create-vpn-connection.json", "truncated.json"])
        #expect(!result.inventory.warnings.contains { $0.message.contains("FAKEpsk") })
    }

    @Test("AWS CLI Direct Connect output (camelCase keys) imports; an association of an unlisted gateway is an orphan warning")
    func directConnectCLI() throws {
        let gateways = #"{"directConnectGateways": [{"directConnectGatewayId": "dxgw-1", "directConnectGatewayName": "corp", "amazonSideAsn": 64512, "ownerAccount": "123456789012", "directConnectGatewayState": "available"}]}"#
        let associations = #"{"directConnectGatewayAssociations": [{"directConnectGatewayId": "dxgw-1", "associationState": "associated", "associatedGateway": {"id": "vgw-1", "type": "virtualPrivateGateway", "ownerAccount": "123456789012", "region": "eu-west-1"}, "allowedPrefixesToDirectConnectGateway": [{"cidr": "10.0.0.0/16"}, {"cidr": "10.1.0.0/16"}]}, {"directConnectGatewayId": "dxgw-other", "associationState": "associated", "associatedGateway": {"id": "tgw-9"}}]}"#
        let files = [("dx.json", gateways), ("dxa.json", associations)].map {
            InputFile(displayPath: $0.0, account: nil, region: nil, baseName: $0.0, contents: Array($0.1.utf8))
        }
        let inv = try Importer().importFiles(files).inventory
        let dx = try #require(inv.directConnectGateways.first)
        #expect(dx.id == "dxgw-1" && dx.name == "corp" && dx.scope.account == "123456789012")
        #expect(dx.associatedGatewayIds == ["vgw-1"] && dx.allowedPrefixes.map(\.description) == ["10.0.0.0/16", "10.1.0.0/16"])
        #expect(inv.warnings.map(\.code) == ["orphan-document"])
        #expect(inv.warnings.first?.message.contains("dxgw-other") == true && inv.warnings.first?.source == "dxa.json")
    }

    @Test("a VPN static route without a destination is an error naming the member")
    func routeWithoutDestination() {
        let doc = #"{"VpnConnections": [{"VpnConnectionId": "vpn-1", "Routes": [{"State": "available"}]}]}"#
        let file = InputFile(displayPath: "vpn.json", account: nil, region: nil, baseName: "vpn", contents: Array(doc.utf8))
        #expect { try Importer().importFiles([file]) } throws: { error in
            "\(error)" == "vpn.json: VpnConnections[0].Routes[0] has no DestinationCidrBlock"
        }
    }
}
