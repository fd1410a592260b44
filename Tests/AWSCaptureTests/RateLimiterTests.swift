import AWSCapture
import Foundation
import Testing

/// A clock that moves only when told to or when slept on (nothing here waits in real time).
final class ManualClock: LimiterClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double = 0
    private var slept: [Double] = []

    var now: Double { lock.withLock { time } }
    var sleeps: [Double] { lock.withLock { slept } }

    func advance(_ seconds: Double) { lock.withLock { time += seconds } }
    func sleep(seconds: Double) async { lock.withLock { slept.append(seconds); time += seconds } }
}

/// The token buckets of AWS "Request throttling for the Amazon EC2 API": a bucket of 100 refilled at 20 per second for
/// non-mutating actions, 50 at 10 for the expensive describe actions sent unpaginated; IAM and STS smaller or their own.
@Suite struct RateLimiterTests {
    /// AWS's figures exactly (no headroom), so the waits below are the documented ones.
    static let exact = { var l = RateLimits(); l.headroom = 1; return l }()

    static func key(_ action: String, account: String = "111122223333", region: String = "us-east-1", service: String = "ec2",
                    _ parameters: [(String, String)] = [("MaxResults", "1000")]) -> BucketKey {
        RateLimits.key(account: account, region: region, service: service, action: action, parameters: parameters)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test("EC2 non-mutating: 100 at once, then one every 1/20 s; an empty bucket takes nothing")
    func nonMutatingBurstThenRefill() async {
        let clock = ManualClock()
        let limiter = RateLimiter(limits: RateLimiterTests.exact, clock: clock)
        let k = RateLimiterTests.key("DescribeVpcs", [])
        for _ in 0..<100 { #expect(await limiter.take(k) == 0) }
        #expect(RateLimiterTests.close(await limiter.take(k), 0.05))
        #expect(RateLimiterTests.close(await limiter.take(k), 0.05), "nothing was taken: the same wait")
        clock.advance(0.05)
        #expect(await limiter.take(k) == 0)
        #expect(await limiter.take(k) > 0)
        // Resting refills to the capacity, never beyond.
        clock.advance(3600)
        for _ in 0..<100 { #expect(await limiter.take(k) == 0) }
        #expect(await limiter.take(k) > 0)
    }

    @Test("unpaginated, unfiltered DescribeInstances takes the 50 / 10 per second bucket; paginated the 100 / 20 one")
    func unpaginatedExpensiveDescribes() async {
        let limiter = RateLimiter(limits: RateLimiterTests.exact, clock: ManualClock())
        let bare = RateLimiterTests.key("DescribeInstances", [])
        let paged = RateLimiterTests.key("DescribeInstances", [("MaxResults", "1000")])
        let filtered = RateLimiterTests.key("DescribeInstances", [("Filter.1.Name", "vpc-id")])
        #expect(bare != paged && paged == filtered && bare.action == "DescribeInstances (unpaginated)")
        #expect(RateLimits.aws.limit(for: bare) == BucketLimit(capacity: 50, refillPerSecond: 10))
        #expect(RateLimits.aws.limit(for: paged) == BucketLimit(capacity: 100, refillPerSecond: 20))
        #expect(RateLimiterTests.key("DescribeVpcs", []).action == "DescribeVpcs")
        for _ in 0..<50 { #expect(await limiter.take(bare) == 0) }
        #expect(RateLimiterTests.close(await limiter.take(bare), 0.1))
        #expect(await limiter.take(paged) == 0, "another bucket")
    }

    @Test("buckets are per account, region and action; IAM and Organizations are global and smaller")
    func bucketsAreScoped() async {
        let limiter = RateLimiter(limits: RateLimiterTests.exact, clock: ManualClock())
        let a = RateLimiterTests.key("DescribeSubnets")
        for _ in 0..<100 { _ = await limiter.take(a) }
        #expect(await limiter.take(a) > 0)
        #expect(await limiter.take(RateLimiterTests.key("DescribeSubnets", account: "444455556666")) == 0)
        #expect(await limiter.take(RateLimiterTests.key("DescribeSubnets", region: "eu-west-1")) == 0)
        #expect(await limiter.take(RateLimiterTests.key("DescribeRouteTables")) == 0)
        let iamEast = RateLimiterTests.key("GetAccountAuthorizationDetails", service: "iam")
        let iamWest = RateLimiterTests.key("GetAccountAuthorizationDetails", region: "eu-west-1", service: "iam")
        #expect(iamEast == iamWest && iamEast.region == "global")
        #expect(RateLimits.aws.limit(for: iamEast).capacity < RateLimits.aws.limit(for: a).capacity)
        #expect(await limiter.statistics.buckets == 4)
    }

    @Test("admit sleeps on the injected clock until the bucket has a token: never over the rate")
    func admitSleepsOnTheClock() async {
        let clock = ManualClock()
        let limits = { var l = RateLimiterTests.exact; l.sts = BucketLimit(capacity: 2, refillPerSecond: 4); return l }()
        let limiter = RateLimiter(limits: limits, clock: clock)
        let k = RateLimiterTests.key("AssumeRole", service: "sts", [])
        for _ in 0..<6 {
            await limiter.admit(k)
            await limiter.finished()
        }
        #expect(clock.sleeps.count == 4 && clock.sleeps.allSatisfy { RateLimiterTests.close($0, 0.25) }, "\(clock.sleeps)")
        #expect(RateLimiterTests.close(clock.now, 1.0), "6 requests by 1 s: a bucket of 2 plus 4 per second")
        let stats = await limiter.statistics
        #expect(stats.requests == 6 && stats.delayed == 4 && RateLimiterTests.close(stats.totalWait, 1.0))
    }

    @Test("a request takes a slot (one per HTTP connection) before its token and frees it when answered")
    func slots() async {
        let limiter = RateLimiter(limits: RateLimiterTests.exact, clock: ManualClock(), concurrency: 2)
        let k = RateLimiterTests.key("DescribeVpcs")
        await limiter.admit(k)
        await limiter.admit(k)
        #expect(await limiter.freeSlotCount == 0)
        let third = Task { await limiter.admit(k); return true }
        await limiter.finished()
        #expect(await third.value)
        #expect(await limiter.freeSlotCount == 0, "the freed slot went to the waiting request")
        await limiter.finished()
        await limiter.finished()
        #expect(await limiter.freeSlotCount == 2)
    }

    @Test("by default the client keeps 90% of AWS's rates: 90 at once, then 18 per second")
    func headroom() async {
        let limiter = RateLimiter(clock: ManualClock())
        let k = RateLimiterTests.key("DescribeVpcs", [])
        #expect(RateLimits.aws.clientLimit(for: k) == BucketLimit(capacity: 90, refillPerSecond: 18))
        for _ in 0..<90 { #expect(await limiter.take(k) == 0) }
        #expect(RateLimiterTests.close(await limiter.take(k), 1.0 / 18))
    }
}
