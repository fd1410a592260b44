import Findings

/// Ports between two tiers that became reachable (or unreachable), and the changes that caused it.
public struct PathChange: Sendable, Hashable, Codable {
    /// The tier traffic comes from (`internet` for the internet).
    public var from: String
    /// The tier traffic goes to.
    public var to: String
    /// Inclusive TCP port ranges, `[[3306, 3306]]`.
    public var ports: [[Int]]
    /// Load balancers through which `from` now (or no longer) reaches `to`.
    public var via: [String]
    /// Configuration changes on the path: `sg-1 (demo-app-db-sg) ingress rule added: tcp/3306 from 0.0.0.0/0`.
    public var causes: [String]
    /// For paths opened from the internet: critical for sensitive ports, high otherwise.
    public var severity: Severity?

    /// A path change from its parts.
    public init(from: String, to: String, ports: [[Int]], via: [String], causes: [String], severity: Severity? = nil) {
        self.from = from
        self.to = to
        self.ports = ports
        self.via = via
        self.causes = causes
        self.severity = severity
    }

    /// `tcp/22,3306` or `via load balancer my-alb`.
    public var portText: String {
        var parts: [String] = []
        if !ports.isEmpty { parts.append("tcp/" + ports.map { $0[0] == $0[1] ? "\($0[0])" : "\($0[0])-\($0[1])" }.joined(separator: ",")) }
        if !via.isEmpty { parts.append("via load balancer \(via.joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }

    /// `internet → my-demo-db tcp/3306`.
    public var title: String { "\(from) → \(to) \(portText)" }
}

/// Paths that opened and closed between two snapshots.
public struct ReachabilityChanges: Sendable, Hashable, Codable {
    /// Ports that became reachable.
    public var opened: [PathChange]
    /// Ports that became unreachable.
    public var closed: [PathChange]
    /// Set when reachability was not recomputed because no network configuration changed.
    public var skipped: Bool
    /// Pairs the change makes undecidable: what it adds depends on a value known only after apply.
    public var unknown: [UnknownPath] = []

    /// Changes from their parts.
    public init(opened: [PathChange] = [], closed: [PathChange] = [], skipped: Bool = false) {
        self.opened = opened
        self.closed = closed
        self.skipped = skipped
    }

    /// Whether no path opened or closed.
    public var isEmpty: Bool { opened.isEmpty && closed.isEmpty }
}

/// Two tiers whose answer the change leaves unknown until apply, and why (`….cidr_ipv4 is known after apply`).
public struct UnknownPath: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var reasons: [String]

    /// `internet → demo-app-db`.
    public var title: String { "\(from) → \(to)" }
}
