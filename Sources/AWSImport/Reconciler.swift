import NetModel

/// Joins what separate files said about the same resources, and fills in
/// accounts and regions that only the snapshot as a whole reveals.
enum Reconciler {
    static func finish(_ c: inout Collector) {
        var inv = c.inventory
        Deduplicator.apply(&inv)
        attachListeners(&inv, c)
        attachTargets(&inv, c)
        for i in inv.transitGatewayRouteTables.indices {
            if let routes = c.transitGatewayRoutes.removeValue(forKey: inv.transitGatewayRouteTables[i].id) {
                inv.transitGatewayRouteTables[i].routes = routes
                inv.transitGatewayRouteTables[i].routesKnown = true
            }
        }
        for table in c.transitGatewayRoutes.keys.sorted() {
            inv.warnings.append(CaptureWarning(source: "ec2-search-transit-gateway-routes/\(table).json", code: "orphan-document",
                                               message: "routes for transit gateway route table \(table), which no describe-transit-gateway-route-tables output lists"))
        }
        for i in inv.prefixLists.indices {
            if let entries = c.prefixListEntries[inv.prefixLists[i].id] {
                inv.prefixLists[i].entries = entries
                inv.prefixLists[i].entriesKnown = true
            }
        }
        for i in inv.transitGatewayAttachments.indices {
            if let extra = c.vpcAttachmentSubnets[inv.transitGatewayAttachments[i].id] {
                inv.transitGatewayAttachments[i].subnetIds = extra.subnets
            }
        }
        // Interfaces only described inside instances (no describe-network-interfaces output for them).
        let known = Set(inv.networkInterfaces.map(\.id))
        var added = Set<String>()
        for iface in c.instanceInterfaces where !known.contains(iface.id) && added.insert(iface.id).inserted {
            inv.networkInterfaces.append(iface)
        }
        TransitGatewayRoutingReconciler.apply(&inv, c)
        VPNReconciler.finish(&inv, c)
        fillScopes(&inv, identified: c.identifiedAccounts)
        ELBAttributesReconciler.apply(&inv, c)
        addBuckets(&inv, c)
        ServicesReconciler.apply(&inv, c)
        ECSReconciler.apply(&inv)
        ResourcePolicyReconciler.apply(&inv, c)
        c.inventory = inv
    }

    private static func attachListeners(_ inv: inout Inventory, _ c: Collector) {
        var pending = c.listenersByLoadBalancer
        for i in inv.loadBalancers.indices {
            if let listeners = pending.removeValue(forKey: inv.loadBalancers[i].id) {
                inv.loadBalancers[i].listeners = listeners.sorted { $0.port < $1.port }
            }
        }
        for arn in pending.keys.sorted() {
            inv.warnings.append(CaptureWarning(source: "elbv2-describe-listeners", code: "orphan-document",
                                               message: "listeners of \(arn), which no describe-load-balancers output lists"))
        }
        var rules = c.rulesByListener
        for i in inv.loadBalancers.indices {
            for j in inv.loadBalancers[i].listeners.indices {
                guard let found = rules.removeValue(forKey: inv.loadBalancers[i].listeners[j].arn) else { continue }
                // The same rule read twice (two captures of one listener) counts once.
                var seen = Set<String>()
                inv.loadBalancers[i].listeners[j].rules = found.filter { seen.insert($0.arn).inserted }.sorted { ($0.order, $0.arn) < ($1.order, $1.arn) }
            }
        }
        for arn in rules.keys.sorted() {
            inv.warnings.append(CaptureWarning(source: "elbv2-describe-rules", code: "orphan-listener-rules",
                                               message: "\(rules[arn]?.count ?? 0) listener rule(s) of \(arn), which no describe-listeners output lists; not used"))
        }
    }

    private static func attachTargets(_ inv: inout Inventory, _ c: Collector) {
        for (key, targets) in c.targetsByGroup.sorted(by: { $0.key.name < $1.key.name }) {
            let matches = inv.targetGroups.indices.filter {
                inv.targetGroups[$0].name == key.name && (key.account == nil || inv.targetGroups[$0].scope.account == key.account)
            }
            guard !matches.isEmpty else {
                inv.warnings.append(CaptureWarning(source: "elbv2-describe-target-health/\(key.name).json", code: "orphan-document",
                                                   message: "target health of \(key.name), which no describe-target-groups output lists"))
                continue
            }
            for i in matches {
                inv.targetGroups[i].targets = targets
                inv.targetGroups[i].targetsKnown = true
            }
        }
    }

