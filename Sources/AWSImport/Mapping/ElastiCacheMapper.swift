import NetModel

/// Maps ElastiCache cache clusters (`describe-cache-clusters --show-cache-node-info`), replication groups
/// and cache subnet groups.
enum ElastiCacheMapper {
    static func cacheClusters(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("CacheClusters") {
            let arn = try item.string("ARN")
            var groups: [String] = []
            for g in try item.array("SecurityGroups") {
                if try g.string("Status") ?? "active" == "active", let id = try g.string("SecurityGroupId") { groups.append(id) }
            }
            var nodes: [CacheNode] = []
            for n in try item.array("CacheNodes") {
                nodes.append(CacheNode(id: try n.string("CacheNodeId") ?? "\(nodes.count + 1)", address: try n["Endpoint"]?.string("Address"),
                                       port: try n["Endpoint"]?.int("Port"), availabilityZone: try n.string("CustomerAvailabilityZone")))
            }
            var scope = ctx.scope(arn: arn)
            if scope.region == ResourceScope.unknownValue, let r = FileContext.region(fromZone: try item.string("PreferredAvailabilityZone")) { scope.region = r }
            c.inventory.cacheClusters.append(CacheCluster(
                id: try item.requiredString("CacheClusterId"), scope: scope, arn: arn, engine: try item.string("Engine") ?? "unknown",
                engineVersion: try item.string("EngineVersion"), status: try item.string("CacheClusterStatus"),
                replicationGroupId: try item.string("ReplicationGroupId"), subnetGroupName: try item.string("CacheSubnetGroupName"),
                securityGroupIds: groups, nodes: nodes, transitEncryption: try item.bool("TransitEncryptionEnabled") ?? false,
                authTokenEnabled: try item.bool("AuthTokenEnabled") ?? false, tags: try item.tags()))
        }
    }

    static func replicationGroups(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("ReplicationGroups") {
            var primary: String?
            var port = try item["ConfigurationEndpoint"]?.int("Port")
            for group in try item.array("NodeGroups") where primary == nil {
                primary = try group["PrimaryEndpoint"]?.string("Address")
                if port == nil { port = try group["PrimaryEndpoint"]?.int("Port") }
            }
            c.inventory.cacheReplicationGroups.append(CacheReplicationGroup(
                id: try item.requiredString("ReplicationGroupId"), scope: ctx.scope(arn: try item.string("ARN")),
                description: try item.string("Description"), status: try item.string("Status"),
                memberClusterIds: try item.strings("MemberClusters"), primaryEndpoint: primary,
                configurationEndpoint: try item["ConfigurationEndpoint"]?.string("Address"), port: port,
                transitEncryption: try item.bool("TransitEncryptionEnabled") ?? false,
                authTokenEnabled: try item.bool("AuthTokenEnabled") ?? false))
        }
    }

    static func cacheSubnetGroups(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("CacheSubnetGroups") {
            var subnets: [String] = []
            for s in try item.array("Subnets") { if let id = try s.string("SubnetIdentifier") { subnets.append(id) } }
            c.inventory.cacheSubnetGroups.append(CacheSubnetGroup(
                id: try item.requiredString("CacheSubnetGroupName"), scope: ctx.scope(arn: try item.string("ARN")),
                vpcId: try item.string("VpcId"), subnetIds: subnets))
        }
    }
}
