import Foundation
import JSON
import Testing
@testable import AWSImport
import NetModel

/// A Batfish snapshot folder (`aws_configs/<region>/*.json` and `aws_configs/accounts/<account>/<region>/*.json`)
/// holding every document Batfish's AWS parser wraps, in the shapes of its parser and test resources.
@Suite("Import of Batfish's AWS snapshot layout")
struct BatfishMapperTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }
    static let account = "554773406868"

    init() throws {
        result = try Importer().importPaths([Fixtures.path("batfish-snapshot")])
    }

    @Test("every Batfish document is recognised: no unrecognised, unsupported, invalid or orphan warnings")
    func noUnrecognisedWarnings() {
        let named = ["unmodelled-resource", "secret-redacted", "tgw-propagated-routes-unknown"]
        let unexpected = inv.warnings.filter { !named.contains($0.code) }
        #expect(unexpected.isEmpty, "unexpected warnings: \(unexpected)")
        #expect(!result.rawDocuments.contains { $0.kind == "unrecognized" || $0.kind.hasPrefix("unsupported:") })
        #expect(result.fileCount == 22)
    }

    @Test("Elasticsearch domains are modelled; VPC endpoint services are kept raw with a named 'modelled in a later version' warning")
    func unmodelledDocuments() throws {
        let unmodelled = inv.warnings.filter { $0.code == "unmodelled-resource" }.sorted { $0.source < $1.source }
        #expect(unmodelled.count == 1)
        let es = try #require(inv.openSearchDomains.first)
        #expect(es.id == "es-domain" && es.vpcId == "vpc-app" && es.subnetIds == ["subnet-app"] && es.securityGroupIds == ["sg-es"])
        let services = try #require(unmodelled.first { $0.source.hasSuffix("VpcEndpointServices.json") })
        #expect(services.message.hasPrefix("2 VPC endpoint service(s)") && services.message.contains("com.amazonaws.us-east-2.s3"))
        #expect(result.rawDocuments.contains { $0.kind == "DomainStatusList" && $0.content.contains("es-domain") })
    }

    @Test("region folders and accounts/<account>/<region> folders scope what is beneath them; file names do not matter")
    func scoping() throws {
        #expect(Set(inv.vpcs.map(\.id)) == ["vpc-app", "vpc-partner"])
        let partner = try #require(inv.vpnGateways.first { $0.id == "vgw-partner" })
        #expect(partner.scope == ResourceScope(account: "111122223333", region: "us-west-2"))
        let app = try #require(inv.vpnGateways.first { $0.id == "vgw-app" })
        #expect(app.scope.region == "us-east-2")
        #expect(inv.vpcs.first { $0.id == "vpc-app" }?.scope == ResourceScope(account: Self.account, region: "us-east-2"))
    }

    @Test("TransitGatewayStaticRoutes fill the static routes, blackholes kept; the VPC propagation adds the VPC's block (AWS 'Transit gateway route tables')")
    func staticRoutes() throws {
        let table = try #require(inv.transitGatewayRouteTables.first { $0.id == "tgw-rtb-hub" })
        let listed = table.routes.filter { $0.type != "propagated" }
        #expect(listed.map(\.destination.description) == ["192.168.0.0/16", "172.16.0.0/12"])
        #expect(listed[0].attachmentIds == ["tgw-attach-vpn"] && listed[0].state == .active)
        #expect(listed[1].state == .blackhole && listed[1].attachmentIds.isEmpty)
        // The enabled propagation of the VPC attachment adds the VPC's block besides them.
        let propagated = table.routes.filter { $0.type == "propagated" }
        #expect(propagated.map(\.attachmentIds) == [["tgw-attach-vpc"]])
        #expect(propagated.map(\.destination.description) == ["10.10.0.0/16"])
    }

    @Test("a static-only listing with an enabled Direct Connect propagation leaves the table's routes unknown, and says so")
    func bgpPropagationMakesRoutesUnknown() throws {
        let table = try #require(inv.transitGatewayRouteTables.first { $0.id == "tgw-rtb-hub" })
        #expect(!table.routesKnown)
        let warning = try #require(inv.warnings.first { $0.code == "tgw-propagated-routes-unknown" })
        #expect(warning.source.hasSuffix("TransitGatewayStaticRoutes.json"))
        #expect(warning.message.contains("tgw-attach-dx (direct-connect-gateway)"))
        #expect(!warning.message.contains("tgw-attach-vpn"), "its propagation is not enabled")
    }

    @Test("a static-routing VPN attachment propagates nothing beyond the listed static routes ('Site-to-Site VPN routing options')",
          arguments: [true, false])
    func vpnPropagation(staticOnly: Bool) throws {
        let docs = [
            #"{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "State": "available"}]}"#,
            #"{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-v", "TransitGatewayId": "tgw-1", "ResourceType": "vpn", "ResourceId": "vpn-1", "State": "available"}]}"#,
            #"{"VpnConnections": [{"VpnConnectionId": "vpn-1", "TransitGatewayId": "tgw-1", "State": "available", "Options": {"StaticRoutesOnly": \#(staticOnly)}}]}"#,
            #"{"TransitGatewayStaticRoutes": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "Routes": [{"DestinationCidrBlock": "192.168.0.0/16", "State": "active", "Type": "static", "TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-v"}]}]}]}"#,
            #"{"TransitGatewayPropagations": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayRouteTablePropagations": [{"TransitGatewayAttachmentId": "tgw-attach-v", "ResourceId": "vpn-1", "ResourceType": "vpn", "State": "enabled"}]}]}"#,
        ]
        let files = docs.enumerated().map { i, d in
            InputFile(displayPath: "d\(i).json", account: "111111111111", region: "us-east-1", baseName: "d\(i)", contents: Array(d.utf8))
        }
        let inv = try Importer().importFiles(files).inventory
        let table = try #require(inv.transitGatewayRouteTables.first)
        #expect(table.routesKnown == staticOnly)
        #expect(inv.warnings.contains { $0.code == "tgw-propagated-routes-unknown" } == !staticOnly)
        #expect(table.routes.map(\.destination.description) == ["192.168.0.0/16"])
    }

    @Test("TransitGatewayPropagations fill the propagation slot per route table, states as given")
    func propagations() throws {
        var c = Collector()
        try BatfishMapper.transitGatewayPropagations(try Self.node("TransitGatewayPropagations.json"), Self.context, into: &c)
        let props = try #require(c.transitGatewayPropagations["tgw-rtb-hub"])
        #expect(props.map(\.attachmentId) == ["tgw-attach-vpc", "tgw-attach-vpn", "tgw-attach-dx"])
        #expect(props.map(\.isEnabled) == [true, false, true])
        #expect(props[2].resourceType == "direct-connect-gateway" && props[0].resourceId == "vpc-app")
    }

    @Test("LoadBalancerAttributes fill the load balancer attribute slot by ARN")
    func loadBalancerAttributes() throws {
        var c = Collector()
        try BatfishMapper.loadBalancerAttributes(try Self.node("LoadBalancerAttributes.json"), Self.context, into: &c)
        let lb = "arn:aws:elasticloadbalancing:us-east-2:\(Self.account):loadbalancer/net/lb-lb/6f57a43b75d8f2c1"
        #expect(c.loadBalancerAttributes[lb] == ["load_balancing.cross_zone.enabled": "true", "access_logs.s3.prefix": ""])
    }

    @Test("LoadBalancerListeners attach to their load balancer and LoadBalancerTargetHealth to the target group its ARN names")
    func listenersAndTargetHealth() throws {
        let lb = try #require(inv.loadBalancers.first)
        #expect(lb.listeners.map(\.port) == [82])
        let tg = try #require(inv.targetGroups.first)
        #expect(lb.listeners.first?.targetGroupArns == [tg.id])
        #expect(tg.targetsKnown)
        #expect(tg.targets.map(\.id) == ["10.10.1.4", "10.10.1.5"])
        #expect(tg.targets.map(\.health) == ["unhealthy", "healthy"])
    }

    @Test("RdsInstances (DBInstances) import like describe-db-instances")
    func rdsInstances() throws {
        let db = try #require(inv.dbInstances.first)
        #expect(inv.dbInstances.count == 1)
        #expect(db.id == "test-db" && db.port == 3306 && db.vpcId == "vpc-app" && db.securityGroupIds == ["sg-db"])
        #expect(db.scope == ResourceScope(account: Self.account, region: "us-east-2"))
    }

    @Test("a target health entry whose ARN is not a target group's is an error naming the member")
    func badTargetGroupArn() {
        let doc = #"{"LoadBalancerTargetHealth": [{"TargetGroupArn": "arn:aws:ec2:us-east-2:1:vpc/vpc-1", "TargetHealthDescriptions": []}]}"#
        let file = InputFile(displayPath: "th.json", account: nil, region: nil, baseName: "th", contents: Array(doc.utf8))
        #expect { try Importer().importFiles([file]) } throws: { error in
            "\(error)" == "th.json: LoadBalancerTargetHealth[0]: 'arn:aws:ec2:us-east-2:1:vpc/vpc-1' is not a target group ARN"
        }
    }

    static var context: FileContext {
        FileContext(file: InputFile(url: URL(fileURLWithPath: "/dev/null"), displayPath: "t.json", components: ["us-east-2"]))
    }

    static func node(_ file: String) throws -> Node {
        let path = Fixtures.path("batfish-snapshot/aws_configs/us-east-2/\(file)")
        return Node(root: try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))), file: path)
    }
}
