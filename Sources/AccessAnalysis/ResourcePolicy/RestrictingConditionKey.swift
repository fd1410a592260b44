import NetModel

/// The condition keys that, fixed to non-wildcard values, make a resource policy statement
/// non-public, per the S3 User Guide section "The meaning of 'public'" and the IAM Access Analyzer
/// User Guide's "Identifying resources shared with an external entity" (organization keys, and
/// `kms:CallerAccount` for KMS key policies).
///
/// The guide's list: a set of CIDRs using `aws:SourceIp`; an AWS principal, user, role or
/// service principal (its example is `aws:PrincipalOrgID`; `aws:PrincipalAccount` and
/// `aws:PrincipalArn` name principals the same way); `aws:SourceArn`; `aws:SourceVpc`;
/// `aws:SourceVpce`; `aws:SourceOwner`; `aws:SourceAccount`;
/// `s3:x-amz-server-side-encryption-aws-kms-key-id`; `aws:userid` outside the pattern
/// `AROLEID:*`; `s3:DataAccessPointArn`; `s3:DataAccessPointAccount`.
public enum RestrictingConditionKey: String, Sendable, Hashable, Codable, CaseIterable {
    case sourceIp = "aws:SourceIp"
    case principalOrgID = "aws:PrincipalOrgID"
    case principalOrgPaths = "aws:PrincipalOrgPaths"
    case sourceOrgID = "aws:SourceOrgID"
    case sourceOrgPaths = "aws:SourceOrgPaths"
    case principalAccount = "aws:PrincipalAccount"
    case principalArn = "aws:PrincipalArn"
    case sourceArn = "aws:SourceArn"
    case sourceVpc = "aws:SourceVpc"
    case sourceVpce = "aws:SourceVpce"
    case sourceOwner = "aws:SourceOwner"
    case sourceAccount = "aws:SourceAccount"
    case kmsKeyId = "s3:x-amz-server-side-encryption-aws-kms-key-id"
    case userId = "aws:userid"
    case dataAccessPointArn = "s3:DataAccessPointArn"
    case dataAccessPointAccount = "s3:DataAccessPointAccount"
    case kmsCallerAccount = "kms:CallerAccount"

    /// What a fixed value of the key limits the callers to.
    public var limits: Limit {
        switch self {
        case .principalOrgID, .principalOrgPaths, .sourceOrgID, .sourceOrgPaths: .organization
        case .principalAccount, .sourceAccount, .sourceOwner, .dataAccessPointAccount, .kmsCallerAccount: .account
        case .principalArn, .sourceArn, .dataAccessPointArn: .arn
        case .sourceIp, .sourceVpc, .sourceVpce, .kmsKeyId, .userId: .other
        }
    }

    /// The kind of value a restricting key pins.
    public enum Limit: Sendable, Hashable, Codable {
        /// An organization ID (`o-…`) or an organization path (`o-…/r-…/ou-…/`).
        case organization
        /// An account ID.
        case account
        /// An ARN, whose account field names the account.
        case arn
        /// Addresses, networks, keys or user IDs: not public, but no account to name.
        case other
    }

    /// The key a condition tests, if it is one of these (case-insensitive).
    public init?(key: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.equalsIgnoringCase(key) }) else { return nil }
        self = match
    }

    /// Whether one condition value is fixed in the guide's sense.
    ///
    /// A value is fixed when it holds no wildcard (`*`, `?`) and no policy variable (`${...}`),
    /// with the guide's exceptions and additions:
    /// - `aws:SourceIp`: a CIDR (or address) no broader than /8 for IPv4 or /32 for IPv6;
    ///   broader blocks are public unless they lie inside an RFC 1918 private range.
    /// - `aws:userid`: `ID:*` (any session of one role) counts as fixed.
    /// - `s3:DataAccessPointArn`: the access point name may be a wildcard when the account is fixed.
    public func isFixed(_ value: String) -> Bool {
        if value.contains("${") { return false }
        switch self {
        case .sourceIp:
            guard let prefix = IPPrefix(value) else { return false }
            if Self.rfc1918.contains(where: { $0.contains(prefix) }) { return true }
            return prefix.length >= (prefix.isV4 ? 8 : 32)
        case .userId where value.hasSuffix(":*"):
            let id = value.dropLast(2)
            return !id.isEmpty && !Wildcard.hasWildcard(id)
        case .dataAccessPointArn:
            let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6 else { return !Wildcard.hasWildcard(value) }
            return !parts[4].isEmpty && !parts[0..<5].contains(where: Wildcard.hasWildcard)
        default:
            return !Wildcard.hasWildcard(value)
        }
    }

    static let rfc1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].compactMap { IPPrefix($0) }

    /// Whether a condition pins this key to fixed values, so that only those values pass.
    ///
    /// Operators that pin: `StringEquals`, `StringEqualsIgnoreCase`, `StringLike`, `ArnEquals`,
    /// `ArnLike` and, for `aws:SourceIp`, `IpAddress`; optionally with `ForAnyValue:`. Negated
    /// operators, `...IfExists` (passes when the key is absent), `ForAllValues:` (passes for an
    /// empty set) and other operators do not pin anything.
    public func isPinned(by condition: Condition) -> Bool {
        let op = condition.op
        guard condition.matchesKey(rawValue), !op.ifExists, op.setQualifier != .forAllValues else { return false }
        let pinning = self == .sourceIp ? ["IpAddress"] : ["StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike"]
        guard pinning.contains(where: op.isBase) else { return false }
        return !condition.values.isEmpty && condition.values.allSatisfy(isFixed)
    }

    /// Whether a condition of a `Deny` statement refuses every value of this key but fixed ones, so that
    /// the `Allow`s it covers only pass for those values.
    ///
    /// Negated operators (`StringNotEquals`, `StringNotEqualsIgnoreCase`, `StringNotLike`, `ArnNotEquals`,
    /// `ArnNotLike`, and `NotIpAddress` for `aws:SourceIp`), with or without `IfExists`: per the IAM User
    /// Guide ("IAM JSON policy elements: Condition operators"), a negated operator is true when the key is
    /// absent, so such a Deny also refuses requests without the key. Set qualifiers pin nothing.
    public func isPinnedByDeny(_ condition: Condition) -> Bool {
        let op = condition.op
        guard condition.matchesKey(rawValue), op.setQualifier == nil else { return false }
        let negated = self == .sourceIp ? ["NotIpAddress"] : ["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike"]
        guard negated.contains(where: op.isBase) else { return false }
        return !condition.values.isEmpty && condition.values.allSatisfy(isFixed)
    }
}
