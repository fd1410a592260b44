import AWSCapture
import Foundation
import Testing

/// A clock that only moves when told to, and whose sleeps move it (nothing here waits in real time).
final class ManualClock: LimiterClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double = 0
    private var slept: [Double] = []

    var now: Double { lock.lock(); defer { lock.unlock() }; return time }
    var sleeps: [Double] { lock.lock(); defer { lock.unlock() }; return slept }

    func advance(_ seconds: Double) { lock.withLock { time += seconds } }
    func sleep(seconds: Double) async { lock.withLock { slept.append(seconds) } }
}

/// The token buckets of AWS "Request throttling for the Amazon EC2 API": a bucket of 100 refilled at 20 per second for
/// non-mutating actions, 50 at 10 for the expensive describe actions sent unpaginated; IAM and STS smaller or their own.
@Suite struct RateLimiterTests {
    static func key(_ action: String, account: String = "111122223333", region: String = "us-east-1", service: String = "ec2",
                    _ parameters: [(String, String)] = [("MaxResults", "1000")]) -> BucketKey {
        RateLimits.key(account: account, region: region, service: service, action: action, parameters: parameters)
    }

    @Test("EC2 non-mutating: the first 100 go at once, then one every 1/20 s")
    func nonMutatingBurstThenRefill() async {
        let clock = ManualClock()
        let limiter = RateLimiter(clock: clock)
        let k = RateLimiterTests.key("DescribeVpcs", [])
        var waits: [Double] = []
        for _ in 0..<110 { waits.append(await limiter.reserve(k)) }
        #expect(waits.prefix(100).allSatisfy { $0 == 0 })
        #expect(abs(waits[100] - 0.05) < 1e-9 && abs(waits[109] - 0.5) < 1e-9, "\(waits.suffix(10))")
        // After 5 s the deficit of 10 is repaid and 90 tokens are back: 90 immediate, the 91st waits.
        clock.advance(5)
        var later: [Double] = []
        for _ in 0..<91 { later.append(await limiter.reserve(k)) }
        #expect(later.prefix(90).allSatisfy { $0 == 0 } && abs(later[90] - 0.05) < 1e-9)
    }

    @Test("unpaginated, unfiltered DescribeInstances takes the 50 / 10 per second bucket; paginated the 100 / 20 one")
    func unpaginatedExpensiveDescribes() async {
        let clock = ManualClock()
        let limiter = RateLimiter(clock: clock)
        let bare = RateLimiterTests.key("DescribeInstances", [])
        let paged = RateLimiterTests.key("DescribeInstances", [("MaxResults", "1000")])
        let filtered = RateLimiterTests.key("DescribeInstances", [("Filter.1.Name", "vpc-id")])
        #expect(bare != paged && paged == filtered && bare.action == "DescribeInstances (unpaginated)")
        #expect(RateLimits.aws.limit(for: bare) == BucketLimit(capacity: 50, refillPerSecond: 10))
        #expect(RateLimits.aws.limit(for: paged) == BucketLimit(capacity: 100, refillPerSecond: 20))
        #expect(RateLimits.key(account: "1", region: "r", service: "ec2", action: "DescribeVpcs", parameters: []).action == "DescribeVpcs")
        for _ in 0..<50 { #expect(await limiter.reserve(bare) == 0) }
        #expect(abs(await limiter.reserve(bare) - 0.1) < 1e-9)
        #expect(await limiter.reserve(paged) == 0, "another bucket")
    }

    @Test("buckets are per account, region and action; IAM and Organizations are global and smaller")
    func bucketsAreScoped() async {
        let clock = ManualClock()
        let limiter = RateLimiter(clock: clock)
        let a = RateLimiterTests.key("DescribeSubnets")
        for _ in 0..<100 { _ = await limiter.reserve(a) }
        #expect(await limiter.reserve(a) > 0)
        #expect(await limiter.reserve(RateLimiterTests.key("DescribeSubnets", account: "444455556666")) == 0)
        #expect(await limiter.reserve(RateLimiterTests.key("DescribeSubnets", region: "eu-west-1")) == 0)
        #expect(await limiter.reserve(RateLimiterTests.key("DescribeRouteTables")) == 0)

        let iamEast = RateLimiterTests.key("GetAccountAuthorizationDetails", service: "iam")
        let iamWest = RateLimiterTests.key("GetAccountAuthorizationDetails", region: "eu-west-1", service: "iam")
        #expect(iamEast == iamWest && iamEast.region == "global")
        #expect(RateLimits.aws.limit(for: iamEast).capacity < RateLimits.aws.limit(for: a).capacity)
        let stats = await limiter.statistics
        #expect(stats.requests == 104 && stats.delayed == 1 && stats.buckets == 4)
    }

    @Test("acquire sleeps on the injected clock for exactly the reserved wait, and never over the rate")
    func acquireSleepsOnTheClock() async {
        let clock = ManualClock()
        let limits = { var l = RateLimits(); l.sts = BucketLimit(capacity: 2, refillPerSecond: 4); return l }()
        let limiter = RateLimiter(limits: limits, clock: clock)
        let k = RateLimiterTests.key("AssumeRole", service: "sts", [])
        for _ in 0..<6 { await limiter.acquire(k) }
        #expect(clock.sleeps == [0.25, 0.5, 0.75, 1.0], "2 at once, then 4 per second, queued in order")
        // 6 requests admitted by t = 1.0 s: capacity 2 + 4/s × 1 s.
        let stats = await limiter.statistics
        #expect(stats.delayed == 4 && abs(stats.longestWait - 1.0) < 1e-9)
    }

    @Test("a bucket never holds more than its capacity, however long it rested")
    func refillIsCapped() {
        var bucket = TokenBucket(limit: BucketLimit(capacity: 3, refillPerSecond: 1), now: 0)
        for _ in 0..<3 { #expect(bucket.reserve(at: 0) == 0) }
        #expect(bucket.reserve(at: 1000) == 0 && bucket.tokens == 2)
        #expect(bucket.reserve(at: 1000) == 0 && bucket.reserve(at: 1000) == 0)
        #expect(bucket.reserve(at: 1000) == 1)
    }
}
