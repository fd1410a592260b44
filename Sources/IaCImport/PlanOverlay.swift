import NetModel

/// A plan or template laid over a snapshot of the account it will change: resources that exist keep their IDs
/// and are replaced by their planned state, planned creates are added, planned deletes removed; everything the
/// plan does not touch stays as captured. This is the state the account will be in after apply.
public enum PlanOverlay {
    /// Tags a planned security group that only carries rules for a group the plan does not declare.
    public static let partialTag = "netaudit:rules-for-existing-group"

    /// The existing inventory with the planned one applied.
    ///
    /// - Parameter deleting: IDs of existing resources the plan deletes.
    public static func apply(_ planned: Inventory, deleting: Set<String>, onto existing: Inventory) -> Inventory {
        var out = existing
        let existingVpcs = Set(existing.vpcs.map(\.id))
        var planned = planned
        // The main route table and default ACL the importer adds for a planned VPC exist already for a captured one.
        planned.routeTables.removeAll { $0.id.hasPrefix("rtb-main-") && existingVpcs.contains($0.vpcId) }
        for acl in planned.networkACLs where acl.id.hasPrefix("acl-default-") && existingVpcs.contains(acl.vpcId) {
            if let i = out.networkACLs.firstIndex(where: { $0.vpcId == acl.vpcId && $0.isDefault }) {
                out.networkACLs[i].subnetIds += acl.subnetIds.filter { !out.networkACLs[i].subnetIds.contains($0) }
            }
        }
        planned.networkACLs.removeAll { $0.id.hasPrefix("acl-default-") && existingVpcs.contains($0.vpcId) }
        // A subnet moving to another planned ACL leaves the one it was in.
        let reassociated = Set(planned.networkACLs.flatMap(\.subnetIds))
        let plannedACLs = Set(planned.networkACLs.map(\.id))
        for i in out.networkACLs.indices where !plannedACLs.contains(out.networkACLs[i].id) {
            out.networkACLs[i].subnetIds.removeAll { reassociated.contains($0) }
        }
        // Rules a plan adds to a captured group join that group.
        for partial in planned.securityGroups where partial.tags[partialTag] != nil {
            guard let i = out.securityGroups.firstIndex(where: { $0.id == partial.id }) else { continue }
            out.securityGroups[i].ingress += partial.ingress.filter { !out.securityGroups[i].ingress.contains($0) }
            out.securityGroups[i].egress += partial.egress.filter { !out.securityGroups[i].egress.contains($0) }
            // Rules it adds whose peer is known only after apply stay unknown on the captured group.
            for (key, reason) in partial.tags where key.hasPrefix(UnknownBeforeApply.prefix) {
                UnknownBeforeApply.add(reason, key: key, to: &out.securityGroups[i].tags)
            }
            planned.securityGroups.removeAll { $0.id == partial.id }
        }
        merge(&out.vpcs, planned.vpcs, deleting)
        merge(&out.subnets, planned.subnets, deleting)
        merge(&out.routeTables, planned.routeTables, deleting)
        merge(&out.internetGateways, planned.internetGateways, deleting)
        merge(&out.natGateways, planned.natGateways, deleting)
        merge(&out.securityGroups, planned.securityGroups, deleting)
        merge(&out.networkACLs, planned.networkACLs, deleting)
        merge(&out.loadBalancers, planned.loadBalancers, deleting)
        merge(&out.targetGroups, planned.targetGroups, deleting)
        merge(&out.dbInstances, planned.dbInstances, deleting)
        merge(&out.dbSubnetGroups, planned.dbSubnetGroups, deleting)
        merge(&out.instances, planned.instances, deleting)
        merge(&out.networkInterfaces, planned.networkInterfaces, deleting)
        out.warnings += planned.warnings
        return out
    }

    /// Existing items the plan neither replaces nor deletes, then the planned ones.
    static func merge<T: Identifiable>(_ base: inout [T], _ planned: [T], _ deleting: Set<String>) where T.ID == String {
        let replaced = Set(planned.map(\.id))
        base.removeAll { replaced.contains($0.id) || deleting.contains($0.id) }
        base += planned
    }
}
