import NetModel

/// A set of (port, peer address) pairs: for each range of ports, the peer addresses allowed.
///
/// Every check on a path (a security group, a NACL, a route) answers with a region; the
/// flow's answer is their intersection. For flows between two interfaces the address
/// dimension is trivial; for flows from or to the internet it says which addresses.
public struct Region: Sendable, Hashable {
    struct Piece: Sendable, Hashable {
        var lower: Int
        var upper: Int
        var addresses: AddressSet
    }

    /// Sorted, disjoint port intervals with non-empty address sets.
    private(set) var pieces: [Piece] = []

    public init() {}

    public init(ports: PortSet, addresses: AddressSet = .all) {
        guard !addresses.isEmpty else { return }
        pieces = ports.ranges.map { Piece(lower: $0.lower, upper: $0.upper, addresses: addresses) }
    }

    public static let everything = Region(ports: .all)
    public static let nothing = Region()

    public var isEmpty: Bool { pieces.isEmpty }

    /// The ports for which some address is allowed.
    public var ports: PortSet { PortSet(pieces.map { PortRange($0.lower, $0.upper) }) }

    /// The addresses allowed on some port.
    public var addresses: AddressSet { pieces.reduce(AddressSet()) { $0.union($1.addresses) } }

    /// The addresses allowed on every port of `ports`.
    public func addresses(onAllOf ports: PortSet) -> AddressSet {
        var result = AddressSet.all
        for range in ports.ranges {
            var covered = range.lower
            for p in pieces where p.upper >= range.lower && p.lower <= range.upper {
                if p.lower > covered { return AddressSet() }
                result = result.intersection(p.addresses)
                covered = p.upper + 1
            }
            if covered <= range.upper { return AddressSet() }
        }
        return result
    }

    public func union(_ other: Region) -> Region { combine(other) { $0.union($1) } }
    public func intersection(_ other: Region) -> Region { combine(other) { $0.intersection($1) } }
    public func subtracting(_ other: Region) -> Region { combine(other) { $0.subtracting($1) } }
    public func isSuperset(of other: Region) -> Bool { other.subtracting(self).isEmpty }

    /// Keeps only the given ports.
    public func restricted(to ports: PortSet) -> Region { intersection(Region(ports: ports)) }

    /// Keeps only the given addresses.
    public func restricted(to addresses: AddressSet) -> Region { intersection(Region(ports: .all, addresses: addresses)) }

    /// The region with every non-empty address set widened to all addresses (a point peer's view).
    public var portsOnly: Region { Region(ports: ports) }

    private func combine(_ other: Region, _ op: (AddressSet, AddressSet) -> AddressSet) -> Region {
        var bounds: [Int] = []
        bounds.reserveCapacity(2 * (pieces.count + other.pieces.count))
        for p in pieces { bounds.append(p.lower); bounds.append(p.upper + 1) }
        for p in other.pieces { bounds.append(p.lower); bounds.append(p.upper + 1) }
        bounds.sort()
        var sorted: [Int] = []
        sorted.reserveCapacity(bounds.count)
        for b in bounds where sorted.last != b { sorted.append(b) }
        var out: [Piece] = []
        var i = 0, j = 0
        for k in 0..<max(sorted.count - 1, 0) {
            let lo = sorted[k], hi = sorted[k + 1] - 1
            while i < pieces.count && pieces[i].upper < lo { i += 1 }
            while j < other.pieces.count && other.pieces[j].upper < lo { j += 1 }
            let a = i < pieces.count && pieces[i].lower <= lo ? pieces[i].addresses : AddressSet()
            let b = j < other.pieces.count && other.pieces[j].lower <= lo ? other.pieces[j].addresses : AddressSet()
            let set = op(a, b)
            guard !set.isEmpty else { continue }
            if let last = out.last, last.upper == lo - 1, last.addresses == set {
                out[out.count - 1].upper = hi
            } else {
                out.append(Piece(lower: lo, upper: hi, addresses: set))
            }
        }
        var result = Region()
        result.pieces = out
        return result
    }
}
