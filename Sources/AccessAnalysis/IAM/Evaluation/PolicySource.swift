/// A parsed policy with the name it is reported under (inline policy, managed policy ARN, ...).
public struct PolicySource: Sendable, Hashable, Codable {
    /// A human-readable name, e.g. `inline "s3-access"` or a managed policy ARN.
    public var name: String
    public var document: PolicyDocument

    public init(name: String, document: PolicyDocument) {
        self.name = name
        self.document = document
    }
}

/// One statement together with the policy it came from.
public struct StatementRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name of the policy holding the statement.
    public var policy: String
    public var statement: Statement
    /// Set when the statement's conditions are known to hold for the request judged.
    public var conditionsHold: Bool

    public init(policy: String, statement: Statement, conditionsHold: Bool = false) {
        self.policy = policy
        self.statement = statement
        self.conditionsHold = conditionsHold
    }

    /// Whether the statement only applies under conditions not known to hold.
    public var isConditional: Bool { statement.isConditional && !conditionsHold }

    public var description: String { "\(policy) \(statement.label)" }
}
