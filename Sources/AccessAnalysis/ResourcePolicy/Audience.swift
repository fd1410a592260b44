/// Who outside the resource's own account one resource policy statement lets in, after its conditions
/// and the `Deny` statements that narrow it.
///
/// The terms follow the IAM Access Analyzer User Guide ("Identifying resources shared with an external
/// entity"): *public* is anyone, anonymous or from any account; *external* is named other accounts,
/// organizations and federated identities. Service principals and the owner's own account are neither.
public struct Audience: Sendable, Hashable, Codable {
    /// Anyone at all: an open principal no restricting condition narrows.
    public var isPublic: Bool
    /// Organizations (or organization paths) an open principal is limited to.
    public var organizations: [String]
    /// Accounts other than the owner's, sorted.
    public var otherAccounts: [String]
    /// SAML or OIDC providers whose identities may act (web identity federation).
    public var federated: [String]
    /// AWS service principals (`sns.amazonaws.com`).
    public var services: [String]
    /// Restricting keys that narrow an open principal to something other than accounts or organizations
    /// (`aws:SourceVpce`, `aws:SourceIp`): not public, and no account to name.
    public var restrictedBy: [String]

    public init(isPublic: Bool = false, organizations: [String] = [], otherAccounts: [String] = [], federated: [String] = [],
                services: [String] = [], restrictedBy: [String] = []) {
        self.isPublic = isPublic
        self.organizations = organizations
        self.otherAccounts = otherAccounts
        self.federated = federated
        self.services = services
        self.restrictedBy = restrictedBy
    }

    /// Whether identities outside the owner's account, short of the public, may act.
    public var isExternal: Bool { !isPublic && (!organizations.isEmpty || !otherAccounts.isEmpty || !federated.isEmpty) }

    /// Whether the statement lets nobody outside the owner's account (and AWS services) in.
    public var isInternal: Bool { !isPublic && !isExternal }

    /// One phrase: `anyone`, `accounts 444455556666, 777788889999`, `organization o-a1b2c3`.
    public var summary: String {
        if isPublic { return "anyone" }
        var parts: [String] = []
        if !otherAccounts.isEmpty { parts.append("account\(otherAccounts.count > 1 ? "s" : "") \(otherAccounts.joined(separator: ", "))") }
        if !organizations.isEmpty { parts.append("organization\(organizations.count > 1 ? "s" : "") \(organizations.joined(separator: ", "))") }
        if !federated.isEmpty { parts.append("identities of \(federated.joined(separator: ", "))") }
        if parts.isEmpty, !restrictedBy.isEmpty { parts.append("callers matching \(restrictedBy.joined(separator: ", "))") }
        if parts.isEmpty, !services.isEmpty { parts.append(services.joined(separator: ", ")) }
        return parts.isEmpty ? "the owner's account" : parts.joined(separator: "; ")
    }
}
