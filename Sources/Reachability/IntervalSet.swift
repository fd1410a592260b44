/// A set of integers held as sorted, disjoint, non-adjacent closed intervals.
///
/// The building block of port sets and address sets: every operation is linear in
/// the number of intervals.
public struct IntervalSet<Bound: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Hashable {
    /// Sorted, disjoint, non-adjacent closed intervals.
    public private(set) var intervals: [ClosedRange<Bound>]

    public init() { intervals = [] }

    public init(_ range: ClosedRange<Bound>) { intervals = [range] }

    public init(_ ranges: some Sequence<ClosedRange<Bound>>) {
        intervals = IntervalSet.normalize(Array(ranges))
    }

    public static var full: IntervalSet { IntervalSet(Bound.min...Bound.max) }

    public var isEmpty: Bool { intervals.isEmpty }

    public func contains(_ value: Bound) -> Bool {
        var lo = 0, hi = intervals.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if intervals[mid].upperBound < value { lo = mid + 1 }
            else if intervals[mid].lowerBound > value { hi = mid - 1 }
            else { return true }
        }
        return false
    }

    /// Whether every element of `other` is in this set.
    public func isSuperset(of other: IntervalSet) -> Bool { other.subtracting(self).isEmpty }

    /// Both sets' intervals merged in one pass (both are sorted already).
    public func union(_ other: IntervalSet) -> IntervalSet {
        if other.intervals.isEmpty || self == .full { return self }
        if intervals.isEmpty || other == .full { return other }
        var out: [ClosedRange<Bound>] = []
        out.reserveCapacity(intervals.count + other.intervals.count)
        var i = 0, j = 0
        while i < intervals.count || j < other.intervals.count {
            let next: ClosedRange<Bound>
            if j == other.intervals.count || (i < intervals.count && intervals[i].lowerBound <= other.intervals[j].lowerBound) {
                next = intervals[i]
                i += 1
            } else {
                next = other.intervals[j]
                j += 1
            }
            // Overlapping or adjacent to the last interval: one interval (`last.upperBound + 1` can't overflow past max).
            if let last = out.last, last.upperBound == Bound.max || next.lowerBound <= last.upperBound + 1 {
                if next.upperBound > last.upperBound { out[out.count - 1] = last.lowerBound...next.upperBound }
            } else {
                out.append(next)
            }
        }
        var result = IntervalSet()
        result.intervals = out
        return result
    }

    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var out: [ClosedRange<Bound>] = []
        var i = 0, j = 0
        while i < intervals.count && j < other.intervals.count {
            let a = intervals[i], b = other.intervals[j]
            let lo = max(a.lowerBound, b.lowerBound), hi = min(a.upperBound, b.upperBound)
            if lo <= hi { out.append(lo...hi) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        var result = IntervalSet()
        result.intervals = out
        return result
    }

    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        var out: [ClosedRange<Bound>] = []
        var j = 0
        for var current in intervals {
            var consumed = false
            while j < other.intervals.count && other.intervals[j].upperBound < current.lowerBound { j += 1 }
            var k = j
            while k < other.intervals.count && other.intervals[k].lowerBound <= current.upperBound {
                let cut = other.intervals[k]
                if cut.lowerBound > current.lowerBound { out.append(current.lowerBound...(cut.lowerBound - 1)) }
                if cut.upperBound >= current.upperBound { consumed = true; break }
                current = (cut.upperBound + 1)...current.upperBound
                k += 1
            }
            if !consumed { out.append(current) }
        }
        var result = IntervalSet()
        result.intervals = out
        return result
    }

    private static func normalize(_ ranges: [ClosedRange<Bound>]) -> [ClosedRange<Bound>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<Bound>] = []
        for r in sorted {
            if let last = out.last, last.upperBound == Bound.max || r.lowerBound <= last.upperBound + 1 {
                if r.upperBound > last.upperBound { out[out.count - 1] = last.lowerBound...r.upperBound }
            } else {
                out.append(r)
            }
        }
        return out
    }
}
