/// What the conditions of a trust statement leave of its trustee: the organization or accounts an open
/// principal is pinned to, the external ID a third party must present, the subject a web identity must carry.
extension TrustGrant {
    /// For `anyone`: who the pinned restricting conditions (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, …)
    /// leave — public when none pins anything. For other trustees: not public.
    public var openAudience: Audience {
        guard trustee == .anyone else { return Audience() }
        let restrictions = statement.conditions.compactMap { c -> StatementAccess.Restriction? in
            guard let key = RestrictingConditionKey(key: c.key), key.isPinned(by: c) else { return nil }
            return StatementAccess.Restriction(key: key, condition: c, statement: statement.label, fromDeny: false)
        }
        return StatementAccess.audience(of: .principal(.anyone), restrictions: restrictions, ownerAccount: roleAccount)
    }

    /// The fixed `sts:ExternalId` values the statement requires: the documented way to let a third party
    /// assume a role (IAM User Guide, "Access to AWS accounts owned by third parties").
    public var externalIds: [String] {
        statement.conditions.filter { $0.matchesKey("sts:ExternalId") && Self.pins($0) }.flatMap(\.values)
    }

    /// For an OIDC provider: the condition key naming the token's subject (`token.actions.githubusercontent.com:sub`;
    /// `cognito-identity.amazonaws.com:aud` for Cognito identity pools). Nil for other trustees.
    public var subjectKey: String? {
        guard case .federated(let provider) = trustee, !provider.contains(":saml-provider/") else { return nil }
        let host = provider.components(separatedBy: ":oidc-provider/").last ?? provider
        return host == "cognito-identity.amazonaws.com" ? "\(host):aud" : "\(host):sub"
    }

    /// Whether the statement pins the OIDC subject to something narrower than every subject of the provider
    /// (IAM User Guide, "Configuring a role for GitHub OIDC identity provider": without a `sub` condition any
    /// repository's workflow can assume the role). `*` and `repo:*` pin nothing.
    public var pinsSubject: Bool {
        guard let key = subjectKey else { return false }
        return statement.conditions.contains { c in
            c.matchesKey(key) && Self.pins(c) && c.values.allSatisfy { v in
                v != "*" && !(v.hasSuffix(":*") && !v.dropLast(2).contains(where: { $0 == ":" || $0 == "/" }))
            }
        }
    }

    /// Whether a condition admits only the values it lists (an equality or `Like` test, not `IfExists`).
    static func pins(_ c: Condition) -> Bool {
        !c.op.ifExists && c.op.setQualifier != .forAllValues && !c.values.isEmpty
            && ["StringEquals", "StringEqualsIgnoreCase", "StringLike"].contains(where: c.op.isBase)
    }
}
