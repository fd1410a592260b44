import Foundation

/// What one bucket counts: requests of one API action, by one account, in one region.
public struct BucketKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var account: String
    /// The region the request is sent to (IAM, Organizations: their one signing region).
    public var region: String
    public var service: String
    /// The action; EC2's expensive describe calls sent unpaginated and unfiltered carry ` (unpaginated)`.
    public var action: String

    public init(account: String, region: String, service: String, action: String) {
        self.account = account
        self.region = region
        self.service = service
        self.action = action
    }

    public var description: String { "\(account)/\(region)/\(service):\(action)" }

    public static func < (a: BucketKey, b: BucketKey) -> Bool { a.description < b.description }
}

/// The client-side request rates, per account, region and action.
///
/// EC2 follows AWS "Request throttling for the Amazon EC2 API" (request token bucket sizes and refill rates):
/// non-mutating actions (`Describe*`, `Get*`, `Search*`) a bucket of 100 refilled at 20 per second; the expensive
/// describe actions called without pagination or filters a bucket of 50 refilled at 10. IAM publishes no bucket
/// figures ("IAM and AWS STS quotas" lists object quotas only; the knowledge-center article "How do I resolve API
/// throttling or "Rate exceeded" errors for IAM and AWS STS?" says IAM's calls count against one account-wide rate
/// that cannot be raised), so IAM and Organizations get a small bucket of 20 refilled at 5 per second; STS
/// (AssumeRole from one management account into every member) 100 at 50. Other services use the EC2 non-mutating
/// figures. Retries with backoff stay the second line when a service is stricter than this.
public struct RateLimits: Sendable, Hashable {
    public var ec2NonMutating = BucketLimit(capacity: 100, refillPerSecond: 20)
    public var ec2Unpaginated = BucketLimit(capacity: 50, refillPerSecond: 10)
    public var iam = BucketLimit(capacity: 20, refillPerSecond: 5)
    public var sts = BucketLimit(capacity: 100, refillPerSecond: 50)
    public var other = BucketLimit(capacity: 100, refillPerSecond: 20)
    /// The share of each rate the client uses: requests that wait in the HTTP pool or on the network and then arrive
    /// together must still find tokens in AWS's bucket (measured in `scripts/bench/org_sim.sh`: at 1.0, a bucket
    /// drained at exactly 20/s sees a few `RequestLimitExceeded`).
    public var headroom = 0.9

    public init() {}

    /// AWS's documented (or, where AWS documents none, conservative) rates.
    public static let aws = RateLimits()

    /// EC2 describe actions with the smaller bucket when sent without `MaxResults`/`NextToken` and without filters.
    public static let ec2Expensive: Set<String> = [
        "DescribeInstances", "DescribeNetworkInterfaces", "DescribeSecurityGroups", "DescribeSnapshots", "DescribeVolumes",
        "DescribeSpotInstanceRequests", "DescribeImages",
    ]

    /// The bucket of `service`'s `action` sent with `parameters` (query-protocol names; empty for other protocols).
    public static func key(account: String, region: String, service: String, action: String,
                           parameters: [(String, String)]) -> BucketKey {
        var name = action
        if service == "ec2", ec2Expensive.contains(action),
           !parameters.contains(where: { $0.0 == "MaxResults" || $0.0 == "NextToken" || $0.0.hasPrefix("Filter.") }) {
            name += " (unpaginated)"
        }
        let global = ["iam", "organizations"].contains(service)
        return BucketKey(account: account, region: global ? "global" : region, service: service, action: name)
    }

    /// The bucket the client keeps for `key`: AWS's figures times `headroom`.
    public func clientLimit(for key: BucketKey) -> BucketLimit {
        let l = limit(for: key)
        return BucketLimit(capacity: (l.capacity * headroom).rounded(.down), refillPerSecond: l.refillPerSecond * headroom)
    }

    /// AWS's figures for `key`'s bucket.
    public func limit(for key: BucketKey) -> BucketLimit {
        switch key.service {
        case "ec2": key.action.hasSuffix(" (unpaginated)") ? ec2Unpaginated : ec2NonMutating
        case "iam", "organizations": iam
        case "sts": sts
        default: other
        }
    }
}
