/// Decides whether a set of identity policies allows an action on a resource.
///
/// IAM's logic for one principal's policies (inline, attached managed and group policies):
/// an explicit `Deny` overrides any `Allow`, and without an `Allow` the request is denied
/// by default. Without a request context, a statement with a `Condition` block is reported as
/// applying *under conditions*, never treated as unconditional and never dropped; with one, its
/// conditions are judged there (`Condition.evaluate(in:)`). Principal elements are ignored (identity
/// policies have none).
public struct PolicyEvaluator: Sendable {
    public let policies: [PolicySource]
    /// Every statement of every policy, with its policy name, in policy order.
    public let statements: [StatementRef]

    public init(policies: [PolicySource]) {
        self.policies = policies
        self.statements = policies.flatMap { p in p.document.statements.map { StatementRef(policy: p.name, statement: $0) } }
    }

    /// Evaluates one action on one resource (use `*` to mean "every resource"). With a request `context`,
    /// statements whose conditions fail in it do not apply and those whose conditions hold apply unconditionally;
    /// without one (or where the context does not know a key) conditional statements apply *under conditions*.
    public func evaluate(action: String, resource: String, context: RequestContext? = nil) -> EvaluationResult {
        var allows: [StatementRef] = [], denies: [StatementRef] = []
        for var ref in statements where ref.statement.applies(toAction: action, resource: resource) {
            if let context, ref.statement.isConditional {
                switch ref.statement.conditions(in: context) {
                case .fails: continue
                case .holds: ref.conditionsHold = true
                case .unknown: break
                }
            }
            switch ref.statement.effect {
            case .allow: allows.append(ref)
            case .deny: denies.append(ref)
            }
        }
        return EvaluationResult(action: action, resource: resource, allowingStatements: allows, denyingStatements: denies)
    }
}

/// The outcome of evaluating one action on one resource, with the statements that decided it.
public struct EvaluationResult: Sendable, Hashable, Codable {
    public var action: String
    public var resource: String
    /// Matching `Allow` statements (conditional or not).
    public var allowingStatements: [StatementRef]
    /// Matching `Deny` statements (conditional or not).
    public var denyingStatements: [StatementRef]

    public init(action: String, resource: String, allowingStatements: [StatementRef], denyingStatements: [StatementRef]) {
        self.action = action
        self.resource = resource
        self.allowingStatements = allowingStatements
        self.denyingStatements = denyingStatements
    }

    /// The decision following IAM's evaluation order.
    public var decision: Decision {
        if denyingStatements.contains(where: { !$0.isConditional }) { return .denied }
        guard !allowingStatements.isEmpty else { return .implicitlyDenied }
        let unconditionalAllow = allowingStatements.contains { !$0.isConditional }
        return unconditionalAllow && denyingStatements.isEmpty ? .allowed : .allowedUnderConditions
    }

    /// The statements that decided: unconditional denies for `.denied`, the allows (and any
    /// conditional denies that may override them) for `.allowedUnderConditions`, the allows for
    /// `.allowed`, and none for `.implicitlyDenied`.
    public var decidingStatements: [StatementRef] {
        switch decision {
        case .denied: denyingStatements.filter { !$0.isConditional }
        case .allowed: allowingStatements
        case .allowedUnderConditions: allowingStatements + denyingStatements
        case .implicitlyDenied: []
        }
    }

    /// Whether the action may be allowed at all (`.allowed` or `.allowedUnderConditions`).
    public var mayBeAllowed: Bool { decision == .allowed || decision == .allowedUnderConditions }
}

/// IAM's answer for one request.
public enum Decision: String, Sendable, Hashable, Codable {
    /// An unconditional `Allow` applies and no `Deny` applies.
    case allowed
    /// An `Allow` applies but only under conditions, or a conditional `Deny` may override it.
    case allowedUnderConditions
    /// An unconditional `Deny` applies.
    case denied
    /// No `Allow` applies (default deny).
    case implicitlyDenied
}
