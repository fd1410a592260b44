import Testing
@testable import Reachability

/// `IntervalSet`'s operations against plain sets of the same members, over a small bound (`UInt8`) so that every
/// member can be listed, on random sets and on the corners: empty, full, adjacent and overlapping intervals, the maximum.
@Suite("Interval sets: union, intersection and subtraction as on plain sets")
struct IntervalSetTests {
    /// A small deterministic generator (the tests must fail the same way twice).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    static func members(_ set: IntervalSet<UInt8>) -> Set<UInt8> {
        Set(set.intervals.flatMap { Array($0) })
    }

    static func random(_ g: inout Generator) -> IntervalSet<UInt8> {
        let count = Int.random(in: 0...5, using: &g)
        return IntervalSet((0..<count).map { _ in
            let lower = UInt8.random(in: 0...255, using: &g)
            return lower...(lower + min(UInt8.random(in: 0...40, using: &g), 255 - lower))
        })
    }

    /// Sorted, disjoint and non-adjacent: the form every operation must keep.
    static func isNormal(_ set: IntervalSet<UInt8>) -> Bool {
        zip(set.intervals, set.intervals.dropFirst()).allSatisfy { $0.upperBound < 255 && $0.upperBound + 1 < $1.lowerBound }
    }

    @Test("random sets")
    func random() {
        var g = Generator(state: 13)
        for _ in 0..<2_000 {
            let a = Self.random(&g), b = Self.random(&g)
            let (x, y) = (Self.members(a), Self.members(b))
            let union = a.union(b), intersection = a.intersection(b), difference = a.subtracting(b)
            #expect(Self.members(union) == x.union(y), "\(a.intervals) ∪ \(b.intervals) = \(union.intervals)")
            #expect(Self.members(intersection) == x.intersection(y))
            #expect(Self.members(difference) == x.subtracting(y))
            #expect(Self.isNormal(union) && Self.isNormal(intersection) && Self.isNormal(difference), "\(union.intervals)")
        }
    }

    @Test("corners: empty, full, adjacent, touching the maximum")
    func corners() {
        let empty = IntervalSet<UInt8>(), full = IntervalSet<UInt8>.full
        #expect(empty.union(empty).isEmpty)
        #expect(full.union(IntervalSet(3...9)) == full && IntervalSet(3...9).union(full) == full)
        #expect(IntervalSet<UInt8>(0...4).union(IntervalSet(5...9)).intervals == [0...9], "adjacent intervals join")
        #expect(IntervalSet<UInt8>(250...255).union(IntervalSet(200...254)).intervals == [200...255])
        #expect(IntervalSet<UInt8>(255...255).union(IntervalSet(0...0)).intervals == [0...0, 255...255])
        #expect(IntervalSet<UInt8>([0...1, 5...6]).union(IntervalSet([2...4, 7...7])).intervals == [0...7])
    }
}
