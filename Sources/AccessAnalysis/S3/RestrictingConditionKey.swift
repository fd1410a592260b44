import NetModel

/// The condition keys that, fixed to non-wildcard values, make a bucket policy statement
/// non-public, per the S3 User Guide section "The meaning of 'public'".
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
}
