/// The `Principal` or `NotPrincipal` element of a statement.
public enum PrincipalClause: Sendable, Hashable, Codable {
    /// `Principal`: the statement applies to these principals.
    case principal(Principal)
    /// `NotPrincipal`: the statement applies to everyone except these principals.
    case notPrincipal(Principal)

    /// The principal value, whichever element held it.
    public var value: Principal {
        switch self {
        case .principal(let p), .notPrincipal(let p): p
        }
    }

    /// Whether the statement applies to everyone: `Principal: "*"`, `{"AWS": "*"}`,
    /// or a `NotPrincipal` (everyone but a few).
    public var coversEveryone: Bool {
        switch self {
        case .principal(let p): p.isEveryone
        case .notPrincipal: true
        }
    }
}

/// Who a statement names: everyone, or a list of typed identities.
public enum Principal: Sendable, Hashable, Codable {
    /// `"*"`: anyone, authenticated or anonymous.
    case anyone
    /// `{"AWS": [...], "Service": [...], ...}` flattened in document order.
    case identities([PrincipalIdentity])

    /// Whether the value means everyone: `"*"` or an `AWS` entry of `"*"`.
    public var isEveryone: Bool {
        switch self {
        case .anyone: true
        case .identities(let ids): ids.contains { $0.kind == .aws && $0.value == "*" }
        }
    }

    /// The identities named (empty for `.anyone`).
    public var identities: [PrincipalIdentity] {
        if case .identities(let ids) = self { return ids }
        return []
    }
}

/// One typed principal value, e.g. `AWS: arn:aws:iam::111122223333:root`.
public struct PrincipalIdentity: Sendable, Hashable, Codable {
    public var kind: PrincipalKind
    public var value: String

    public init(_ kind: PrincipalKind, _ value: String) {
        self.kind = kind
        self.value = value
    }
}

/// The principal types IAM accepts inside a `Principal` object.
public enum PrincipalKind: String, Sendable, Hashable, Codable, CaseIterable {
    case aws = "AWS"
    case service = "Service"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
}
