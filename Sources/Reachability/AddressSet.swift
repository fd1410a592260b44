import NetModel

/// A set of IPv4 and IPv6 addresses.
public struct AddressSet: Sendable, Hashable, CustomStringConvertible {
    public private(set) var v4: IntervalSet<UInt32>
    public private(set) var v6: IntervalSet<UInt128>

    public init(v4: IntervalSet<UInt32> = IntervalSet(), v6: IntervalSet<UInt128> = IntervalSet()) {
        self.v4 = v4
        self.v6 = v6
    }

    public init(_ prefix: IPPrefix) {
        self.init()
        switch prefix.address {
        case .v4(let net):
            let size = UInt64(1) << UInt64(32 - prefix.length)
            v4 = IntervalSet(net...UInt32(UInt64(net) + size - 1))
        case .v6(let hi, let lo):
            let net = UInt128(hi) << 64 | UInt128(lo)
            let last = prefix.length == 0 ? UInt128.max : net | ((UInt128(1) << UInt128(128 - prefix.length)) - 1)
            v6 = IntervalSet(net...last)
        }
    }

    public init(_ address: IPAddress) { self.init(IPPrefix(host: address)) }

    public init(_ prefixes: [IPPrefix]) {
        self = prefixes.reduce(AddressSet()) { $0.union(AddressSet($1)) }
    }

    public static let all = AddressSet(v4: .full, v6: .full)
    public static let none = AddressSet()

    /// Every public (globally routable) address: IPv4 minus private, shared, loopback,
    /// link-local, multicast and reserved ranges; IPv6 global unicast (2000::/3).
    public static let internet: AddressSet = {
        let reserved = AddressSet(["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                                   "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3"]
            .compactMap { IPPrefix($0) })
        return AddressSet(v4: AddressSet.all.v4.subtracting(reserved.v4), v6: AddressSet(IPPrefix("2000::/3")!).v6)
    }()

    public var isEmpty: Bool { v4.isEmpty && v6.isEmpty }
    public func union(_ o: AddressSet) -> AddressSet { AddressSet(v4: v4.union(o.v4), v6: v6.union(o.v6)) }
    public func intersection(_ o: AddressSet) -> AddressSet { AddressSet(v4: v4.intersection(o.v4), v6: v6.intersection(o.v6)) }
    public func subtracting(_ o: AddressSet) -> AddressSet { AddressSet(v4: v4.subtracting(o.v4), v6: v6.subtracting(o.v6)) }
    public func isSuperset(of o: AddressSet) -> Bool { o.subtracting(self).isEmpty }
    public func intersects(_ o: AddressSet) -> Bool { !intersection(o).isEmpty }

    public func contains(_ address: IPAddress) -> Bool {
        switch address {
        case .v4(let a): v4.contains(a)
        case .v6(let hi, let lo): v6.contains(UInt128(hi) << 64 | UInt128(lo))
        }
    }

    /// The set's only address, when it holds exactly one (the peer of a flow between two interfaces).
    public var singleAddress: IPAddress? {
        if v6.isEmpty, v4.intervals.count == 1, let r = v4.intervals.first, r.lowerBound == r.upperBound { return .v4(r.lowerBound) }
        if v4.isEmpty, v6.intervals.count == 1, let r = v6.intervals.first, r.lowerBound == r.upperBound {
            return .v6(UInt64(r.lowerBound >> 64), UInt64(truncatingIfNeeded: r.lowerBound))
        }
        return nil
    }

    /// One address of the set (the lowest IPv4, else the lowest IPv6), nil when empty.
    public var representative: IPAddress? {
        if let r = v4.intervals.first { return .v4(r.lowerBound) }
        if let r = v6.intervals.first { return .v6(UInt64(r.lowerBound >> 64), UInt64(truncatingIfNeeded: r.lowerBound)) }
        return nil
    }

    /// The set as a minimal list of CIDR blocks (IPv4 first).
    public var prefixes: [IPPrefix] {
        var out: [IPPrefix] = []
        for r in v4.intervals {
            var start = UInt64(r.lowerBound)
            let end = UInt64(r.upperBound)
            while start <= end {
                var length = 32
                while length > 0 {
                    let size = UInt64(1) << UInt64(32 - (length - 1))
                    if start % size != 0 || start + size - 1 > end { break }
                    length -= 1
                }
                out.append(IPPrefix(host: .v4(UInt32(start))).widened(to: length))
                start += UInt64(1) << UInt64(32 - length)
            }
        }
        for r in v6.intervals {
            var start = r.lowerBound
            while true {
                var length = 128
                while length > 0 {
                    let bits = UInt128(128 - (length - 1))
                    let mask: UInt128 = bits == 128 ? .max : (UInt128(1) << bits) - 1
                    if start & mask != 0 || (r.upperBound - start) < mask { break }
                    length -= 1
                }
                out.append(IPPrefix(host: .v6(UInt64(start >> 64), UInt64(truncatingIfNeeded: start))).widened(to: length))
                let span: UInt128 = length == 0 ? .max : (UInt128(1) << UInt128(128 - length)) - 1
                if r.upperBound - start <= span { break }
                start += span + 1
            }
        }
        return out
    }

    public var description: String {
        if isEmpty { return "no addresses" }
        let list = prefixes
        return list.count > 4 ? list.prefix(4).map(\.description).joined(separator: ", ") + ", … (\(list.count) blocks)"
            : list.map(\.description).joined(separator: ", ")
    }
}

extension IPPrefix {
    /// The same network with a shorter prefix length.
    func widened(to length: Int) -> IPPrefix { IPPrefix("\(address)/\(length)")! }
}
