import AWSCapture
import AWSImport
import Findings
import Foundation
import NetModel
import Policy
import Testing

/// What moto 5.2.1 (server mode) drops from the managed services, and AWS would say; the one place the
/// captured snapshot is corrected before it is judged (`shared/notes/moto.md`):
/// - ElastiCache: CreateCacheCluster's `SecurityGroupIds` are dropped (DescribeCacheClusters has no
///   `SecurityGroups`) and `--show-cache-node-info` gives no `CacheNodes`; the groups the setup gave are put back.
/// - EKS: `resourcesVpcConfig` lacks `clusterSecurityGroupId` (moto creates no cluster security group, so none is
///   invented); its missing `vpcId`, like OpenSearch's missing `VPCOptions.VPCId`, the import takes from the subnets.
/// - No interfaces at all for EKS control planes, ElastiCache nodes, OpenSearch domains or Lambda functions: netaudit places
///   them by their subnets, so nothing is added.
enum MotoServiceGaps {
    static func correct(_ inv: inout Inventory, setup ids: [String: String]) {
        for i in inv.cacheClusters.indices where inv.cacheClusters[i].securityGroupIds.isEmpty {
            if let group = ids["redis"] { inv.cacheClusters[i].securityGroupIds = [group] }
        }
    }
}

/// Live capture of RDS/Aurora clusters, ElastiCache, EKS (REST-JSON), OpenSearch (REST-JSON, a POST) and Lambda
/// function URLs against a real moto server.
@Suite(.serialized)
struct ServicesCaptureTests {
    func options(_ server: MotoServer) -> CaptureOptions {
        var o = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url,
                               retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001), environment: motoEnvironment)
        o.skippedServices = motoMissingServices
        return o
    }

    @Test func managedServicesAreCapturedAndJudgedByName() async throws {
        try await MotoServer.with { server in
            let ids = try JSONSerialization.jsonObject(with: Data(try server.setup("services").utf8)) as? [String: Any] ?? [:]
            let groups = ids.compactMapValues { $0 as? String }
            let subnets = ids["subnets"] as? [String] ?? []
            let result = try await capture(options(server))
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            var inv = result.inventory

            // EKS over REST-JSON: the cluster, its public endpoint settings and its node group's Auto Scaling group.
            let shop = try #require(inv.eksClusters.first { $0.id == "shop" })
            #expect(shop.vpcId == groups["vpc"])
            #expect(shop.endpointPublicAccess && shop.publicAccessCidrs == ["0.0.0.0/0"] && shop.subnetIds == subnets)
            #expect(shop.securityGroupIds == [groups["eks"]].compactMap { $0 })
            let nodes = try #require(inv.eksNodegroups.first)
            #expect(nodes.clusterName == "shop" && nodes.autoScalingGroupNames.count == 1)
            // ElastiCache over the query protocol.
            #expect(inv.cacheClusters.map(\.id) == ["carts"] && inv.cacheClusters.first?.engine == "redis")
            #expect(inv.cacheSubnetGroups.first { $0.id == "svc-data" }?.subnetIds == subnets)
            // OpenSearch: ListDomainNames then DescribeDomains (a POST with a JSON body).
            let logs = try #require(inv.openSearchDomains.first { $0.id == "logs" })
            #expect(logs.isPublic && logs.accessPolicy?.contains("es:*") == true)
            let catalog = try #require(inv.openSearchDomains.first { $0.id == "catalog" })
            #expect(!catalog.isPublic && catalog.vpcId == groups["vpc"] && catalog.securityGroupIds == [groups["search"]].compactMap { $0 })
            // Aurora: the cluster's members, and each instance's cluster.
            let ledger = try #require(inv.dbClusters.first { $0.id == "ledger" })
            #expect(Set(ledger.members.map(\.instanceId)) == ["ledger-1", "ledger-2"])
            #expect(inv.dbInstances.filter { $0.id.hasPrefix("ledger") }.allSatisfy { $0.clusterId == "ledger" })
            // Lambda: GetFunctionUrlConfig per function.
            #expect(inv.lambdaFunctions.first { $0.id == "hooks" }?.functionUrl?.authType == "NONE")

            MotoServiceGaps.correct(&inv, setup: groups)
            let scan = try RuleEngine.scan(inv, policy: PolicyFile(), source: "moto", today: "2026-12-02")
            #expect(scan.findings.contains { $0.ruleId == "eks-public-endpoint-open" && $0.resource.id == "shop" })
            #expect(scan.findings.contains { $0.ruleId == "opensearch-open-access-policy" && $0.resource.id == "logs" })
            #expect(scan.findings.contains { $0.ruleId == "internet-exposed-port" && $0.resource.id == "hooks" })
            #expect(!scan.findings.contains { $0.ruleId == "opensearch-open-access-policy" && $0.resource.id == "catalog" })
            // Placed by their subnets (moto gives them no interfaces): the function reaches the VPC domain, the
            // frontend the cache; only the function is outside the allowed tier.
            var policy = PolicyFile()
            policy.databaseTiers = ["svc-frontend"]
            let tiers = try RuleEngine.scan(inv, policy: policy, source: "moto", today: "2026-12-02").findings
                .filter { $0.ruleId == "datastore-unexpected-tier" }.map(\.title)
            #expect(tiers.contains("tier hooks reaches search domain catalog on tcp/443"), "\(tiers)")
            #expect(!tiers.contains { $0.contains("svc-frontend") })
            policy.databaseTiers = ["hooks"]
            let frontend = try RuleEngine.scan(inv, policy: policy, source: "moto", today: "2026-12-02").findings
                .filter { $0.ruleId == "datastore-unexpected-tier" }.map(\.title)
            #expect(frontend.contains("tier svc-frontend reaches cache carts on tcp/6379"), "\(frontend)")
        }
    }
}
