/// The condition operators IAM knows, without `ForAnyValue:`/`ForAllValues:` and `IfExists`.
///
/// IAM User Guide, "IAM JSON policy elements: Condition operators": string, numeric, date, Boolean, binary, IP
/// address, ARN and `Null` operators. Any other name makes IAM refuse the policy ("Invalid Condition type"), so
/// the parser refuses it too.
public enum ConditionOperatorKind: String, Sendable, Hashable, Codable, CaseIterable {
    case stringEquals = "StringEquals", stringNotEquals = "StringNotEquals"
    case stringEqualsIgnoreCase = "StringEqualsIgnoreCase", stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
    case stringLike = "StringLike", stringNotLike = "StringNotLike"
    case numericEquals = "NumericEquals", numericNotEquals = "NumericNotEquals"
    case numericLessThan = "NumericLessThan", numericLessThanEquals = "NumericLessThanEquals"
    case numericGreaterThan = "NumericGreaterThan", numericGreaterThanEquals = "NumericGreaterThanEquals"
    case dateEquals = "DateEquals", dateNotEquals = "DateNotEquals"
    case dateLessThan = "DateLessThan", dateLessThanEquals = "DateLessThanEquals"
    case dateGreaterThan = "DateGreaterThan", dateGreaterThanEquals = "DateGreaterThanEquals"
    case bool = "Bool"
    case binaryEquals = "BinaryEquals"
    case ipAddress = "IpAddress", notIpAddress = "NotIpAddress"
    case arnEquals = "ArnEquals", arnLike = "ArnLike", arnNotEquals = "ArnNotEquals", arnNotLike = "ArnNotLike"
    case null = "Null"

    /// The operator named `name` (case-insensitive, as IAM reads operator names).
    public init?(named name: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue.equalsIgnoringCase(name) }) else { return nil }
        self = kind
    }

    /// Negated operators: true when no value matches, and true when the key is absent from the request.
    public var isNegated: Bool {
        switch self {
        case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
             .notIpAddress, .arnNotEquals, .arnNotLike: true
        default: false
        }
    }

    /// Whether the policy values may hold policy variables (`${aws:username}`): string and ARN operators only
    /// (IAM User Guide, "IAM policy elements: Variables and tags").
    public var takesPolicyVariables: Bool {
        switch self {
        case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .stringLike,
             .stringNotLike, .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: true
        default: false
        }
    }
}
