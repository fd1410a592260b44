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

/// One token bucket, as a value: full at creation, refilled lazily from the time of the last reservation.
///
/// `reserve(at:)` takes a token and says how long the caller must wait for it. Tokens may go below zero: a caller
/// that must wait has its token reserved already, so callers queue in arrival order and the bucket's rate holds
/// however many wait (AWS's bucket would reject them with `RequestLimitExceeded` instead).
public struct TokenBucket: Sendable, Hashable {
    public let limit: BucketLimit
    /// Tokens available at `updatedAt` (negative: reservations waiting).
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    public init(limit: BucketLimit, now: Double) {
        self.limit = limit
        tokens = limit.capacity
        updatedAt = now
    }

    /// Takes one token at `now` (seconds on the limiter's clock); returns the seconds to wait before sending (0: now).
    public mutating func reserve(at now: Double) -> Double {
        if now > updatedAt {
            tokens = min(limit.capacity, tokens + (now - updatedAt) * limit.refillPerSecond)
            updatedAt = now
        }
        tokens -= 1
        guard tokens < 0 else { return 0 }
        // The token being taken arrives when the deficit has refilled, measured from `updatedAt`.
        return (updatedAt - now) + (-tokens) / limit.refillPerSecond
    }
}
