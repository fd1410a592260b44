import Testing
@testable import AWSImport
import NetModel

/// AWS "Requester-managed network interfaces": the owner from `InterfaceType`, `Description`, `RequesterId`,
/// `RequesterManaged` and the attachment's `InstanceOwnerId`, one case per service.
@Suite("Interface owners")
struct InterfaceOwnerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var facts: InterfaceFacts
        var owner: InterfaceOwner?
        var testDescription: String { facts.description.isEmpty ? facts.type : facts.description }
    }

    static func f(_ type: String = "interface", _ description: String = "", instance: String? = nil, requester: String? = nil,
                  managed: Bool = false, attachment: String? = nil) -> InterfaceFacts {
        InterfaceFacts(type: type, description: description, instanceId: instance, requesterId: requester, requesterManaged: managed,
                       attachmentOwner: attachment)
    }

    static let cases: [Case] = [
        Case(facts: f(instance: "i-1"), owner: .instance("i-1")),
        Case(facts: f("efa", "", instance: "i-2"), owner: .instance("i-2")),
        Case(facts: f("trunk", "EKS trunk", instance: "i-3"), owner: .instance("i-3")),
        Case(facts: f("nat_gateway", "Interface for NAT Gateway nat-0abc", requester: "amazon-aws", managed: true), owner: .natGateway("nat-0abc")),
        Case(facts: f("interface", "ELB app/shop-alb/50dc6c495c0c9188", requester: "amazon-elb", managed: true, attachment: "amazon-elb"), owner: .loadBalancer("shop-alb")),
        Case(facts: f("network_load_balancer", "ELB net/shop-nlb/1234", managed: true), owner: .loadBalancer("shop-nlb")),
        Case(facts: f("gateway_load_balancer", "ELB gwy/inspect/99", managed: true), owner: .loadBalancer("inspect")),
        Case(facts: f("interface", "ELB classic-web", attachment: "amazon-elb"), owner: .loadBalancer("classic-web")),
        Case(facts: f("vpc_endpoint", "VPC Endpoint Interface vpce-0d8d", managed: true), owner: .vpcEndpoint("vpce-0d8d")),
        // An awsvpc task's interface (ECSReconciler names its task from describe-tasks).
        Case(facts: f("interface", "arn:aws:ecs:us-east-1:123456789012:attachment/5876c8dd-cb43", requester: "578734482556", managed: true),
             owner: .other("ECS task interface (attachment 5876c8dd-cb43)")),
        Case(facts: f("interface", "VPC Endpoint Interface: vpce-0f00", managed: true), owner: .vpcEndpoint("vpce-0f00")),
        Case(facts: f("gateway_load_balancer_endpoint", "VPC Endpoint Interface vpce-gwlb", managed: true), owner: .vpcEndpoint("vpce-gwlb")),
        Case(facts: f("transit_gateway", "Network Interface for Transit Gateway Attachment tgw-attach-1", managed: true), owner: .transitGatewayAttachment("tgw-attach-1")),
        Case(facts: f("lambda", "AWS Lambda VPC ENI-orders-api-3f6c7e2a-1b2c-4d5e-8f90-123456789abc", managed: true), owner: .lambda("orders-api")),
        Case(facts: f("interface", "RDSNetworkInterface", requester: "amazon-rds", managed: true), owner: .rds),
        Case(facts: f("interface", "", attachment: "amazon-rds"), owner: .rds),
        Case(facts: f("interface", "ElastiCache carts-0001-001", requester: "amazon-elasticache", managed: true), owner: .elastiCache("carts-0001-001")),
        Case(facts: f("interface", "", requester: "amazon-elasticache", managed: true), owner: .elastiCache(nil)),
        Case(facts: f("interface", "Amazon EKS shop", requester: "123456789012", managed: true), owner: .eksCluster("shop")),
        Case(facts: f("interface", "ES catalog", requester: "amazon-elasticsearch", managed: true), owner: .openSearch("catalog")),
        Case(facts: f("interface", "", attachment: "amazon-elasticsearch"), owner: .openSearch(nil)),
        Case(facts: f("efs", "EFS mount target for fs-0123 (fsmt-0456)", managed: true), owner: .efsMountTarget("fs-0123")),
        Case(facts: f("api_gateway_managed", "VPC link vpclink-1", managed: true), owner: .other("VPC link vpclink-1")),
        Case(facts: f("ec2_instance_connect_endpoint", "", managed: true), owner: .other("EC2 Instance Connect Endpoint")),
        Case(facts: f("global_accelerator_managed", "", managed: true), owner: .other("global accelerator managed interface")),
        Case(facts: f("interface", "", requester: "AIDAEXAMPLE", managed: true), owner: .other("interface managed by AIDAEXAMPLE")),
        Case(facts: f("interface", "my own interface"), owner: .other("my own interface")),
        Case(facts: f(), owner: nil),
    ]

    @Test("each service's convention names its owner", arguments: cases)
    func owner(_ c: Case) {
        #expect(InterfaceOwnerRecognizer.owner(c.facts) == c.owner)
    }

    @Test("every rule of the table is exercised by a case")
    func everyRuleCovered() {
        for rule in InterfaceOwnerRecognizer.rules {
            #expect(Self.cases.contains { c in InterfaceOwnerRecognizer.rules.first { $0.recognize(c.facts) != nil }?.name == rule.name },
                    "no case reaches rule \(rule.name)")
        }
    }

    @Test("owners read from describe-network-interfaces: Lambda, EKS, OpenSearch and ElastiCache interfaces are named")
    func fromFixture() throws {
        let inv = try Importer().importPaths([Fixtures.path("service-workloads")]).inventory
        let owners = Dictionary(uniqueKeysWithValues: inv.networkInterfaces.map { ($0.id, $0.owner) })
        #expect(owners["eni-app"] == .instance("i-app"))
        #expect(owners["eni-fn-a"] == .lambda("orders-api"))
        #expect(owners["eni-eks-a"] == .eksCluster("shop"))
        #expect(owners["eni-es"] == .openSearch("catalog"))
        #expect(owners["eni-redis"] == .elastiCache("carts-0001-001"))
    }
}
