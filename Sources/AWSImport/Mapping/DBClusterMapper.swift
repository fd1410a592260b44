import NetModel

/// Maps `rds describe-db-clusters` (Aurora and Multi-AZ DB clusters).
enum DBClusterMapper {
    static func dbClusters(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("DBClusters") {
            let arn = try item.string("DBClusterArn")
            var groups: [String] = []
            for g in try item.array("VpcSecurityGroups") {
                if try g.string("Status") ?? "active" == "active" { groups.append(try g.requiredString("VpcSecurityGroupId")) }
            }
            var members: [DBClusterMember] = []
            for m in try item.array("DBClusterMembers") {
                members.append(DBClusterMember(instanceId: try m.requiredString("DBInstanceIdentifier"),
                                               isWriter: try m.bool("IsClusterWriter") ?? false))
            }
            c.inventory.dbClusters.append(DBCluster(
                id: try item.requiredString("DBClusterIdentifier"), scope: ctx.scope(arn: arn), arn: arn,
                engine: try item.string("Engine") ?? "unknown", engineVersion: try item.string("EngineVersion"),
                status: try item.string("Status"), endpoint: try item.string("Endpoint"), readerEndpoint: try item.string("ReaderEndpoint"),
                port: try item.int("Port"), members: members, securityGroupIds: groups, subnetGroupName: try item.string("DBSubnetGroup"),
                storageEncrypted: try item.bool("StorageEncrypted") ?? false, publiclyAccessible: try item.bool("PubliclyAccessible"),
                iamDatabaseAuthentication: try item.bool("IAMDatabaseAuthenticationEnabled") ?? false, tags: try item.tags()))
        }
    }
}
