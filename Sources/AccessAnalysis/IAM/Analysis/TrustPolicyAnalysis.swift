import NetModel

/// Who may assume a role according to its trust policy.
public enum TrustPolicyAnalysis {
    /// The trustees of a role from the model, compared with the role's own account.
    ///
    /// Returns an empty list when the role has no trust policy (or is not a role).
    /// - Throws: `PolicyParseError` when the trust policy does not parse.
    public static func trustees(of role: IAMPrincipal) throws(PolicyParseError) -> [TrustGrant] {
        guard let text = role.trustPolicy else { return [] }
        let document = try PolicyDocument(parsing: text, source: "role \(role.name) trust policy")
        return trustees(of: document, roleAccount: role.scope.account)
    }

    /// The STS actions that assume a role.
    public static let assumeActions = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"]

    /// Every principal an `Allow` statement lets assume the role, one entry per principal.
    ///
    /// - Parameter roleAccount: the role's own account ID, to tell other accounts apart.
    /// A principal is left out when an unconditional `Deny` of the same assume action names it
    /// (or everyone); a conditional `Deny` makes its entry conditional.
    public static func trustees(of document: PolicyDocument, roleAccount: String) -> [TrustGrant] {
        var out: [TrustGrant] = []
        for statement in document.statements where statement.effect == .allow {
            let actions = assumeActions.filter { statement.actions.coversAction($0) }
            guard !actions.isEmpty, let clause = statement.principal else { continue }
            let trustees: [Trustee]
            switch clause {
            case .notPrincipal: trustees = [.anyone]
            case .principal(let p) where p.isEveryone: trustees = [.anyone]
            case .principal(let p): trustees = p.identities.map(Trustee.init)
            }
            for trustee in trustees {
                let denies = document.statements.filter { deny in
                    deny.effect == .deny && actions.contains { deny.actions.coversAction($0) } && deny.names(trustee)
                }
                guard !denies.contains(where: { !$0.isConditional }) else { continue }
                out.append(TrustGrant(trustee: trustee, roleAccount: roleAccount, actions: actions,
                                      statement: statement, conditionalDenies: denies))
            }
        }
        return out
    }
}

/// One principal allowed to assume a role.
public struct TrustGrant: Sendable, Hashable, Codable {
    public var trustee: Trustee
    /// The role's own account.
    public var roleAccount: String
    /// Whether the trustee lies outside the role's account (`anyone` always does).
    public var isOtherAccount: Bool
    /// The assume actions allowed, e.g. `sts:AssumeRole`.
    public var actions: [String]
    /// The `Allow` statement that grants it.
    public var statement: Statement
    /// `Deny` statements that may revoke it when their conditions hold.
    public var conditionalDenies: [Statement]

    init(trustee: Trustee, roleAccount: String, actions: [String], statement: Statement, conditionalDenies: [Statement]) {
        self.trustee = trustee
        self.roleAccount = roleAccount
        switch trustee {
        case .anyone: isOtherAccount = true
        case .account(let id), .awsPrincipal(_, let id?): isOtherAccount = id != roleAccount
        case .awsPrincipal(_, nil): isOtherAccount = true
        case .service, .federated, .canonicalUser: isOtherAccount = false
        }
        self.actions = actions
        self.statement = statement
        self.conditionalDenies = conditionalDenies
    }

    /// The conditions restricting the grant (those of the granting statement).
    public var conditions: [Condition] { statement.conditions }

    /// Whether conditions restrict the grant (on the statement or through a conditional `Deny`).
    public var isConditional: Bool { statement.isConditional || !conditionalDenies.isEmpty }
}

/// Who a trust statement lets in.
public enum Trustee: Sendable, Hashable, Codable {
    /// `Principal: "*"`, `{"AWS": "*"}` or a `NotPrincipal`: any AWS identity.
    case anyone
    /// A whole account: `123456789012` or `arn:aws:iam::123456789012:root`.
    case account(String)
    /// A user, role or session ARN; `account` is parsed from the ARN when possible.
    case awsPrincipal(arn: String, account: String?)
    /// An AWS service such as `ec2.amazonaws.com`.
    case service(String)
    /// A SAML or OIDC provider (web identity federation).
    case federated(String)
    case canonicalUser(String)

    /// Classifies one `Principal` value.
    public init(_ identity: PrincipalIdentity) {
        switch identity.kind {
        case .service: self = .service(identity.value)
        case .federated: self = .federated(identity.value)
        case .canonicalUser: self = .canonicalUser(identity.value)
        case .aws:
            let value = identity.value
            if value == "*" { self = .anyone; return }
            if value.count == 12, value.allSatisfy(\.isNumber) { self = .account(value); return }
            let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            let account = parts.count == 6 && !parts[4].isEmpty ? String(parts[4]) : nil
            if let account, Wildcard.hasWildcard(account) { self = .anyone; return }
            if let account, parts[5] == "root" { self = .account(account); return }
            self = .awsPrincipal(arn: value, account: account)
        }
    }
}

extension Statement {
    /// Whether a `Deny` statement's principal element covers the trustee.
    func names(_ trustee: Trustee) -> Bool {
        guard let clause = principal else { return true }
        switch clause {
        case .notPrincipal(let p): return !p.identities.contains { Trustee($0) == trustee }
        case .principal(let p): return p.isEveryone || p.identities.contains { Trustee($0) == trustee }
        }
    }
}
