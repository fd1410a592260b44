/// One test of a `Condition` block: an operator applied to one key and its values.
///
/// `{"StringEquals": {"aws:SourceVpc": ["vpc-1", "vpc-2"]}}` becomes one `Condition`
/// with operator `StringEquals`, key `aws:SourceVpc` and two values (any may match).
/// All conditions of a statement must hold together.
public struct Condition: Sendable, Hashable, Codable {
    public var op: ConditionOperator
    /// The key as written; compare with `matchesKey(_:)`, since keys are case-insensitive.
    public var key: String
    /// The values as text (numbers and booleans keep their JSON spelling).
    public var values: [String]

    public init(_ op: ConditionOperator, key: String, values: [String]) {
        self.op = op
        self.key = key
        self.values = values
    }

    /// Whether this condition tests `key` (case-insensitive, as IAM compares keys).
    public func matchesKey(_ other: String) -> Bool {
        key.equalsIgnoringCase(other)
    }
}

/// A condition operator such as `StringEquals`, `ForAnyValue:StringLike` or `IpAddressIfExists`.
public struct ConditionOperator: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The operator exactly as written in the policy.
    public var name: String
    /// `ForAnyValue:` / `ForAllValues:` prefix, if any.
    public var setQualifier: SetQualifier?
    /// The operator without qualifier and `IfExists` suffix, e.g. `StringLike`.
    public var base: String
    /// Whether the `...IfExists` suffix is present (the test passes when the key is absent).
    public var ifExists: Bool
    /// The operator IAM knows by the base name; nil for a name IAM refuses (the parser rejects those).
    public var kind: ConditionOperatorKind? { ConditionOperatorKind(named: base) }

    /// Splits an operator name into its qualifier, base and `IfExists` suffix.
    public init(_ name: String) {
        self.name = name
        var rest = Substring(name)
        setQualifier = nil
        for qualifier in SetQualifier.allCases where rest.lowercased().hasPrefix(qualifier.rawValue.lowercased() + ":") {
            setQualifier = qualifier
            rest = rest.dropFirst(qualifier.rawValue.count + 1)
        }
        ifExists = rest.lowercased().hasSuffix("ifexists") && rest.count > "IfExists".count
        base = String(ifExists ? rest.dropLast("IfExists".count) : rest)
    }

    public var description: String { name }

    /// Whether the base operator is `name` (case-insensitive), ignoring qualifier and suffix.
    public func isBase(_ other: String) -> Bool { base.equalsIgnoringCase(other) }
}

/// The multivalued-key prefixes of a condition operator.
public enum SetQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    case forAnyValue = "ForAnyValue"
    case forAllValues = "ForAllValues"
}

extension String {
    /// ASCII case-insensitive equality (IAM names are ASCII).
    func equalsIgnoringCase(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
