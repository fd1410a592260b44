import NetModel

/// Which rules of a load balancer's listeners forward to one target group, and who may take them.
///
/// AWS "Listener rules for your Application Load Balancer": a listener sends a request to the target groups of
/// the first rule (by priority, the default rule last) whose conditions match; only `forward` actions send to
/// targets (a weight of 0 sends nothing; `redirect` and `fixed-response` answer the client themselves), and
/// `authenticate-oidc` / `authenticate-cognito` before a forward still forward, once the client signed in. A
/// `source-ip` condition matches the source address of the connection. Rules after one that matches every
/// request (`/*`, host `*`) are never reached; otherwise the answer is a may-reach over-approximation: a rule is
/// taken as reachable by every request its own conditions admit, whatever higher-priority rules catch first.
struct ListenerForwarding: Sendable {
    /// One listener with the rules that forward to the target group.
    struct Way: Sendable {
        var listener: Listener
        var rules: [ListenerRule]
        /// The clients those rules admit (`source-ip`); nil when some rule takes every client.
        var clients: AddressSet?

        /// `listener tcp/80 (HTTP)`.
        var listenerLabel: String { ListenerForwarding.label(listener) }

        /// Whether the endpoint's address may take one of the rules.
        func admits(_ s: Endpoint) -> Bool {
            guard let clients else { return true }
            if s.isOutside { return (s.internetAddresses ?? .internet).intersects(clients) }
            let addresses = s.privateAddresses + s.ipv6Addresses
            return addresses.isEmpty || addresses.contains(where: clients.contains)
        }
    }

    let targetGroup: TargetGroup
    /// Listeners (carrying the protocol) with a rule forwarding to the target group.
    var ways: [Way] = []
    /// Listeners carrying the protocol that do not forward to it.
    var others: [Listener] = []

    init(_ lb: LoadBalancer, to tg: TargetGroup, proto: IPProtocol) {
        targetGroup = tg
        for listener in lb.listeners where FlowAnalyzer.listener(listener.protocolName, carries: proto) {
            let rules = listener.reachableRules.filter { $0.forwardedTargetGroupArns.contains(tg.id) }
            if rules.isEmpty { others.append(listener); continue }
            let everyone = rules.contains { $0.sourcePrefixes == nil }
            ways.append(Way(listener: listener, rules: rules,
                            clients: everyone ? nil : AddressSet(rules.flatMap { $0.sourcePrefixes ?? [] })))
        }
    }

    /// The ways a source may take.
    func ways(for s: Endpoint) -> [Way] { ways.filter { $0.admits(s) } }

    /// The source narrowed to the clients the ways' `source-ip` conditions admit (outside sources only;
    /// an address inside a VPC is admitted or not as a whole).
    static func restricted(_ s: Endpoint, to ways: [Way]) -> Endpoint {
        guard s.isOutside, !ways.contains(where: { $0.clients == nil }) else { return s }
        let admitted = ways.reduce(AddressSet()) { $0.union($1.clients ?? .all) }
        let within = (s.internetAddresses ?? .internet).intersection(admitted)
        let label = "\(s.name) within source-ip \(admitted.prefixes.prefix(4).map(\.description).joined(separator: ", "))"
        if s.isInternet { return .internet(within, label: label) }
        var copy = s
        copy.internetAddresses = within
        copy.name = label
        return copy
    }

    /// `listener tcp/80 (HTTP)`.
    static func label(_ l: Listener) -> String { "listener tcp/\(l.port) (\(l.protocolName))" }

    /// The hop that names the listener and rule a request takes: `listener tcp/80 (HTTP): rule /api/* (priority 100)
    /// forwards to backend-tg`, with authentication and weights said.
    func hopDetail(_ ways: [Way]) -> String {
        ways.map { way in
            let rules = way.rules.map { rule -> String in
                var text = rule.label
                let before = rule.preliminaryActions.map(\.summary)
                if !before.isEmpty { text += " (\(before.joined(separator: ", ")) first: only clients that sign in are forwarded)" }
                if let forward = rule.finalAction, forward.targetGroups.count > 1 {
                    let total = forward.targetGroups.reduce(0) { $0 + ($1.weight ?? 1) }
                    let mine = forward.targetGroups.first { $0.arn == targetGroup.id }?.weight ?? 1
                    text += " (weight \(mine) of \(total))"
                }
                if let prefixes = rule.sourcePrefixes {
                    text += " (only clients from \(prefixes.isEmpty ? "no valid source-ip" : prefixes.map(\.description).joined(separator: ", ")), source-ip)"
                }
                return text
            }
            return "\(way.listenerLabel): \(rules.joined(separator: " or ")) forwards to \(targetGroup.name)"
        }.joined(separator: "; ")
    }

    /// `listener tcp/80 (HTTP): rule /api/* (priority 100)`, one per rule taken.
    static func ruleNames(_ ways: [Way]) -> [String] {
        ways.flatMap { way in way.rules.map { "\(way.listenerLabel): \($0.label)" } }
    }

    /// Notes for the listeners that do not forward to the target group: what they do instead.
    func otherListenerNotes() -> [String] {
        others.map { l in
            let rules = l.effectiveRules
            var what = rules.prefix(3).map { "\($0.label): \($0.finalAction?.summary ?? $0.actionSummary)" }.joined(separator: "; ")
            if rules.count > 3 { what += "; …" }
            let weightZero = rules.contains { $0.finalAction?.targetGroups.contains { $0.arn == targetGroup.id && $0.weight == 0 } == true }
            var note = "\(ListenerForwarding.label(l)) does not forward to \(targetGroup.name) (\(what))"
            if weightZero { note += "; a rule gives \(targetGroup.name) weight 0, which sends it nothing" }
            if let shadow = l.shadowedRules, shadow.rules.contains(where: { $0.forwardedTargetGroupArns.contains(targetGroup.id) }) {
                note += "; \(shadow.by.label) matches every request, so the later rules that forward there are never reached"
            }
            if !l.rulesKnown { note += "; its rules were not captured (elbv2 describe-rules): only its default action is known" }
            return note
        }
    }

    /// Why no listener forwards to a target group attached to the load balancer; nil when one does.
    func noWayNote(_ lb: LoadBalancer) -> String? {
        guard ways.isEmpty else { return nil }
        let unknown = lb.listeners.filter { !$0.rulesKnown }
        if !unknown.isEmpty {
            return "\(lb.name) has target group \(targetGroup.name) attached, but the rules of \(unknown.map(ListenerForwarding.label).joined(separator: ", ")) were not captured (elbv2 describe-rules): which listener forwards to it is unknown"
        }
        guard !others.isEmpty else { return nil }
        return "no listener of \(lb.name) forwards to \(targetGroup.name): " + otherListenerNotes().joined(separator: "; ")
    }
}
