import Foundation

/// A bucket's size and refill rate (AWS "Request throttling for the Amazon EC2 API": each request takes one token;
/// the bucket refills at a fixed rate up to its maximum capacity).
public struct BucketLimit: Sendable, Hashable, Codable {
    /// The most tokens the bucket holds (the burst).
    public var capacity: Double
    /// Tokens added per second.
    public var refillPerSecond: Double

    public init(capacity: Double, refillPerSecond: Double) {
        self.capacity = max(1, capacity)
        self.refillPerSecond = max(0.001, refillPerSecond)
    }
}

/// One token bucket, as a value: full at creation, refilled lazily from the time of the last look.
public struct TokenBucket: Sendable, Hashable {
    public let limit: BucketLimit
    /// Tokens available at `updatedAt`.
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    public init(limit: BucketLimit, now: Double) {
        self.limit = limit
        tokens = limit.capacity
        updatedAt = now
    }

    /// Takes one token at `now` (seconds on the limiter's clock) and returns 0, or, when the bucket has none, takes
    /// nothing and returns the seconds until it will have one.
    public mutating func take(at now: Double) -> Double {
        if now > updatedAt {
            tokens = min(limit.capacity, tokens + (now - updatedAt) * limit.refillPerSecond)
            updatedAt = now
        }
        guard tokens >= 1 - 1e-9 else { return (1 - tokens) / limit.refillPerSecond }
        tokens -= 1
        return 0
    }
}
