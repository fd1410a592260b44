import NetModel

/// A set of ports (or ICMP types), 0–65535.
public struct PortSet: Sendable, Hashable, CustomStringConvertible {
    public private(set) var values: IntervalSet<UInt16>

    public init(_ values: IntervalSet<UInt16> = IntervalSet()) { self.values = values }
    /// The ports of a range, clamped to 0–65535; a reversed or wholly out-of-range range is empty (never a trap).
    public init(_ range: PortRange) { self.init([range]) }
    public init(_ port: Int) { self.init(PortRange(port, port)) }
    public init(_ ranges: [PortRange]) {
        values = IntervalSet(ranges.compactMap { r -> ClosedRange<UInt16>? in
            let lo = max(r.lower, 0), hi = min(r.upper, 65535)
            return lo <= hi ? UInt16(lo)...UInt16(hi) : nil
        })
    }

    public static let all = PortSet(IntervalSet.full)
    public static let none = PortSet()

    public var isEmpty: Bool { values.isEmpty }
    public func contains(_ port: Int) -> Bool { port >= 0 && port <= 65535 && values.contains(UInt16(port)) }
    public func union(_ o: PortSet) -> PortSet { PortSet(values.union(o.values)) }
    public func intersection(_ o: PortSet) -> PortSet { PortSet(values.intersection(o.values)) }
    public func subtracting(_ o: PortSet) -> PortSet { PortSet(values.subtracting(o.values)) }
    public func isSuperset(of o: PortSet) -> Bool { values.isSuperset(of: o.values) }

    /// The set as port ranges.
    public var ranges: [PortRange] { values.intervals.map { PortRange(Int($0.lowerBound), Int($0.upperBound)) } }

    public var description: String {
        if self == .all { return "all ports" }
        if isEmpty { return "no ports" }
        return ranges.map(\.description).joined(separator: ",")
    }
}
