import Foundation

/// The time source of the rate limiter: the monotonic clock in a capture, a manual one in tests.
public protocol LimiterClock: Sendable {
    /// Seconds since an arbitrary origin, never decreasing.
    var now: Double { get }
    func sleep(seconds: Double) async
}

/// The process's monotonic clock.
public struct MonotonicClock: LimiterClock {
    private let origin = ContinuousClock.now
    public init() {}
    public var now: Double {
        let d = ContinuousClock.now - origin
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    public func sleep(seconds: Double) async {
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}

/// What the limiter did: requests admitted, how many had to wait for a token and for how long in all.
public struct LimiterStatistics: Sendable, Hashable {
    public var requests = 0
    public var delayed = 0
    public var totalWait: Double = 0
    public var buckets = 0
}

/// Client-side rate limiting: one token bucket per (account, region, service, action), created on first use, and
/// as many request slots as the HTTP transport has connections.
///
/// A request first takes a slot, then a token; without a token it gives the slot back and sleeps until the bucket
/// will have one. Tokens are taken only when a connection is free, so requests leave (and reach AWS) at the bucket's
/// pace: a token taken early and sent late, behind other accounts' requests, could arrive in a burst AWS would throttle.
/// Retries with backoff stay the second line, for what the limiter cannot know (other clients of the same account).
public actor RateLimiter {
    public let limits: RateLimits
    private let clock: any LimiterClock
    private var buckets: [BucketKey: TokenBucket] = [:]
    private var stats = LimiterStatistics()
    private var freeSlots: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `concurrency`: requests in flight at most (the HTTP transport's connections).
    public init(limits: RateLimits = .aws, clock: any LimiterClock = MonotonicClock(), concurrency: Int = 8) {
        self.limits = limits
        self.clock = clock
        freeSlots = max(1, concurrency)
    }

    /// Takes a token from `key`'s bucket if it has one (returns 0), else returns the seconds until it will.
    public func take(_ key: BucketKey) -> Double {
        let now = clock.now
        var bucket = buckets[key] ?? TokenBucket(limit: limits.clientLimit(for: key), now: now)
        let wait = bucket.take(at: now)
        buckets[key] = bucket
        return wait
    }

    /// Waits for a request slot and a token of `key`'s bucket; the caller sends at once, then calls `finished()`.
    public func admit(_ key: BucketKey) async {
        stats.requests += 1
        var delayed = false
        while true {
            await slot()
            let wait = take(key)
            if wait == 0 { return }
            release()
            if !delayed { stats.delayed += 1; delayed = true }
            stats.totalWait += wait
            await clock.sleep(seconds: wait)
        }
    }

    /// The request admitted last by this caller has its answer: its slot is free.
    public func finished() { release() }

    /// Request slots free now.
    public var freeSlotCount: Int { freeSlots }

    public var statistics: LimiterStatistics {
        var s = stats
        s.buckets = buckets.count
        return s
    }

    private func slot() async {
        if freeSlots > 0 { freeSlots -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { freeSlots += 1 } else { waiting.removeFirst().resume() }
    }
}
