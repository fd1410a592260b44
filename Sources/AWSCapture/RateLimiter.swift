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

/// What the limiter did: requests admitted, how many had to wait and for how long in all.
public struct LimiterStatistics: Sendable, Hashable {
    public var requests = 0
    public var delayed = 0
    public var totalWait: Double = 0
    public var longestWait: Double = 0
    public var buckets = 0
}

/// Client-side rate limiting: one token bucket per (account, region, service, action), created on first use.
/// Every HTTP request (retries included) takes a token first, so the capture stays under AWS's rates and retries
/// with backoff are left for what the limiter cannot know (other clients of the same account, stricter services).
public actor RateLimiter {
    public let limits: RateLimits
    private let clock: any LimiterClock
    private var buckets: [BucketKey: TokenBucket] = [:]
    private var stats = LimiterStatistics()

    public init(limits: RateLimits = .aws, clock: any LimiterClock = MonotonicClock()) {
        self.limits = limits
        self.clock = clock
    }

    /// Takes a token from `key`'s bucket; returns the seconds the caller must wait (the token is reserved either way).
    public func reserve(_ key: BucketKey) -> Double {
        let now = clock.now
        var bucket = buckets[key] ?? TokenBucket(limit: limits.limit(for: key), now: now)
        let wait = bucket.reserve(at: now)
        buckets[key] = bucket
        stats.requests += 1
        if wait > 0 {
            stats.delayed += 1
            stats.totalWait += wait
            stats.longestWait = max(stats.longestWait, wait)
        }
        return wait
    }

    /// Waits until `key`'s bucket has a token for this request.
    public func acquire(_ key: BucketKey) async {
        let wait = reserve(key)
        if wait > 0 { await clock.sleep(seconds: wait) }
    }

    public var statistics: LimiterStatistics {
        var s = stats
        s.buckets = buckets.count
        return s
    }
}
