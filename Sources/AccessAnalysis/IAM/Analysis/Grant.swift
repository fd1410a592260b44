/// The statements through which a principal's policies grant something, and whether
/// conditions stand in the way.
public struct Grant: Sendable, Hashable, Codable {
    /// The `Allow` statements that grant it.
    public var statements: [StatementRef]
    /// `Deny` statements that may revoke it when their conditions hold.
    public var conditionalDenies: [StatementRef]

    public init(statements: [StatementRef], conditionalDenies: [StatementRef] = []) {
        self.statements = statements
        self.conditionalDenies = conditionalDenies
    }

    /// Whether the grant depends on request conditions: every granting statement has a
    /// `Condition` block, or a conditional `Deny` may take it away.
    public var isConditional: Bool {
        statements.allSatisfy(\.isConditional) || !conditionalDenies.isEmpty
    }

    /// Whether some granting statement covers every resource (`Resource: *`, or a `NotResource`).
    public var coversAllResources: Bool {
        statements.contains { $0.statement.coversAllResources }
    }

    /// A grant from an evaluation, or nil when the action is not allowed.
    init?(_ result: EvaluationResult) {
        guard result.mayBeAllowed else { return nil }
        self.init(statements: result.allowingStatements, conditionalDenies: result.denyingStatements)
    }
}

/// One action granted by a principal's policies.
public struct ActionGrant: Sendable, Hashable, Codable {
    /// The action, e.g. `iam:PassRole`.
    public var action: String
    /// Its access level, nil when the action database does not know it.
    public var level: AccessLevel?
    public var grant: Grant

    public init(action: String, level: AccessLevel?, grant: Grant) {
        self.action = action
        self.level = level
        self.grant = grant
    }
}

/// A service-wide wildcard such as `s3:*` granted by a principal's policies.
public struct ServiceWildcardGrant: Sendable, Hashable, Codable {
    /// The service prefix, lower case.
    public var service: String
    public var grant: Grant

    public init(service: String, grant: Grant) {
        self.service = service
        self.grant = grant
    }
}

/// `Allow` of every action except some (`NotAction`) on every resource.
public struct ExceptionGrant: Sendable, Hashable, Codable {
    /// The excluded action patterns as written (`iam:*`, `organizations:*`).
    public var excluded: [String]
    public var grant: Grant

    public init(excluded: [String], grant: Grant) {
        self.excluded = excluded
        self.grant = grant
    }
}
