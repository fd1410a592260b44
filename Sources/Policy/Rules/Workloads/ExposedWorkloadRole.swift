import Findings
import NetModel
import Reachability

/// A workload the internet reaches (directly or through a load balancer) whose role is administrator or may
/// write or change permissions on every resource: taking over the workload hands over the role.
struct ExposedWorkloadRole: Rule {
    static let info = RuleInfo(
        id: "exposed-workload-role", title: "Internet-reachable workload with a powerful role", defaultSeverity: .high,
        rationale: "Code reachable from the internet is what attackers take over first; its credentials (instance profile, ECS task role, Lambda function role) are then theirs. Reachability and permissions are judged together: an exposed workload with an administrator role, a service wildcard or write actions on all resources is one step from the account.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var groups: [String: [Endpoint]] = [:]
        var order: [String] = []
        var reach: [String: RoleReach] = [:]
        for e in context.solver.catalog.endpoints {
            guard let role = context.roleReach(for: e), role.isPowerful else { continue }
            // Instances of one Auto Scaling group are one workload: one finding for the group.
            let key = e.tags["aws:autoscaling:groupName"].map { "asg|\($0)" } ?? "\(e.kind.rawValue)|\(e.resourceId)"
            if groups[key] == nil { order.append(key); reach[key] = role }
            groups[key, default: []].append(e)
        }
        var out: [Finding] = []
        for key in order {
            guard let endpoints = groups[key], let first = endpoints.first, let role = reach[key] else { continue }
            let answer = context.solver.pair([.internet()], endpoints, proto: .tcp, ports: nil)
            let asg = first.tags["aws:autoscaling:groupName"]
            let resource = asg.map { ResourceRef(id: $0, kind: "auto-scaling-group", name: $0, account: context.resource(first).account, region: context.resource(first).region) }
                ?? context.resource(first)
            let workload = asg.map { "Auto Scaling group \($0) (\(Set(endpoints.map(\.resourceId)).count) instances)" }
                ?? "\(WorkloadText.kind(first)) \(resource.name ?? first.name)"
            var severity: Severity
            var evidence: [String]
            if answer.reachable {
                severity = .critical
                let ports = answer.allowed.ports.ranges.map(\.description).joined(separator: ", ")
                evidence = ["internet → \(resource.name ?? first.name) (\(role.evidence)) directly on tcp/\(ports)"]
                    + answer.best.path.map { "\($0.kind): \($0.detail)" }
            } else if let via = answer.viaLoadBalancers.first {
                severity = role.isAdmin ? .critical : .high
                evidence = answer.viaLoadBalancers.map { lb in
                    "internet → \(lb.loadBalancer) (tcp/\(lb.listenerPorts.map(String.init).joined(separator: ","))) → \(resource.name ?? first.name):\(lb.targetPort) (\(role.evidence))"
                }
                if let leg = answer.loadBalancerLegs.first(where: { $0.reachable && $0.loadBalancer == via.loadBalancer }) {
                    evidence += leg.path.map { "\($0.kind): \($0.detail)" }
                }
            } else { continue }
            let principal = context.principal(named: role.roleName)?.principal
            let fix = principal.map { IAMText.replace($0, policyArn: nil, needs: context.needs(for: $0)) }
                ?? Fix(summary: "Give \(workload) a role with only the actions and resources it uses.")
            out.append(finding(resource, severity: severity,
                               title: "\(workload) is reachable from the internet and its \(role.how) \(role.roleName) has \(role.summary)",
                               detail: "role:\(role.roleName)", evidence: evidence, fix: fix))
        }
        return out
    }
}

/// How findings name workloads.
enum WorkloadText {
    static func kind(_ e: Endpoint) -> String {
        switch e.kind {
        case .instance: "instance"
        case .ecsTask: "ECS service"
        case .lambda: "Lambda function"
        default: e.kind.rawValue
        }
    }
}
