import Foundation
import Testing
@testable import AWSImport
import NetModel

@Suite("Import of AWS CLI output")
struct ImporterTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }

    init() throws {
        result = try Importer().importPaths([Fixtures.path("mixed-account")])
    }

    @Test("files are recognised by content and scoped by their account and region folders")
    func detectionAndScope() throws {
        #expect(inv.vpcs.map(\.id) == ["vpc-a"])
        #expect(inv.subnets.count == 2)
        #expect(inv.securityGroups.count == 2)
        for sg in inv.securityGroups { #expect(sg.scope == ResourceScope(account: "111111111111", region: "eu-west-1")) }
        #expect(inv.iamPrincipals.allSatisfy { $0.scope == ResourceScope(account: "111111111111", region: "global") })
        // The only warning: the Lambda environment values left out of the stored document, named by path.
        #expect(inv.warnings.map(\.code) == ["secret-redacted"], "unexpected warnings: \(inv.warnings)")
        #expect(inv.warnings.first?.message.contains("Functions[0].Environment.Variables.DB_PASSWORD") == true)
    }

    @Test("VPCs keep secondary and IPv6 blocks but not disassociated ones")
    func vpcBlocks() throws {
        let vpc = try #require(inv.vpcs.first)
        #expect(vpc.cidrBlocks.map(\.description) == ["10.1.0.0/16", "100.64.0.0/16", "2a05:d018::/56"])
        #expect(vpc.tags.name == "prod")
    }

    @Test("security group permissions flatten to one rule per peer, keeping SG references across peering")
    func securityGroupRules() throws {
        let web = try #require(inv.securityGroups.first { $0.id == "sg-web" })
        #expect(web.ingress.count == 6)
        let ssh = try #require(web.ingress.first { $0.fromPort == 22 })
        #expect(ssh.peer == .cidr(IPPrefix("0.0.0.0/0")!))
        #expect(ssh.description == "ssh from anywhere")
        #expect(web.ingress.filter { $0.fromPort == 443 }.map(\.peer.description).sorted() == ["0.0.0.0/0", "::/0"])
        let peered = try #require(web.ingress.first { $0.fromPort == 5432 })
        #expect(peered.peer == .securityGroup(SecurityGroupReference(groupId: "sg-peer", userId: "222222222222",
                                                                     vpcId: "vpc-b", vpcPeeringConnectionId: "pcx-1")))
        let corp = try #require(web.ingress.first { $0.fromPort == 8080 })
        #expect(corp.peer == .prefixList("pl-corp") && corp.ipProtocol == .tcp && corp.toPort == 8090)
        let ping = try #require(web.ingress.first { $0.ipProtocol == .icmp })
        #expect(ping.fromPort == 8 && ping.toPort == -1)
        #expect(web.egress == [SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV4))])
    }

    @Test("NACL entries keep both directions and evaluate in rule-number order")
    func naclOrder() throws {
        let acl = try #require(inv.networkACLs.first)
        #expect(acl.subnetIds == ["subnet-app"])
        #expect(acl.orderedEntries(egress: false).map(\.ruleNumber) == [100, 110, 120, 32767])
        #expect(acl.orderedEntries(egress: true).map(\.ruleNumber) == [100, 101, 32767])
        let deny = try #require(acl.entries.first { $0.ruleNumber == 110 })
        #expect(deny.action == .deny && deny.portRange == PortRange(22, 22) && deny.ipProtocol == .tcp)
        let icmp = try #require(acl.entries.first { $0.ruleNumber == 120 })
        #expect(icmp.ipProtocol == .icmp && icmp.icmpType == 8 && icmp.icmpCode == -1)
        #expect(acl.entries.first { $0.ruleNumber == 101 }?.cidr == .anyV6)
    }

    @Test("route targets of every kind, blackholes and the main association are read")
    func routes() throws {
        let main = try #require(inv.routeTables.first { $0.id == "rtb-main" })
        #expect(main.isMain)
        let app = try #require(inv.routeTables.first { $0.id == "rtb-app" })
        #expect(!app.isMain && app.associations.map(\.subnetId) == ["subnet-app"])
        let targets = app.routes.map(\.target)
        #expect(targets == [.local, .natGateway("nat-1"), .vpcPeering("pcx-1"), .transitGateway("tgw-1"),
                            .vpcEndpoint("vpce-s3"), .networkInterface("eni-fw"), .instance("i-fw"),
                            .egressOnlyInternetGateway("eigw-1"), .internetGateway("igw-gone")])
        #expect(app.routes[4].destination == .prefixList("pl-s3"))
        #expect(app.routes.last?.state == .blackhole)
        #expect(app.routes[7].destination == .cidr(.anyV6))
    }

    @Test("interface owners are told from AWS's descriptions; instance-only interfaces are kept")
    func interfaces() throws {
        func owner(_ id: String) -> InterfaceOwner? { inv.networkInterfaces.first { $0.id == id }?.owner }
        #expect(owner("eni-alb") == .loadBalancer("my-alb"))
        #expect(owner("eni-rds") == .rds)
        #expect(owner("eni-nat") == .natGateway("nat-1"))
        #expect(owner("eni-fn") == .lambda("resize-images"))
        #expect(owner("eni-web") == .instance("i-web"))
        let alb = try #require(inv.networkInterfaces.first { $0.id == "eni-alb" })
        #expect(alb.publicIps == ["52.1.2.3"] && alb.securityGroupIds == ["sg-web"])
        let web = try #require(inv.networkInterfaces.first { $0.id == "eni-web" })
        #expect(web.scope.region == "eu-west-1" && web.availabilityZone == "eu-west-1a")
        let instance = try #require(inv.instances.first)
        #expect(instance.networkInterfaceIds == ["eni-web"] && instance.autoScalingGroup == "web-asg")
        #expect(instance.publicIp == "54.9.9.9" && instance.securityGroupIds == ["sg-web"])
    }

    @Test("listeners and target health from per-resource folders join their load balancer and group")
    func loadBalancing() throws {
        let lb = try #require(inv.loadBalancers.first)
        #expect(lb.name == "my-alb" && lb.isInternetFacing && lb.subnetIds == ["subnet-pub"])
        #expect(lb.listeners.map(\.port) == [80, 443])
        #expect(lb.listeners[1].targetGroupArns == [inv.targetGroups[0].id])
        let tg = try #require(inv.targetGroups.first)
        #expect(tg.targetsKnown && tg.targets == [Target(id: "i-web", port: 5000, health: "healthy")])
    }

    @Test("RDS, peering, transit gateways and prefix lists")
    func otherNetworkKinds() throws {
        let db = try #require(inv.dbInstances.first)
        #expect(db.port == 5432 && !db.publiclyAccessible && db.storageEncrypted && db.multiAZ)
        #expect(db.subnetIds == ["subnet-app"] && db.securityGroupIds == ["sg-app"] && db.vpcId == "vpc-a")
        let pcx = try #require(inv.vpcPeeringConnections.first)
        #expect(pcx.isActive && pcx.accepter.ownerId == "222222222222" && pcx.requester.cidrBlocks.count == 1)
        let table = try #require(inv.transitGatewayRouteTables.first)
        #expect(table.routesKnown && table.routes.map(\.state) == [.active, .blackhole])
        #expect(table.routes[0].attachmentIds == ["tgw-attach-1"])
        #expect(inv.transitGatewayAttachments.first?.subnetIds == ["subnet-app"])
        #expect(inv.transitGatewayAttachments.first?.associatedRouteTableId == "tgw-rtb-1")
        let pl = try #require(inv.prefixLists.first)
        #expect(pl.entriesKnown && pl.entries == [IPPrefix("198.51.100.0/24")!])
    }

    @Test("IAM principals, trust policies (URL-encoded or not) and default policy versions")
    func iam() throws {
        let role = try #require(inv.iamPrincipals.first { $0.kind == .role })
        #expect(role.name == "fn")
        #expect(role.trustPolicy?.contains(#""Service":"lambda.amazonaws.com""#) == true)
        #expect(role.attachedPolicyArns == ["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"])
        let user = try #require(inv.iamPrincipals.first { $0.kind == .user })
        #expect(user.groupNames == ["admins"] && user.inlinePolicies.map(\.name) == ["inline-read"])
        let admin = try #require(inv.managedPolicies.first)
        #expect(admin.isAWSManaged && admin.document?.contains(#""Action":"*""#) == true)
    }

    @Test("bucket documents merge per bucket; account Block Public Access is separate")
    func buckets() throws {
        let site = try #require(inv.buckets.first { $0.id == "site" })
        #expect(site.scope == ResourceScope(account: "111111111111", region: "eu-west-1"))
        #expect(site.policy?.contains(#""Principal":"*""#) == true && site.policyStatusIsPublic == true)
        #expect(site.grants?.contains(ACLGrant(granteeType: "Group", grantee: ACLGrant.allUsersURI, permission: "READ")) == true)
        #expect(site.objectOwnership == "ObjectWriter" && site.publicAccessBlock == nil)
        let logs = try #require(inv.buckets.first { $0.id == "logs" })
        #expect(logs.scope.region == "us-east-1" && logs.publicAccessBlock?.restrictPublicBuckets == true && logs.grants == nil)
        let account = try #require(inv.accounts.first { $0.id == "111111111111" })
        #expect(account.s3PublicAccessBlock?.blockPublicPolicy == true && account.s3PublicAccessBlock?.blockPublicAcls == false)
    }

    @Test("Lambda environment values never reach the model or the raw documents")
    func secretsRedacted() throws {
        let fn = try #require(inv.lambdaFunctions.first)
        #expect(fn.environmentVariableNames == ["DB_PASSWORD", "STAGE"] && fn.subnetIds == ["subnet-app"])
        #expect(result.rawDocuments.count == 31)
        #expect(!result.rawDocuments.contains { $0.content.contains("hunter2") })
        #expect(result.rawDocuments.first { $0.kind == "Functions" }?.content.contains("DB_PASSWORD") == true)
    }
}
