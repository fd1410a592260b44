import Foundation
import NetModel

/// The outcome of one condition, or of a statement's whole `Condition` block, in a request context.
public enum ConditionOutcome: String, Sendable, Hashable, Codable {
    case holds, fails, unknown

    /// All must hold: one failure decides, then one unknown.
    public static func all(_ outcomes: some Sequence<ConditionOutcome>) -> ConditionOutcome {
        var result = ConditionOutcome.holds
        for o in outcomes {
            if o == .fails { return .fails }
            if o == .unknown { result = .unknown }
        }
        return result
    }
}

extension Statement {
    /// Whether the statement's conditions hold in `context` (`.holds` when it has none).
    public func conditions(in context: RequestContext) -> ConditionOutcome {
        .all(conditions.lazy.map { $0.evaluate(in: context) })
    }
}

extension Condition {
    /// Judges this condition by IAM's rules (IAM User Guide, "IAM JSON policy elements: Condition operators",
    /// "Multivalued context keys" and "IAM policy elements: Variables and tags"):
    /// - a key absent from the request: `...IfExists`, `ForAllValues:` and negated operators hold, `Null` holds
    ///   for `true`, everything else fails;
    /// - without a set qualifier, one request value matching one policy value is enough (negated: none may);
    ///   `ForAnyValue:` needs one request value that matches (negated: that matches none), `ForAllValues:` needs
    ///   every request value to match (negated: to match none);
    /// - policy variables in string and ARN values take the request's value, their default when it is absent
    ///   (`${aws:username, 'anonymous'}`), and match nothing when it is absent without a default.
    /// Anything the context does not know is `.unknown`.
    public func evaluate(in context: RequestContext) -> ConditionOutcome {
        guard let kind = op.kind else { return .unknown }
        let state = context.state(of: key)
        if kind == .null {
            switch state {
            case .unknown: return .unknown
            case .absent: return values.contains { $0.lowercased() == "true" } ? .holds : .fails
            case .present: return values.contains { $0.lowercased() == "false" } ? .holds : .fails
            }
        }
        switch state {
        case .unknown: return .unknown
        case .absent:
            return op.ifExists || op.setQualifier == .forAllValues || kind.isNegated ? .holds : .fails
        case .present(let requestValues):
            var patterns: [String] = []
            for value in values {
                switch kind.takesPolicyVariables ? PolicyVariables.substitute(value, in: context) : .value(value) {
                case .value(let v): patterns.append(v)
                case .noMatch: continue
                case .unknown: return .unknown
                }
            }
            let matches = { (request: String) in patterns.contains { ConditionMatch.positive(kind, request: request, policy: $0) } }
            let holds: Bool
            switch op.setQualifier {
            case .forAllValues?: holds = requestValues.allSatisfy { kind.isNegated ? !matches($0) : matches($0) }
            case .forAnyValue?: holds = requestValues.contains { kind.isNegated ? !matches($0) : matches($0) }
            case nil: holds = kind.isNegated ? !requestValues.contains(where: matches) : requestValues.contains(where: matches)
            }
            return holds ? .holds : .fails
        }
    }
}

/// One request value against one policy value, by the operator's positive form (`StringNotLike` compares as
/// `StringLike`; the caller negates).
enum ConditionMatch {
    static func positive(_ kind: ConditionOperatorKind, request: String, policy: String) -> Bool {
        switch kind {
        case .stringEquals, .stringNotEquals: return request == policy
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase: return request.lowercased() == policy.lowercased()
        case .stringLike, .stringNotLike: return Wildcard.matches(policy, request)
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            guard let r = Double(request), let p = Double(policy) else { return false }
            return compare(kind, r, p)
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let r = date(request), let p = date(policy) else { return false }
            return compare(kind, r, p)
        case .bool: return request.lowercased() == policy.lowercased()
        case .binaryEquals: return request == policy
        case .ipAddress, .notIpAddress:
            guard let prefix = IPPrefix(policy), let address = IPAddress(request) else { return false }
            return prefix.contains(address)
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
            // "Each of the six colon-delimited components of the ARN is checked separately and each can include
            // multi-character match wildcards (*) or single-character match wildcards (?)."
            let r = request.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            let p = policy.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard r.count == 6, p.count == 6 else { return false }
            return zip(p, r).allSatisfy { Wildcard.matches($0, $1) }
        case .null: return false
        }
    }

    private static func compare<T: Comparable>(_ kind: ConditionOperatorKind, _ r: T, _ p: T) -> Bool {
        switch kind {
        case .numericLessThan, .dateLessThan: r < p
        case .numericLessThanEquals, .dateLessThanEquals: r <= p
        case .numericGreaterThan, .dateGreaterThan: r > p
        case .numericGreaterThanEquals, .dateGreaterThanEquals: r >= p
        default: r == p
        }
    }

    /// ISO 8601 dates and times (`2026-12-02`, `2026-12-02T10:00:00Z`, with fractions) or epoch seconds.
    static func date(_ text: String) -> Double? {
        if let seconds = Double(text) { return seconds }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate]] {
            let f = ISO8601DateFormatter()
            f.formatOptions = options
            if let d = f.date(from: text) { return d.timeIntervalSince1970 }
        }
        return nil
    }
}
