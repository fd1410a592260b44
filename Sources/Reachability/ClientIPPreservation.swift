import NetModel

/// Which source a target sees on the load balancer → target leg, and why.
///
/// AWS "Client IP preservation" (Network Load Balancer target groups): on by default for instance targets and
/// for ip targets over UDP and TCP_UDP, off by default for ip targets over TCP and TLS; the target group
/// attribute `preserve_client_ip.enabled` decides when set. Application Load Balancers proxy connections, so
/// their targets always see the load balancer's private address.
public struct ClientIPPreservation: Sendable, Hashable, Codable {
    /// True when the target sees the original client's address.
    public var preserved: Bool
    /// "client IP preserved: instance target", ...
    public var reason: String

    public init(preserved: Bool, reason: String) {
        self.preserved = preserved
        self.reason = reason
    }

    /// The setting in force for a load balancer forwarding to a target group.
    public init(loadBalancer lb: LoadBalancer, targetGroup tg: TargetGroup) {
        guard lb.type == "network" else {
            preserved = false
            reason = lb.type == "application"
                ? "client IP not preserved: an Application Load Balancer proxies connections, so the target sees its private address"
                : "client IP not preserved: a \(lb.type) load balancer"
            return
        }
        preserved = tg.preservesClientIp
        let proto = tg.protocolName?.uppercased() ?? "TCP"
        let state = preserved ? "client IP preserved" : "client IP not preserved"
        if let value = tg.attributes?["preserve_client_ip.enabled"] {
            reason = "\(state): target group \(tg.name) sets preserve_client_ip.enabled = \(value)"
        } else if tg.targetType == "ip" {
            reason = preserved ? "\(state): ip target over \(proto), always on for UDP and TCP_UDP"
                : "\(state): ip target over \(proto), off by default unless preserve_client_ip.enabled = true"
        } else {
            reason = "\(state): \(tg.targetType) target, on by default"
        }
    }
}
