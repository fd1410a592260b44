import Foundation
import Testing
@testable import AWSImport
import NetModel

/// AWS "Cross-zone load balancing" and "Client IP preservation": the attributes decide, so they must land on the
/// right load balancer and target group.
@Suite("Load balancer and target group attributes")
struct ELBAttributesTests {
    let inv: Inventory

    init() throws {
        inv = try Importer().importPaths([Fixtures.path("elb-attributes")]).inventory
    }

    @Test("load balancer attributes land on the load balancer of that name in the file's account and region")
    func loadBalancerAttributes() throws {
        let europe = try #require(inv.loadBalancers.first { $0.name == "edge" && $0.scope.region == "eu-west-1" })
        let us = try #require(inv.loadBalancers.first { $0.name == "edge" && $0.scope.region == "us-east-1" })
        #expect(europe.attributes?["load_balancing.cross_zone.enabled"] == "true" && europe.crossZoneEnabled)
        #expect(europe.attributes?["deletion_protection.enabled"] == "false")
        #expect(us.attributes == ["load_balancing.cross_zone.enabled": "false"] && !us.crossZoneEnabled)
        #expect(inv.loadBalancers.first { $0.name == "web" }?.attributes == nil)
    }

    @Test("target group attributes land on the target group, not on the load balancer")
    func targetGroupAttributes() throws {
        let ip = try #require(inv.targetGroups.first { $0.name == "ip-tcp" })
        #expect(ip.attributes?["preserve_client_ip.enabled"] == "true")
        #expect(ip.preservesClientIp, "the attribute overrides the ip/TCP default (off)")
        #expect(ip.crossZoneOverride == false)
        #expect(inv.targetGroups.first { $0.name == "inst" }?.attributes == nil)
        #expect(inv.warnings.isEmpty, "unexpected warnings: \(inv.warnings)")
    }

    @Test("attributes outside their folder warn; SNS's object Attributes are a topic's, never ELBv2's")
    func unscopedAndForeignAttributes() throws {
        let elb = Array(#"{"Attributes": [{"Key": "preserve_client_ip.enabled", "Value": "false"}]}"#.utf8)
        let sns = Array(#"{"Attributes": {"TopicArn": "arn:aws:sns:eu-west-1:111111111111:t"}}"#.utf8)
        let orphan = InputFile(displayPath: "elbv2-describe-target-group-attributes/gone.json", account: nil, region: nil,
                               callFolder: "elbv2-describe-target-group-attributes", baseName: "gone", contents: elb)
        let files = [InputFile(displayPath: "a.json", account: nil, region: nil, baseName: "a", contents: elb),
                     InputFile(displayPath: "b.json", account: nil, region: nil, baseName: "b", contents: sns), orphan]
        let inv = try Importer().importFiles(files).inventory
        #expect(inv.warnings.map(\.code).sorted() == ["orphan-document", "unscoped-document"])
        #expect(inv.policyResources.map(\.id) == ["arn:aws:sns:eu-west-1:111111111111:t"] && inv.targetGroups.isEmpty)
    }

    @Test("an attribute without a Key names the member")
    func attributeWithoutKey() {
        let body = Array(#"{"Attributes": [{"Value": "true"}]}"#.utf8)
        let file = InputFile(displayPath: "elbv2-describe-load-balancer-attributes/edge.json", account: nil, region: nil,
                             callFolder: "elbv2-describe-load-balancer-attributes", baseName: "edge", contents: body)
        #expect(throws: ImportError.self) { try Importer().importFiles([file]) }
        do { _ = try Importer().importFiles([file]) } catch { #expect(error.description.contains("Attributes[0]")) }
    }
}
