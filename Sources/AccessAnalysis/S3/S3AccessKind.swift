/// What a public grant lets anyone do to a bucket or its objects.
public enum S3AccessKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// List objects (`s3:ListBucket`, ACL `READ` on a bucket).
    case list
    /// Read objects or bucket configuration (`s3:GetObject`, `s3:GetBucketLocation`, ...).
    case read
    /// Create, overwrite or delete objects (`s3:PutObject`, `s3:DeleteObject`, ACL `WRITE`).
    case write
    /// Read ACLs (`s3:GetBucketAcl`, `s3:GetObjectAcl`, ACL `READ_ACP`).
    case readACP
    /// Change ACLs (`s3:PutBucketAcl`, `s3:PutObjectAcl`, ACL `WRITE_ACP`).
    case writeACP
    /// Change other permissions (`s3:PutBucketPolicy`, `s3:PutBucketPublicAccessBlock`, ...).
    case permissionsManagement
    /// Change tags.
    case tagging

    public static func < (a: S3AccessKind, b: S3AccessKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The kind of one S3 action, from its access level in the action database.
    public init(_ action: ActionInfo) {
        let isACL = action.name.lowercased().contains("acl")
        switch action.level {
        case .list: self = .list
        case .read: self = isACL ? .readACP : .read
        case .write: self = .write
        case .permissionsManagement: self = isACL ? .writeACP : .permissionsManagement
        case .tagging: self = .tagging
        }
    }

    /// The kinds a bucket ACL permission grants (`FULL_CONTROL` grants the four ACL kinds).
    public static func kinds(ofACLPermission permission: String) -> [S3AccessKind] {
        switch permission.uppercased() {
        case "READ": [.list]
        case "WRITE": [.write]
        case "READ_ACP": [.readACP]
        case "WRITE_ACP": [.writeACP]
        case "FULL_CONTROL": [.list, .write, .readACP, .writeACP]
        default: []
        }
    }

    /// The kinds the S3 actions of an `Action`/`NotAction` list grant.
    ///
    /// Known actions are classified by access level; a named S3 action missing from the
    /// database is classified by its verb (`Get` read, `List` list, anything else write).
    public static func kinds(of actions: PatternList, database: ActionDatabase) -> [S3AccessKind] {
        var kinds = Set(database.expand(actions).filter { $0.service == "s3" }.map(S3AccessKind.init))
        if case .only(let patterns) = actions {
            for pattern in patterns where pattern.lowercased().hasPrefix("s3:") && !Wildcard.hasWildcard(pattern)
                && database.action(pattern) == nil {
                let name = pattern.dropFirst(3).lowercased()
                kinds.insert(name.hasPrefix("get") ? .read : name.hasPrefix("list") ? .list : .write)
            }
        }
        return kinds.sorted()
    }
}
