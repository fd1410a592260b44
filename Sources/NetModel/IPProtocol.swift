/// An IP protocol as firewall rules name it.
///
/// AWS writes protocols as names (`tcp`), numbers (`6`) or `-1` for all; all
/// spellings normalise to one case. Encoded as `all`, `tcp`, `udp`, `icmp`,
/// `icmpv6` or the protocol number.
public enum IPProtocol: Sendable, Hashable, Codable, CustomStringConvertible {
    case all
    case tcp
    case udp
    case icmp
    case icmpv6
    case number(Int)

    /// Parses AWS's spelling (`-1`, `tcp`, `6`, `icmp`, `58`, ...); nil for garbage.
    public init?(aws text: String) {
        switch text.lowercased() {
        case "-1", "all": self = .all
        case "tcp", "6": self = .tcp
        case "udp", "17": self = .udp
        case "icmp", "1": self = .icmp
        case "icmpv6", "58": self = .icmpv6
        default:
            guard let n = Int(text), (0...255).contains(n) else { return nil }
            self = .number(n)
        }
    }

    /// The IANA protocol number, nil for `all`.
    public var number: Int? {
        switch self {
        case .all: nil
        case .tcp: 6
        case .udp: 17
        case .icmp: 1
        case .icmpv6: 58
        case .number(let n): n
        }
    }

    /// Whether the protocol carries ports (TCP and UDP).
    public var hasPorts: Bool { self == .tcp || self == .udp }

    /// Whether a rule for `self` admits traffic of `other`.
    public func admits(_ other: IPProtocol) -> Bool { self == .all || self == other }

    public var description: String {
        switch self {
        case .all: "all"
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        case .icmpv6: "icmpv6"
        case .number(let n): String(n)
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = IPProtocol(aws: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown protocol \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// An inclusive range of ports, e.g. 1024–65535.
public struct PortRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var lower: Int
    public var upper: Int

    /// Every port.
    public static let all = PortRange(0, 65535)
    /// The ephemeral range clients use by default for return traffic.
    public static let ephemeral = PortRange(1024, 65535)

    public init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ port: Int) -> Bool { lower <= port && port <= upper }

    /// The overlap of two ranges, nil when they are disjoint.
    public func clamped(to other: PortRange) -> PortRange? {
        let lo = max(lower, other.lower), hi = min(upper, other.upper)
        return lo <= hi ? PortRange(lo, hi) : nil
    }

    public var description: String { lower == upper ? "\(lower)" : "\(lower)-\(upper)" }

    public static func < (a: PortRange, b: PortRange) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }
}
