import NetModel
import Reachability

/// The readable answer of `netaudit query`.
enum QueryText {
    static func print(_ answer: QueryAnswer, spec: QuerySpec) {
        let what = spec.ports.map { "\(spec.proto)/\($0)" } ?? (spec.proto == .icmp ? "ICMP echo" : "\(spec.proto)")
        // Pairs that read the same (the instances of one Auto Scaling group, say) are printed once.
        var groups: [(pair: QueryAnswer.Pair, count: Int)] = []
        for pair in answer.pairs {
            if let i = groups.firstIndex(where: { $0.pair.fromName == pair.fromName && $0.pair.toName == pair.toName
                && $0.pair.verdict == pair.verdict && $0.pair.ports == pair.ports }) {
                groups[i].count += 1
            } else {
                groups.append((pair, 1))
            }
        }
        for (pair, count) in groups {
            let head = "\(pair.fromName) → \(pair.toName)" + (count > 1 ? " (\(count) pairs alike; first shown)" : "")
            if pair.reachable {
                let ports = pair.ports.map { $0[0] == $0[1] ? "\($0[0])" : "\($0[0])-\($0[1])" }.joined(separator: ", ")
                let on = spec.proto.hasPorts ? "\(spec.proto)/\(ports)" : what
                Swift.print(Terminal.styled("✔ \(head): reachable on \(on)", .green))
                if let sources = pair.sources {
                    Swift.print("  from \(sources.prefix(6).joined(separator: ", "))\(sources.count > 6 ? ", …" : "")")
                }
                Swift.print("  path:")
                for (i, hop) in pair.path.enumerated() where !hop.detail.isEmpty {
                    Swift.print("    \(i + 1). \(Terminal.styled(hop.kind, .cyan)) \(hop.detail)")
                }
            } else if pair.verdict == .unknown {
                Swift.print(Terminal.styled("? \(head): unknown on \(what): a hop can't be judged from the snapshot, and no judged hop blocks", .yellow))
                if !pair.path.isEmpty { Swift.print("  judged so far:") }
                for (i, hop) in pair.path.enumerated() where !hop.detail.isEmpty {
                    Swift.print("    \(i + 1). \(Terminal.styled(hop.kind, .cyan)) \(hop.detail)")
                }
            } else {
                Swift.print(Terminal.styled("✘ \(head): not reachable on \(what)", .red))
            }
            if !pair.blockedBy.isEmpty {
                Swift.print(pair.reachable ? "  blocked for the other requested ports by:" : "  blocked by:")
                for b in pair.blockedBy {
                    Swift.print("    ✘ \(Terminal.styled(b.kind, .yellow)) \(b.detail)")
                    Swift.print("      fix: \(b.fix)")
                }
            }
            for via in pair.viaLoadBalancers {
                let listeners = via.listenerPorts.map(String.init).joined(separator: ", ")
                if let rules = via.rules, !rules.isEmpty {
                    Swift.print("  ↪ reaches \(pair.toName) through load balancer \(via.loadBalancer), \(rules.joined(separator: "; ")) → target \(spec.proto)/\(via.targetPort)")
                } else {
                    Swift.print("  ↪ reaches \(pair.toName) through load balancer \(via.loadBalancer): listener \(spec.proto)/\(listeners) → target \(spec.proto)/\(via.targetPort)")
                }
                let leg = pair.loadBalancerLegs.first { $0.reachable && $0.loadBalancer == via.loadBalancer && $0.targetPort == via.targetPort }
                for hop in leg?.path ?? [] where hop.kind.hasPrefix("load-balancer-") && hop.kind != "load-balancer-listener" {
                    Swift.print("    \(Terminal.styled(hop.kind, .cyan)) \(hop.detail)")
                }
                for n in via.notes { Swift.print(Terminal.styled("    note: \(n)", .dim)) }
            }
            for u in pair.unknown { Swift.print("  ? unknown: \(u)") }
            for n in pair.notes { Swift.print(Terminal.styled("  note: \(n)", .dim)) }
        }
    }
}
