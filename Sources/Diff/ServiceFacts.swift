import NetModel

/// Facts of managed services: EKS clusters and node groups, ElastiCache, OpenSearch domains, DB clusters.
extension ResourceFacts {
    static func of(_ c: EKSCluster, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "eks-cluster", id: c.id, name: c.id)
        f.property("version", c.version)
        f.property("public endpoint", c.endpointPublicAccess)
        f.property("public access CIDRs", list: c.endpointPublicAccess ? c.publicAccessCidrs : [])
        f.property("private endpoint", c.endpointPrivateAccess)
        f.property("subnets", list: c.subnetIds)
        f.property("security groups", list: c.allSecurityGroupIds.map(names.group))
        f.property("role", c.roleArn)
        f.tags(c.tags)
        return f
    }

    static func of(_ g: EKSNodegroup) -> ResourceFacts {
        var f = ResourceFacts(kind: "eks-nodegroup", id: g.id, name: "\(g.clusterName)/\(g.name)")
        f.property("node role", g.nodeRoleArn)
        f.property("subnets", list: g.subnetIds)
        f.property("Auto Scaling groups", list: g.autoScalingGroupNames)
        f.property("SSH sources", list: g.remoteAccessSecurityGroupIds)
        f.tags(g.tags)
        return f
    }

    static func of(_ c: CacheCluster, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "cache-cluster", id: c.id, name: c.id)
        f.property("engine", [c.engine, c.engineVersion].compactMap { $0 }.joined(separator: " "))
        f.property("replication group", c.replicationGroupId)
        f.property("subnet group", c.subnetGroupName)
        f.property("security groups", list: c.securityGroupIds.map(names.group))
        f.property("ports", list: Array(Set(c.nodes.compactMap(\.port).map(String.init))))
        f.property("in-transit encryption", c.transitEncryption)
        f.property("AUTH token", c.authTokenEnabled)
        f.tags(c.tags)
        return f
    }

    static func of(_ g: CacheReplicationGroup) -> ResourceFacts {
        var f = ResourceFacts(kind: "cache-replication-group", id: g.id, name: g.id)
        f.property("member clusters", list: g.memberClusterIds)
        f.property("in-transit encryption", g.transitEncryption)
        f.property("AUTH token", g.authTokenEnabled)
        return f
    }

    static func of(_ g: CacheSubnetGroup) -> ResourceFacts {
        var f = ResourceFacts(kind: "cache-subnet-group", id: g.id, name: g.id)
        f.property("VPC", g.vpcId)
        f.property("subnets", list: g.subnetIds)
        return f
    }

    static func of(_ d: OpenSearchDomain, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "opensearch-domain", id: d.id, name: d.id)
        f.property("engine", d.engineVersion)
        f.property("VPC", d.isPublic ? "none (public endpoint)" : d.vpcId)
        f.property("subnets", list: d.subnetIds)
        f.property("security groups", list: d.securityGroupIds.map(names.group))
        // The policy itself is compared as text: a changed policy is one modification.
        f.property("access policy", d.accessPolicy)
        f.property("enforce HTTPS", d.enforceHTTPS)
        f.property("fine-grained access control", d.fineGrainedAccessControl)
        f.property("encryption at rest", d.encryptionAtRest)
        return f
    }

    static func of(_ c: DBCluster, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "db-cluster", id: c.id, name: c.id)
        f.property("engine", [c.engine, c.engineVersion].compactMap { $0 }.joined(separator: " "))
        f.property("port", c.port.map(String.init))
        f.property("security groups", list: c.securityGroupIds.map(names.group))
        f.property("subnet group", c.subnetGroupName)
        f.property("StorageEncrypted", c.storageEncrypted)
        f.collection("member", c.members.map { Item("\($0.instanceId) (\($0.isWriter ? "writer" : "reader"))", keys: [$0.instanceId]) })
        f.tags(c.tags)
        return f
    }
}
