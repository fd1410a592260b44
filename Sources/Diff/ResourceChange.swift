/// Whether a resource appeared, disappeared or changed between two snapshots.
public enum ChangeType: String, Sendable, Hashable, Codable, CaseIterable {
    case added
    case removed
    case modified
}

/// One resource's configuration changes, as readable lines.
public struct ResourceChange: Sendable, Hashable, Codable {
    /// The resource's ID or ARN.
    public var resource: String
    /// `security-group`, `network-acl`, `route-table`, `db-instance`, `iam-role`, ...
    public var kind: String
    /// The display name (Name tag, group name, ...), the ID when there is none.
    public var name: String
    /// Created, deleted or modified.
    public var change: ChangeType
    /// What changed, one line each: `ingress rule added: tcp/3306 from 0.0.0.0/0`, `PubliclyAccessible: false → true`.
    public var details: [String]

    /// A change from its parts.
    public init(resource: String, kind: String, name: String, change: ChangeType, details: [String]) {
        self.resource = resource
        self.kind = kind
        self.name = name
        self.change = change
        self.details = details
    }

    /// `sg-123 (demo-app-db-sg)` or the ID alone when the name is the ID.
    public var label: String { name == resource || name.isEmpty ? resource : "\(resource) (\(name))" }

    /// The one-line summary for a created or deleted resource: `security-group created`.
    public var summary: String {
        switch change {
        case .added: "\(kind) created"
        case .removed: "\(kind) deleted"
        case .modified: "\(kind) modified"
        }
    }
}
