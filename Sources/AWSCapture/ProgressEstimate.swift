import Foundation

/// The time left of a capture of many accounts, from the pace so far.
enum ProgressEstimate {
    /// Seconds left when `done` of `total` accounts took `elapsed` seconds; nil before the first account finishes.
    static func remaining(elapsed: TimeInterval, done: Int, total: Int) -> TimeInterval? {
        guard done > 0, total >= done, elapsed >= 0 else { return nil }
        return elapsed / Double(done) * Double(total - done)
    }
}
