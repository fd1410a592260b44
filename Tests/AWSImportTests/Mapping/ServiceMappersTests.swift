import Foundation
import JSON
import Testing
@testable import AWSImport
import NetModel

@Suite("Import of EKS, ElastiCache, OpenSearch, Aurora clusters and Lambda function URLs")
struct ServiceMappersTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }

    init() throws {
        result = try Importer().importPaths([Fixtures.path("service-workloads")])
    }

    @Test("every service document is recognised and modelled, none kept raw with a warning")
    func recognised() {
        #expect(inv.warnings.isEmpty, "unexpected warnings: \(inv.warnings)")
        #expect(!result.rawDocuments.contains { $0.kind == "unrecognized" || $0.kind.hasPrefix("unsupported:") })
    }

    @Test("EKS describe-cluster: endpoint access, public CIDRs, cluster security group, subnets; map-shaped tags")
    func eksCluster() throws {
        let shop = try #require(inv.eksClusters.first { $0.id == "shop" })
        #expect(shop.vpcId == "vpc-svc" && shop.subnetIds == ["subnet-app-a", "subnet-app-b"])
        #expect(shop.endpointPublicAccess && shop.endpointPrivateAccess && shop.publicAccessCidrs == ["0.0.0.0/0"])
        #expect(shop.clusterSecurityGroupId == "sg-eks-cluster" && shop.allSecurityGroupIds == ["sg-eks-cluster"])
        #expect(shop.tags == ["team": "shop"] && shop.scope == ResourceScope(account: "111111111111", region: "eu-west-1"))
        let internalCluster = try #require(inv.eksClusters.first { $0.id == "internal" })
        #expect(internalCluster.allSecurityGroupIds == ["sg-eks-cluster", "sg-app"] && internalCluster.publicAccessCidrs == ["203.0.113.0/24"])
    }

    @Test("EKS describe-nodegroup: its Auto Scaling groups, node role and SSH sources")
    func eksNodegroup() throws {
        let group = try #require(inv.eksNodegroups.first)
        #expect(group.name == "default" && group.clusterName == "shop" && group.autoScalingGroupNames == ["eks-default-1"])
        #expect(group.remoteAccessSecurityGroupIds == ["sg-app"] && group.nodeRoleArn?.hasSuffix("role/eks-node") == true)
    }

    @Test("ElastiCache: nodes with endpoints, replication group membership, subnet groups")
    func elastiCache() throws {
        let carts = try #require(inv.cacheClusters.first { $0.id == "carts-0001-001" })
        #expect(carts.engine == "redis" && carts.replicationGroupId == "carts" && carts.subnetGroupName == "data")
        #expect(carts.securityGroupIds == ["sg-redis"] && carts.transitEncryption && !carts.authTokenEnabled)
        #expect(carts.nodes == [CacheNode(id: "0001", address: "carts-0001-001.abc.0001.euw1.cache.amazonaws.com", port: 6379, availabilityZone: "eu-west-1a")])
        let group = try #require(inv.cacheReplicationGroups.first)
        #expect(group.id == "carts" && group.memberClusterIds == ["carts-0001-001"] && group.primaryEndpoint?.hasPrefix("master.carts") == true && group.port == 6379)
        #expect(Set(inv.cacheSubnetGroups.map(\.id)) == ["data", "public"])
        #expect(inv.cacheSubnetGroups.first { $0.id == "data" }?.subnetIds == ["subnet-data-a", "subnet-data-b"])
    }

    @Test("OpenSearch: a VPC domain keeps its subnets and groups; a public domain has no VPC and keeps its access policy")
    func openSearch() throws {
        let catalog = try #require(inv.openSearchDomains.first { $0.id == "catalog" })
        #expect(!catalog.isPublic && catalog.vpcId == "vpc-svc" && catalog.subnetIds == ["subnet-data-a"] && catalog.securityGroupIds == ["sg-search"])
        #expect(catalog.endpoint == "vpc-catalog-xyz.eu-west-1.es.amazonaws.com" && catalog.encryptionAtRest && catalog.enforceHTTPS)
        let logs = try #require(inv.openSearchDomains.first { $0.id == "logs" })
        #expect(logs.isPublic && logs.endpoint == "search-logs-xyz.eu-west-1.es.amazonaws.com" && !logs.enforceHTTPS)
        #expect(logs.accessPolicy?.contains("\"es:*\"") == true)
    }

    @Test("describe-db-clusters: members and roles; an instance's cluster from DBClusterIdentifier or from the cluster's member list")
    func dbClusters() throws {
        let ledger = try #require(inv.dbClusters.first)
        #expect(ledger.id == "ledger" && ledger.engine == "aurora-postgresql" && ledger.port == 5432 && ledger.subnetGroupName == "data")
        #expect(ledger.members == [DBClusterMember(instanceId: "ledger-1", isWriter: true), DBClusterMember(instanceId: "ledger-2", isWriter: false)])
        #expect(inv.dbInstances.map(\.clusterId) == ["ledger", "ledger"])
    }

    @Test("function URLs are joined to their functions by the FunctionArn in each config")
    func functionURLs() throws {
        let hooks = try #require(inv.lambdaFunctions.first { $0.id == "hooks" })
        #expect(hooks.functionUrl == FunctionURL(url: "https://abc123.lambda-url.eu-west-1.on.aws/", authType: "NONE"))
        #expect(hooks.functionUrl?.isUnauthenticated == true)
        let api = try #require(inv.lambdaFunctions.first { $0.id == "orders-api" })
        #expect(api.functionUrl?.authType == "AWS_IAM")
        #expect(inv.lambdaFunctions.first { $0.id == "orders-worker" }?.functionUrl == nil)
    }

    @Test("a function URL of a function no listing names is an orphan warning, not silence")
    func orphanURL() throws {
        let file = InputFile(displayPath: "url.json", account: "111111111111", region: "eu-west-1", baseName: "url",
                             contents: Array(#"{"FunctionUrl": "https://x.lambda-url.eu-west-1.on.aws/", "FunctionArn": "arn:aws:lambda:eu-west-1:111111111111:function:gone", "AuthType": "NONE"}"#.utf8))
        let inv = try Importer().importFiles([file]).inventory
        #expect(inv.warnings.map(\.code) == ["orphan-document"])
        #expect(inv.warnings.first?.message.contains("gone") == true)
    }

    @Test("a function URL config whose FunctionArn is not a function ARN is an error naming the member")
    func badArn() {
        let file = InputFile(displayPath: "url.json", account: nil, region: nil, baseName: "url",
                             contents: Array(#"{"FunctionUrlConfigs": [{"FunctionUrl": "https://x/", "FunctionArn": "hooks", "AuthType": "NONE"}]}"#.utf8))
        #expect(throws: ImportError.self) { try Importer().importFiles([file]) }
    }

    @Test("ECS's create-cluster output ({\"cluster\": ...} without resourcesVpcConfig) is not taken for an EKS cluster")
    func ecsClusterNotEKS() {
        let doc = JSONValue.object(["cluster": .object(["clusterName": .string("web"), "clusterArn": .string("arn:aws:ecs:eu-west-1:1:cluster/web")])])
        if case .known(.eksCluster) = DocumentKind.recognize(doc) { Issue.record("ECS cluster recognised as EKS") }
    }
}
