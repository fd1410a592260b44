import AccessAnalysis
import Findings
import NetModel

/// Resources others reach through their policies (queues, topics, keys, functions, secrets, repositories, file
/// systems, shared snapshots and images): a node each, with an edge from `internet` when the scan finds it public
/// (`resource-public`) and one from each outside account or organization it is shared with
/// (`resource-external-access`), as IAM Access Analyzer lists them ("Identifying resources shared with an external
/// entity"). The scan's findings decide which resources are drawn, so the graph and the report agree.
extension GraphBuilder {
    func resourceAccess(internetId: String?, severities: [String: Severity], nodes: inout [TierGraph.Node], edges: inout [TierGraph.Edge]) {
        let publicIds = Set(findings.filter { $0.ruleId == "resource-public" }.map(\.resource.id))
        let externalIds = Set(findings.filter { $0.ruleId == "resource-external-access" }.map(\.resource.id))
        guard !publicIds.isEmpty || !externalIds.isEmpty else { return }
        var principalNodes: [String: String] = [:]
        func principal(_ who: String) -> String {
            if let id = principalNodes[who] { return id }
            let id = "n\(nodes.count)"
            principalNodes[who] = id
            let organization = who.hasPrefix("o-") || who.contains(":organization/") || who.contains(":ou/")
            nodes.append(TierGraph.Node(id: id, name: who, detail: organization ? "organization" : "external account", kind: .externalAccount,
                                        placement: .top, worstSeverity: nil, members: [who]))
            return id
        }
        func add(id resourceId: String, name: String, detail: String, outsiders: [String]) {
            let isPublic = publicIds.contains(resourceId)
            guard isPublic || externalIds.contains(resourceId) else { return }
            let id = "n\(nodes.count)"
            let worst = severities[resourceId]
            nodes.append(TierGraph.Node(id: id, name: name, detail: detail, kind: .sharedResource, placement: .shared, worstSeverity: worst,
                                        members: [resourceId]))
            let highlight: Severity? = worst.flatMap { $0 >= .high ? $0 : nil }
            if isPublic, let internetId {
                edges.append(TierGraph.Edge(from: internetId, to: id, label: "public", viaLoadBalancer: false, highlight: highlight))
            }
            guard externalIds.contains(resourceId) else { return }
            for who in outsiders {
                edges.append(TierGraph.Edge(from: principal(who), to: id, label: "shared", viaLoadBalancer: false, highlight: nil))
            }
        }
        for r in inventory.policyResources {
            var outsiders: [String] = []
            if let text = r.policy, let document = try? PolicyDocument(parsing: text, source: r.name) {
                for s in ResourcePolicyAnalysis(document: document, ownerAccount: r.scope.account).externalStatements {
                    outsiders += s.audience.otherAccounts + s.audience.organizations
                }
            }
            outsiders += r.grants.compactMap { g in
                StatementAccess.account(ofARN: g.grantee) ?? (g.grantee.count == 12 && g.grantee.allSatisfy(\.isNumber) ? g.grantee : nil)
            }.filter { $0 != r.scope.account }
            add(id: r.id, name: r.name, detail: r.kind.label, outsiders: unique(outsiders))
        }
        for a in inventory.sharedArtifacts {
            add(id: a.id, name: a.id, detail: a.kind.label, outsiders: unique(a.accounts + a.organizations))
        }
    }
}
