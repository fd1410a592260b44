/// Who each `Allow` of a resource policy (bucket, queue, topic, key, function, secret, repository, domain)
/// lets in, judged on the whole policy.
///
/// IAM's evaluation logic ("Policy evaluation logic" in the IAM User Guide): an explicit `Deny` overrides any
/// `Allow`. A `Deny` to everyone that covers an `Allow`'s actions and resources
/// - without conditions cancels the `Allow` (a bucket policy that denies everything is not public);
/// - with one negated test of a restricting key (`StringNotEquals aws:PrincipalOrgID`, `NotIpAddress
///   aws:SourceIp`) lets the `Allow` through only for those values, as if the `Allow` pinned the key itself;
/// - with conditions that all hold for an anonymous caller outside AWS (`RequestContext.anonymousOutsider`:
///   `StringNotEquals aws:SourceVpce` and `StringNotEquals aws:PrincipalAccount` together, `Null
///   aws:PrincipalOrgID`) keeps the public out, and restricts the `Allow` to whoever fails those tests;
/// - with other conditions may or may not apply, and is kept as a conditional deny.
/// An open principal is then public unless a restricting key is pinned (`RestrictingConditionKey`); pinned
/// accounts and organizations make it external instead.
public struct ResourcePolicyAnalysis: Sendable {
    public let document: PolicyDocument
    /// The account that owns the resource: its own principals are neither public nor external.
    public let ownerAccount: String
    /// One entry per `Allow` statement that some `Deny` does not cancel, in document order.
    public let statements: [StatementAccess]

    public init(document: PolicyDocument, ownerAccount: String) {
        self.document = document
        self.ownerAccount = ownerAccount
        let denies = document.statements.filter { $0.effect == .deny && ($0.principal?.coversEveryone ?? true) }
        statements = document.statements.compactMap { s in
            s.effect == .allow ? StatementAccess(s, denies: denies, ownerAccount: ownerAccount) : nil
        }
    }

    /// The statements that let anyone in.
    public var publicStatements: [StatementAccess] { statements.filter(\.audience.isPublic) }

    /// The statements that let other accounts or organizations in, short of the public.
    public var externalStatements: [StatementAccess] { statements.filter(\.audience.isExternal) }
}

/// One `Allow` of a resource policy with who it lets in and what narrows it.
public struct StatementAccess: Sendable, Hashable, Codable {
    public var statement: Statement
    public var audience: Audience
    /// The pinned restricting conditions, from the statement itself or from a `Deny` that refuses all other values.
    public var restrictions: [Restriction]
    /// `Deny` statements covering this one that apply only under conditions not judged here.
    public var conditionalDenies: [Statement]

    /// A restricting condition and the statement it is written in.
    public struct Restriction: Sendable, Hashable, Codable {
        public var key: RestrictingConditionKey
        public var condition: Condition
        /// The label of the statement holding the condition (`"DenyOutsideOrg"`, `statement 2`).
        public var statement: String
        /// Whether the condition sits in a `Deny` (a negated test) rather than in the `Allow`.
        public var fromDeny: Bool
    }

    init?(_ s: Statement, denies: [Statement], ownerAccount: String) {
        var restrictions = s.conditions.compactMap { c -> Restriction? in
            guard let key = RestrictingConditionKey(key: c.key), key.isPinned(by: c) else { return nil }
            return Restriction(key: key, condition: c, statement: s.label, fromDeny: false)
        }
        var conditional: [Statement] = []
        for d in denies where d.actions.coversActions(of: s.actions) && PatternList.coversResources(d.resources, of: s.resources) {
            if d.conditions.isEmpty { return nil }
            if d.conditions.count == 1, let c = d.conditions.first, let key = RestrictingConditionKey(key: c.key), key.isPinnedByDeny(c) {
                restrictions.append(Restriction(key: key, condition: c, statement: d.label, fromDeny: true))
                continue
            }
            // A Deny whose every condition holds for an anonymous caller outside AWS keeps that caller out; who
            // still gets in is whoever fails one of its tests of a restricting key.
            let keyed = d.conditions.compactMap { c in
                RestrictingConditionKey(key: c.key).map { Restriction(key: $0, condition: c, statement: d.label, fromDeny: true) }
            }
            if !keyed.isEmpty, d.conditions(in: .anonymousOutsider) == .holds {
                restrictions += keyed
            } else {
                conditional.append(d)
            }
        }
        statement = s
        self.restrictions = restrictions
        conditionalDenies = conditional
        audience = Self.audience(of: s.principal, restrictions: restrictions, ownerAccount: ownerAccount)
    }

    /// The audience of a principal element under pinned restrictions.
    static func audience(of clause: PrincipalClause?, restrictions: [Restriction], ownerAccount: String) -> Audience {
        var audience = Audience()
        guard let clause, !clause.isOpen else {
            guard !restrictions.isEmpty else { return Audience(isPublic: true) }
            let accounts = restrictions.filter { $0.key.limits == .account }.flatMap(\.condition.values)
                + restrictions.filter { $0.key.limits == .arn }.flatMap { $0.condition.values.compactMap(Self.account(ofARN:)) }
            if !accounts.isEmpty {
                audience.otherAccounts = Set(accounts).subtracting([ownerAccount]).sorted()
            } else if let org = restrictions.first(where: { $0.key.limits == .organization }) {
                audience.organizations = org.condition.values.sorted()
            } else {
                audience.restrictedBy = Set(restrictions.map(\.key.rawValue)).sorted()
            }
            return audience
        }
        var accounts = Set<String>()
        for identity in clause.value.identities {
            switch Trustee(identity) {
            case .anyone: return Audience(isPublic: true)
            case .account(let id), .awsPrincipal(_, let id?): accounts.insert(id)
            case .awsPrincipal(let arn, nil): accounts.insert(arn)
            case .service(let name): audience.services.append(name)
            case .canonicalUser(let id): accounts.insert("canonical user \(id)")
            case .federated: return Audience(isPublic: true)
            }
        }
        audience.otherAccounts = accounts.subtracting([ownerAccount]).sorted()
        audience.services.sort()
        return audience
    }

    /// The account field of an ARN, when it is a fixed account ID.
    public static func account(ofARN arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[4].count == 12, parts[4].allSatisfy(\.isNumber) else { return nil }
        return String(parts[4])
    }
}
