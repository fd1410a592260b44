import NetModel

/// One of the four S3 Block Public Access switches.
public enum BlockPublicAccessSwitch: String, Sendable, Hashable, Codable, CaseIterable {
    /// Rejects requests that would set a public ACL; existing ACLs are not affected.
    case blockPublicAcls = "BlockPublicAcls"
    /// Makes S3 ignore public ACLs: neutralises existing public ACL grants.
    case ignorePublicAcls = "IgnorePublicAcls"
    /// Rejects a new public bucket policy; an existing policy is not affected.
    case blockPublicPolicy = "BlockPublicPolicy"
    /// With a public policy, limits access to AWS service principals and the owner account:
    /// neutralises the public (and cross-account) grants of an existing policy.
    case restrictPublicBuckets = "RestrictPublicBuckets"

    /// The switch's value in one configuration.
    public func isOn(in block: PublicAccessBlock) -> Bool {
        switch self {
        case .blockPublicAcls: block.blockPublicAcls
        case .ignorePublicAcls: block.ignorePublicAcls
        case .blockPublicPolicy: block.blockPublicPolicy
        case .restrictPublicBuckets: block.restrictPublicBuckets
        }
    }
}

/// Where a Block Public Access switch is set.
public enum BlockPublicAccessLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case account
    case bucket
}

/// A switch that is on, with the levels that turn it on.
public struct BlockPublicAccessSetting: Sendable, Hashable, Codable, CustomStringConvertible {
    public var setting: BlockPublicAccessSwitch
    /// `account`, `bucket` or both.
    public var levels: [BlockPublicAccessLevel]

    public init(_ setting: BlockPublicAccessSwitch, levels: [BlockPublicAccessLevel]) {
        self.setting = setting
        self.levels = levels
    }

    public var description: String { "\(setting.rawValue) (\(levels.map(\.rawValue).joined(separator: " and ")))" }
}

/// The Block Public Access in force for a bucket: each switch is on when the account or
/// the bucket turns it on (S3 applies the most restrictive combination).
public struct EffectiveBlockPublicAccess: Sendable, Hashable, Codable {
    /// The account-level configuration; nil when none is set or it was not captured.
    public var account: PublicAccessBlock?
    /// The bucket-level configuration; nil when none is set or it was not captured.
    public var bucket: PublicAccessBlock?

    public init(account: PublicAccessBlock?, bucket: PublicAccessBlock?) {
        self.account = account
        self.bucket = bucket
    }

    /// The combined switches.
    public var effective: PublicAccessBlock {
        (account ?? .off).combined(with: bucket)
    }

    /// The switch with the levels that turn it on, or nil when it is off.
    public func setting(_ which: BlockPublicAccessSwitch) -> BlockPublicAccessSetting? {
        var levels: [BlockPublicAccessLevel] = []
        if let account, which.isOn(in: account) { levels.append(.account) }
        if let bucket, which.isOn(in: bucket) { levels.append(.bucket) }
        return levels.isEmpty ? nil : BlockPublicAccessSetting(which, levels: levels)
    }

    /// Every switch that is on.
    public var settingsOn: [BlockPublicAccessSetting] {
        BlockPublicAccessSwitch.allCases.compactMap(setting)
    }
}
