import NetModel

/// Joins what service documents say about each other: function URLs into their functions, DB cluster
/// membership into DB instances.
enum ServicesReconciler {
    static func apply(_ inv: inout Inventory, _ c: Collector) {
        attachFunctionURLs(&inv, c)
        // A VPC placement that names subnets but not the VPC (moto leaves `VPCId`/`vpcId` out): the subnets' VPC.
        let vpcOfSubnet = Dictionary(inv.subnets.map { ($0.id, $0.vpcId) }, uniquingKeysWith: { a, _ in a })
        for i in inv.openSearchDomains.indices where inv.openSearchDomains[i].vpcId == nil {
            inv.openSearchDomains[i].vpcId = inv.openSearchDomains[i].subnetIds.lazy.compactMap { vpcOfSubnet[$0] }.first
        }
        for i in inv.eksClusters.indices where inv.eksClusters[i].vpcId == nil {
            inv.eksClusters[i].vpcId = inv.eksClusters[i].subnetIds.lazy.compactMap { vpcOfSubnet[$0] }.first
        }
        // `describe-db-instances` names the cluster (`DBClusterIdentifier`); a cluster's member list says it too.
        var clusterOf: [String: String] = [:]
        for cluster in inv.dbClusters { for m in cluster.members { clusterOf[m.instanceId] = cluster.id } }
        for i in inv.dbInstances.indices where inv.dbInstances[i].clusterId == nil {
            inv.dbInstances[i].clusterId = clusterOf[inv.dbInstances[i].id]
        }
    }

    private static func attachFunctionURLs(_ inv: inout Inventory, _ c: Collector) {
        guard !c.functionUrls.isEmpty else { return }
        var index: [String: [Int]] = [:]
        for (i, fn) in inv.lambdaFunctions.enumerated() { index[fn.id, default: []].append(i) }
        for (key, url, file) in c.functionUrls {
            let candidates = (index[key.name] ?? []).filter { i in
                let account = inv.lambdaFunctions[i].scope.account
                return key.account == nil || key.account == ResourceScope.unknownValue || account == ResourceScope.unknownValue || account == key.account
            }
            guard !candidates.isEmpty else {
                inv.warnings.append(CaptureWarning(source: file.displayPath, code: "orphan-document",
                                                   message: "function URL \(url.url) of \(key.name), which no lambda list-functions output lists"))
                continue
            }
            // An unqualified URL (the function itself) wins over an alias's.
            for i in candidates where inv.lambdaFunctions[i].functionUrl == nil || url.isUnauthenticated {
                inv.lambdaFunctions[i].functionUrl = url
            }
        }
    }
}