    private static func addBuckets(_ inv: inout Inventory, _ c: Collector) {
        let account = inv.scopes.map(\.account).first { $0 != ResourceScope.unknownValue }
        for (key, parts) in c.bucketParts.sorted(by: { $0.key.name < $1.key.name }) {
            let scope = ResourceScope(account: key.account ?? account ?? ResourceScope.unknownValue,
                                      region: parts.region ?? ResourceScope.unknownValue)
            inv.buckets.append(Bucket(id: key.name, scope: scope, policy: parts.policy,
                                      policyStatusIsPublic: parts.policyStatusIsPublic, ownerId: parts.ownerId,
                                      grants: parts.grants, publicAccessBlock: parts.publicAccessBlock,
                                      objectOwnership: parts.objectOwnership))
        }
        var accounts = Set(inv.scopes.map(\.account)).union(c.accountPublicAccessBlocks.keys)
        accounts.remove(ResourceScope.unknownValue)
        inv.accounts = accounts.sorted().map { AccountSettings(id: $0, s3PublicAccessBlock: c.accountPublicAccessBlocks[$0]) }
        if let unscoped = c.accountPublicAccessBlocks[ResourceScope.unknownValue] {
            // Account-level settings outside an account folder apply to the one account imported.
            if inv.accounts.count == 1 { inv.accounts[0].s3PublicAccessBlock = unscoped }
            else { inv.accounts.append(AccountSettings(id: ResourceScope.unknownValue, s3PublicAccessBlock: unscoped)) }
        }
    }

    /// Where the input left an account or region unknown and the snapshot names exactly one, use it.
    private static func fillScopes(_ inv: inout Inventory, identified: Set<String>) {
        let scopes = inv.scopes
        var accounts = Set(scopes.map(\.account)).union(identified)
        accounts.remove(ResourceScope.unknownValue)
        var regions = Set(scopes.map(\.region))
        regions.remove(ResourceScope.unknownValue)
        regions.remove(ResourceScope.globalRegion)
        let account = accounts.count == 1 ? accounts.first : nil
        let region = regions.count == 1 ? regions.first : nil
        guard account != nil || region != nil else { return }
        func fill<T>(_ items: inout [T], _ kp: WritableKeyPath<T, ResourceScope>) {
            for i in items.indices {
                if let account, items[i][keyPath: kp].account == ResourceScope.unknownValue { items[i][keyPath: kp].account = account }
                if let region, items[i][keyPath: kp].region == ResourceScope.unknownValue { items[i][keyPath: kp].region = region }
            }
        }
        fill(&inv.vpcs, \.scope); fill(&inv.subnets, \.scope); fill(&inv.routeTables, \.scope)
        fill(&inv.internetGateways, \.scope); fill(&inv.egressOnlyInternetGateways, \.scope)
        fill(&inv.natGateways, \.scope); fill(&inv.elasticIps, \.scope); fill(&inv.transitGateways, \.scope)
        fill(&inv.transitGatewayAttachments, \.scope); fill(&inv.transitGatewayRouteTables, \.scope)
        fill(&inv.vpcPeeringConnections, \.scope); fill(&inv.vpcEndpoints, \.scope); fill(&inv.prefixLists, \.scope)
        fill(&inv.vpnGateways, \.scope); fill(&inv.customerGateways, \.scope); fill(&inv.vpnConnections, \.scope)
        fill(&inv.directConnectGateways, \.scope)
        fill(&inv.securityGroups, \.scope); fill(&inv.networkACLs, \.scope); fill(&inv.networkInterfaces, \.scope)
        fill(&inv.instances, \.scope); fill(&inv.loadBalancers, \.scope); fill(&inv.targetGroups, \.scope)
        fill(&inv.dbInstances, \.scope); fill(&inv.dbSubnetGroups, \.scope); fill(&inv.lambdaFunctions, \.scope)
        fill(&inv.iamPrincipals, \.scope); fill(&inv.managedPolicies, \.scope)
    }
}
