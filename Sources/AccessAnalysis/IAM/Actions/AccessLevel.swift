/// The access level AWS's Service Authorization Reference gives an action.
public enum AccessLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case list = "List"
    case read = "Read"
    case write = "Write"
    case permissionsManagement = "Permissions management"
    case tagging = "Tagging"

    /// The one-letter code used in `iam-actions.json`.
    public var letter: Character {
        switch self {
        case .list: "L"
        case .read: "R"
        case .write: "W"
        case .permissionsManagement: "P"
        case .tagging: "T"
        }
    }

    /// The level a letter of `iam-actions.json` stands for.
    public init?(letter: Character) {
        guard let level = Self.allCases.first(where: { $0.letter == letter }) else { return nil }
        self = level
    }

    /// Whether actions of this level change resources or permissions (Write or Permissions management).
    public var isWriteOrPermissionsManagement: Bool { self == .write || self == .permissionsManagement }

    public static func < (a: AccessLevel, b: AccessLevel) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One IAM action with its access level, e.g. `s3:GetObject` (Read).
public struct ActionInfo: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The service prefix in lower case, e.g. `s3`.
    public var service: String
    /// The action name as AWS spells it, e.g. `GetObject`.
    public var name: String
    public var level: AccessLevel
    /// False when the action has no resource types (AWS "Service Authorization Reference": an empty "Resource types"
    /// column means the action does not support resource-level permissions, so a policy must name `"Resource": "*"`).
    public var supportsResourceLevelPermissions: Bool

    public init(service: String, name: String, level: AccessLevel, supportsResourceLevelPermissions: Bool = true) {
        self.service = service
        self.name = name
        self.level = level
        self.supportsResourceLevelPermissions = supportsResourceLevelPermissions
    }

    /// `service:Name`.
    public var fullName: String { "\(service):\(name)" }

    public var description: String { "\(fullName) (\(level.rawValue))" }

    public static func < (a: ActionInfo, b: ActionInfo) -> Bool {
        (a.service, a.name.lowercased()) < (b.service, b.name.lowercased())
    }
}
