import NetModel
import JSON

/// Maps `eks describe-cluster` (`{"cluster": {...}}`) and `eks describe-nodegroup` (`{"nodegroup": {...}}`).
enum EKSMapper {
    static func cluster(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let item = root["cluster"] else { return }
        let arn = try item.string("arn")
        let vpc = item["resourcesVpcConfig"]
        let publicAccess = try vpc?.bool("endpointPublicAccess") ?? true
        var cidrs = try vpc?.strings("publicAccessCidrs") ?? []
        // AWS "Cluster API server endpoint": with public access on and no CIDRs given, the endpoint is open to 0.0.0.0/0.
        if publicAccess, cidrs.isEmpty { cidrs = ["0.0.0.0/0"] }
        c.inventory.eksClusters.append(EKSCluster(
            id: try item.requiredString("name"), scope: ctx.scope(arn: arn), arn: arn, version: try item.string("version"),
            status: try item.string("status"), roleArn: try item.string("roleArn"), endpoint: try item.string("endpoint"),
            vpcId: try vpc?.string("vpcId"), subnetIds: try vpc?.strings("subnetIds") ?? [],
            securityGroupIds: try vpc?.strings("securityGroupIds") ?? [],
            clusterSecurityGroupId: try vpc?.string("clusterSecurityGroupId").flatMap { $0.isEmpty ? nil : $0 },
            endpointPublicAccess: publicAccess, endpointPrivateAccess: try vpc?.bool("endpointPrivateAccess") ?? false,
            publicAccessCidrs: cidrs, tags: try item.mapTags("tags")))
    }

    static func nodegroup(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        guard let item = root["nodegroup"] else { return }
        let name = try item.requiredString("nodegroupName")
        let arn = try item.string("nodegroupArn")
        var groups: [String] = []
        for g in try item["resources"]?.array("autoScalingGroups") ?? [] {
            if let n = try g.string("name") { groups.append(n) }
        }
        let cluster = try item.requiredString("clusterName")
        c.inventory.eksNodegroups.append(EKSNodegroup(
            id: arn ?? "\(cluster)/\(name)", scope: ctx.scope(arn: arn), name: name,
            clusterName: cluster, status: try item.string("status"),
            nodeRoleArn: try item.string("nodeRole"), subnetIds: try item.strings("subnets"), autoScalingGroupNames: groups,
            remoteAccessSecurityGroupIds: try item["remoteAccess"]?.strings("sourceSecurityGroups") ?? [],
            tags: try item.mapTags("tags")))
    }
}

extension Node {
    /// Tags printed as a map (`{"key": "value"}`), as REST-JSON services (EKS, Lambda) print them; empty when absent.
    func mapTags(_ key: String) throws(ImportError) -> [String: String] {
        guard let child = self[key] else { return [:] }
        guard case .object(let members) = child.value else { throw child.shapeError("an object of tags") }
        var out: [String: String] = [:]
        for (k, v) in members.dictionary { if case .string(let s) = v { out[k] = s } }
        return out
    }
}
