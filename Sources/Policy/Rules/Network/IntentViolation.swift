import Findings
import NetModel
import Reachability

/// A reachability intent of the policy file that the snapshot violates.
struct IntentViolation: Rule {
    static let info = RuleInfo(id: "intent-violation", title: "Reachability intent violated", defaultSeverity: .high,
                               rationale: "The policy file states who may reach what (\"internet must not reach db\", \"only app reaches db on tcp/3306\"); the solver found a path that breaks it.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for intent in context.policy.intents {
            guard let target = endpoints(intent.to, context, intent: intent.name) else { continue }
            var (proto, ports) = (IPProtocol.tcp, PortSet?.none)
            if let spec = intent.ports {
                let parts = spec.split(separator: "/", maxSplits: 1).map(String.init)
                do {
                    if parts.count == 2 { proto = try QuerySpec.parseProtocol(parts[0]); ports = try QuerySpec.parsePorts(parts[1]) }
                    else { ports = try QuerySpec.parsePorts(spec) }
                } catch {
                    context.problem("\(context.policy.path ?? "policy"): intent \(intent.name): \(error)")
                    continue
                }
            }
            var sources: [(String, [Endpoint])] = []
            if let from = intent.from, intent.deny {
                if let e = endpoints(from, context, intent: intent.name) { sources.append((from, e)) }
            } else {
                let allowed = Set(intent.onlyFrom + [intent.to])
                sources = context.tiers.filter { !allowed.contains($0.name) && !$0.endpoints.isEmpty }.map { ($0.name, $0.endpoints) }
            }
            for (name, from) in sources {
                let answer = context.solver.pair(from, target, proto: proto, ports: ports)
                let via = answer.viaLoadBalancers.map { "through \($0.loadBalancer) (listener \($0.listenerPorts.map(String.init).joined(separator: ",")))" }
                guard answer.reachable || (intent.deny && !via.isEmpty) else { continue }
                let open = answer.reachable ? answer.allowed.ports.ranges.map { PortCatalog.describe(proto, $0) }.joined(separator: ", ") : via.joined(separator: "; ")
                let resource = context.resource(target[0])
                out.append(finding(resource, severity: intent.severity,
                                   title: "intent \(intent.name): \(name) reaches \(intent.to) on \(open)",
                                   detail: "\(intent.name)|\(name)",
                                   evidence: ["intent: " + (intent.deny ? "\(intent.from ?? "?") must not reach \(intent.to)" : "only \(intent.onlyFrom.joined(separator: ", ")) may reach \(intent.to)") + (intent.ports.map { " on \($0)" } ?? "")]
                                       + answer.best.path.map { "\($0.kind): \($0.detail)" } + via,
                                   fix: Fix(summary: "Remove the security group rule or route that lets \(name) reach \(intent.to) (see the path), or change the intent if the path is wanted.")))
            }
        }
        return out
    }

    /// A tier name from the tiers in force, else any selector term.
    private func endpoints(_ term: String, _ context: RuleContext, intent: String) -> [Endpoint]? {
        if let tier = context.tiers.first(where: { $0.name == term }) { return tier.endpoints }
        do {
            return try context.solver.selector.resolve(term).groups.flatMap(\.endpoints)
        } catch {
            context.problem("\(context.policy.path ?? "policy"): intent \(intent): \(error)")
            return nil
        }
    }
}
