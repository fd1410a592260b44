/// A parsed IAM policy document: identity policy, trust policy or resource policy.
///
/// Build one with `PolicyDocument(parsing:source:)`; the JSON text stored in the model
/// (`InlinePolicy.document`, `ManagedPolicy.document`, `IAMPrincipal.trustPolicy`,
/// `Bucket.policy`) is the input.
public struct PolicyDocument: Sendable, Hashable, Codable {
    /// The policy language version (`2012-10-17` or `2008-10-17`); nil when absent.
    public var version: String?
    /// The optional `Id` element.
    public var id: String?
    /// The statements in document order.
    public var statements: [Statement]

    public init(version: String? = "2012-10-17", id: String? = nil, statements: [Statement]) {
        self.version = version
        self.id = id
        self.statements = statements
    }

    /// Parses a policy document from its JSON text.
    ///
    /// - Parameters:
    ///   - text: the JSON document.
    ///   - source: names the document in errors, e.g. `role/app inline policy "s3"`.
    /// - Throws: `PolicyParseError` naming the source and the first problem found.
    public init(parsing text: String, source: String) throws(PolicyParseError) {
        self = try PolicyParser(source: source).parse(text)
    }
}

/// Whether a statement grants or refuses.
public enum Effect: String, Sendable, Hashable, Codable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement of a policy document.
public struct Statement: Sendable, Hashable, Codable {
    /// The statement's position in its document (0-based).
    public var index: Int
    public var sid: String?
    public var effect: Effect
    /// `Principal` or `NotPrincipal`; nil in identity policies.
    public var principal: PrincipalClause?
    /// `Action` or `NotAction`.
    public var actions: PatternList
    /// `Resource` or `NotResource`; nil when the statement names none (trust policies).
    public var resources: PatternList?
    /// The `Condition` block flattened to one entry per operator and key (all must hold).
    public var conditions: [Condition]

    public init(index: Int = 0, sid: String? = nil, effect: Effect, principal: PrincipalClause? = nil,
                actions: PatternList, resources: PatternList? = nil, conditions: [Condition] = []) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.conditions = conditions
    }

    /// Whether the statement only applies when its `Condition` block holds.
    public var isConditional: Bool { !conditions.isEmpty }

    /// A short label: the Sid when present, else the position (`statement 2`, 1-based).
    public var label: String { sid.map { "\"\($0)\"" } ?? "statement \(index + 1)" }
}

/// A list of action or resource patterns, either included (`Action`) or excluded (`NotAction`).
public enum PatternList: Sendable, Hashable, Codable {
    /// `Action` / `Resource`: the statement covers what matches one of the patterns.
    case only([String])
    /// `NotAction` / `NotResource`: the statement covers everything except what matches.
    case allExcept([String])

    /// The patterns as written.
    public var patterns: [String] {
        switch self {
        case .only(let p), .allExcept(let p): p
        }
    }

    /// Whether this is a `Not...` element.
    public var isNegated: Bool { if case .allExcept = self { true } else { false } }

    /// Whether the list covers every value: `*` included, or an exclusion of nothing.
    public var coversEverything: Bool {
        switch self {
        case .only(let p): p.contains("*")
        case .allExcept(let p): p.isEmpty
        }
    }
}
