import Findings
import NetModel
import Reachability

extension RuleContext {
    /// The role an endpoint's workload acts as, and what that role can do (nil when the snapshot cannot tell).
    func roleReach(for e: Endpoint) -> RoleReach? {
        guard let binding = identity.binding(for: e), let analysis = principal(named: binding.roleName) else { return nil }
        return RoleReach(roleName: binding.roleName, how: binding.how, summary: analysis.all)
    }

    /// The analysed role of that name.
    func principal(named name: String) -> PrincipalAnalysis? { principalsByRoleName[name] }

    /// What a principal needs, from `workloads:` in the policy file: by role name, or by the name of a workload
    /// (ECS service, Lambda function, instance) that acts as the role.
    func needs(for p: IAMPrincipal) -> [PolicyFile.Need]? {
        if let direct = policy.workloads[p.name] { return direct }
        guard p.kind == .role else { return nil }
        return policy.workloads.keys.sorted().first { identity.roleName(forWorkload: $0) == p.name }.flatMap { policy.workloads[$0] }
    }

    /// Evidence lines naming the workloads that use a role (`used by: ECS service todoapp-backend (task role)`).
    func usedBy(_ p: IAMPrincipal) -> [String] {
        guard p.kind == .role, let uses = identity.usesByRole[p.name], !uses.isEmpty else { return [] }
        let listed = uses.prefix(6).map { "\($0.workload) (\($0.how))" }
        return ["used by: " + listed.joined(separator: ", ") + (uses.count > 6 ? ", … (\(uses.count))" : "")]
    }
}
