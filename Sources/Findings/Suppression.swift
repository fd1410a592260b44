/// One suppression from the policy file: silences findings of matching rules on matching resources.
///
/// `ruleId` and `resource` are ``Glob`` patterns (`*` and `?`); `resource` is tried against the
/// resource's ID, ARN and name, and against the ID of the resource holding the finding's cause (the security
/// group of an opening rule). Suppressions apply per resource, before findings are grouped by cause.
/// A reason is required. With `expires` (`YYYY-MM-DD`), the suppression applies up to the day before
/// that date and from that day on is reported as expired.
public struct Suppression: Sendable, Hashable, Codable {
    /// Rule ID pattern, or `*` for every rule.
    public var ruleId: Glob
    /// Resource pattern matched against the resource's ID, ARN and name.
    public var resource: Glob
    /// Why the finding is accepted (required, never empty).
    public var reason: String
    /// `YYYY-MM-DD`, the day the suppression stops applying.
    public var expires: String?

    /// Checks the reason (non-empty) and the expiry (`YYYY-MM-DD`, a real month and day).
    public init(ruleId: String, resource: String, reason: String, expires: String? = nil) throws(SuppressionError) {
        let trimmed = reason.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .missingReason(rule: ruleId, resource: resource) }
        if let expires, !Suppression.isISODate(expires) { throw .badExpiry(expires) }
        self.ruleId = Glob(ruleId)
        self.resource = Glob(resource)
        self.reason = trimmed
        self.expires = expires
    }

    private enum CodingKeys: String, CodingKey { case ruleId = "rule", resource, reason, expires }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(ruleId: try c.decodeIfPresent(String.self, forKey: .ruleId) ?? "*",
                      resource: try c.decodeIfPresent(String.self, forKey: .resource) ?? "*",
                      reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "",
                      expires: try c.decodeIfPresent(String.self, forKey: .expires))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ruleId.pattern, forKey: .ruleId)
        try c.encode(resource.pattern, forKey: .resource)
        try c.encode(reason, forKey: .reason)
        try c.encodeIfPresent(expires, forKey: .expires)
    }

    /// Whether the suppression has expired on `today` (`YYYY-MM-DD`): true from the expiry day on.
    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return today >= expires
    }

    /// A warning line for an expired suppression, for `ScanResult.warnings`.
    public var expiryWarning: String {
        "suppression of rule '\(ruleId)' on '\(resource)' expired on \(expires ?? "?") and no longer applies (\(reason))"
    }

    /// Whether the rule and resource patterns match the finding (expiry is not considered).
    public func matches(_ finding: Finding) -> Bool {
        guard ruleId.matches(finding.ruleId) else { return false }
        let r = finding.resource
        return resource.matches(r.id) || (r.arn.map(resource.matches) ?? false)
            || (r.name.map(resource.matches) ?? false) || (finding.cause.map { resource.matches($0.resourceId) } ?? false)
    }

    /// `YYYY-MM-DD` with month 01–12 and day 01–31.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// Why a suppression is invalid.
public enum SuppressionError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingReason(rule: String, resource: String)
    case badExpiry(String)

    public var description: String {
        switch self {
        case .missingReason(let rule, let resource):
            "suppression for rule '\(rule)' on '\(resource)' needs a reason"
        case .badExpiry(let value):
            "suppression expiry '\(value)' is not a YYYY-MM-DD date"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
