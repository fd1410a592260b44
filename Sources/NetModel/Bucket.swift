/// An S3 bucket with everything that decides whether it is public.
public struct Bucket: Sendable, Hashable, Codable, Identifiable {
    /// The bucket name.
    public var id: String
    public var scope: ResourceScope
    /// The bucket policy (JSON text), nil when none is set or it was not captured.
    public var policy: String?
    /// S3's own verdict from `GetBucketPolicyStatus`, when captured.
    public var policyStatusIsPublic: Bool?
    public var ownerId: String?
    /// ACL grants; nil when the ACL was not captured.
    public var grants: [ACLGrant]?
    /// The bucket-level Block Public Access settings, nil when none are set or not captured.
    public var publicAccessBlock: PublicAccessBlock?
    /// `BucketOwnerEnforced`, `BucketOwnerPreferred` or `ObjectWriter`.
    public var objectOwnership: String?

    public init(id: String, scope: ResourceScope, policy: String? = nil, policyStatusIsPublic: Bool? = nil,
                ownerId: String? = nil, grants: [ACLGrant]? = nil, publicAccessBlock: PublicAccessBlock? = nil,
                objectOwnership: String? = nil) {
        self.id = id
        self.scope = scope
        self.policy = policy
        self.policyStatusIsPublic = policyStatusIsPublic
        self.ownerId = ownerId
        self.grants = grants
        self.publicAccessBlock = publicAccessBlock
        self.objectOwnership = objectOwnership
    }
}

/// One ACL grant.
public struct ACLGrant: Sendable, Hashable, Codable {
    /// `CanonicalUser`, `Group` or `AmazonCustomerByEmail`.
    public var granteeType: String
    /// Canonical user ID, group URI or email address.
    public var grantee: String
    /// `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP` or `FULL_CONTROL`.
    public var permission: String

    public init(granteeType: String, grantee: String, permission: String) {
        self.granteeType = granteeType
        self.grantee = grantee
        self.permission = permission
    }

    /// Group URIs that make a grant public.
    public static let allUsersURI = "http://acs.amazonaws.com/groups/global/AllUsers"
    public static let authenticatedUsersURI = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
}

/// The four Block Public Access switches (bucket or account level).
public struct PublicAccessBlock: Sendable, Hashable, Codable {
    public var blockPublicAcls: Bool
    public var ignorePublicAcls: Bool
    public var blockPublicPolicy: Bool
    public var restrictPublicBuckets: Bool

    public init(blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool, restrictPublicBuckets: Bool) {
        self.blockPublicAcls = blockPublicAcls
        self.ignorePublicAcls = ignorePublicAcls
        self.blockPublicPolicy = blockPublicPolicy
        self.restrictPublicBuckets = restrictPublicBuckets
    }

    /// Every switch off (what an absent configuration means).
    public static let off = PublicAccessBlock(blockPublicAcls: false, ignorePublicAcls: false,
                                              blockPublicPolicy: false, restrictPublicBuckets: false)

    /// The effective setting of two levels: a switch is on when either level turns it on.
    public func combined(with other: PublicAccessBlock?) -> PublicAccessBlock {
        guard let other else { return self }
        return PublicAccessBlock(blockPublicAcls: blockPublicAcls || other.blockPublicAcls,
                                 ignorePublicAcls: ignorePublicAcls || other.ignorePublicAcls,
                                 blockPublicPolicy: blockPublicPolicy || other.blockPublicPolicy,
                                 restrictPublicBuckets: restrictPublicBuckets || other.restrictPublicBuckets)
    }
}

/// Account-wide settings captured with a snapshot (S3 account-level Block Public Access).
public struct AccountSettings: Sendable, Hashable, Codable, Identifiable {
    /// The account ID.
    public var id: String
    public var s3PublicAccessBlock: PublicAccessBlock?

    public init(id: String, s3PublicAccessBlock: PublicAccessBlock? = nil) {
        self.id = id
        self.s3PublicAccessBlock = s3PublicAccessBlock
    }
}
