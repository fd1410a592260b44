/// Whether one bucket policy statement grants public access, and why or why not.
public struct StatementPublicity: Sendable, Hashable, Codable {
    public var statement: Statement
    /// Whether the statement is public under S3's definition.
    public var isPublic: Bool
    /// Conditions that pin a restricting key to fixed values (what keeps an open principal non-public).
    public var restrictingConditions: [Condition]

    /// Judges one statement by the S3 User Guide's rules.
    ///
    /// A `Deny` is never public. An `Allow` is public when its principal is open — `*`,
    /// `{"AWS": "*"}`, a wildcard in an AWS or service principal, any `Federated` principal,
    /// or a `NotPrincipal` — and no condition pins one of the `RestrictingConditionKey`s
    /// to fixed values.
    public init(_ statement: Statement) {
        self.statement = statement
        restrictingConditions = statement.conditions.filter { condition in
            RestrictingConditionKey.allCases.contains { $0.isPinned(by: condition) }
        }
        guard statement.effect == .allow, let clause = statement.principal else {
            isPublic = false
            return
        }
        isPublic = clause.isOpen && restrictingConditions.isEmpty
    }
}

extension PrincipalClause {
    /// Whether the principal is not limited to fixed identities.
    var isOpen: Bool {
        switch self {
        case .notPrincipal: return true
        case .principal(let p):
            if p.isEveryone { return true }
            return p.identities.contains { id in
                switch id.kind {
                case .federated: true
                case .aws, .service, .canonicalUser: Wildcard.hasWildcard(id.value)
                }
            }
        }
    }
}
