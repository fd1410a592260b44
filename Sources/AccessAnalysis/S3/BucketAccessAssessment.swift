import NetModel

/// Whether, and how, a bucket is public under S3's definition.
public struct BucketAccessAssessment: Sendable, Hashable, Codable {
    /// The bucket name.
    public var bucket: String
    /// Every public grant found, including those Block Public Access neutralises.
    public var exposures: [PublicExposure]
    /// The Block Public Access in force.
    public var blockPublicAccess: EffectiveBlockPublicAccess
    /// Whether the policy alone is public (any public statement), before Block Public Access;
    /// nil when the bucket has no policy or it could not be read.
    public var policyIsPublic: Bool?
    /// Why the bucket policy could not be read, if it could not.
    public var policyError: PolicyParseError?
    /// Whether ACLs are disabled (`BucketOwnerEnforced`), so ACL grants do not count.
    public var aclsDisabled: Bool
    /// Whether the ACL was captured (`Bucket.grants` not nil).
    public var aclCaptured: Bool
    /// Set when S3's own `GetBucketPolicyStatus` verdict differs from `policyIsPublic`.
    public var policyStatusDisagreement: PolicyStatusDisagreement?

    /// Whether anyone can reach the bucket now: some exposure is not neutralised.
    public var isPublic: Bool { exposures.contains { !$0.isNeutralised } }

    /// The access kinds open to the public now (union over exposures not neutralised).
    public var publicAccessKinds: [S3AccessKind] {
        Set(exposures.filter { !$0.isNeutralised }.flatMap(\.accessKinds)).sorted()
    }

    public init(bucket: String, exposures: [PublicExposure], blockPublicAccess: EffectiveBlockPublicAccess,
                policyIsPublic: Bool?, policyError: PolicyParseError?, aclsDisabled: Bool, aclCaptured: Bool,
                policyStatusDisagreement: PolicyStatusDisagreement?) {
        self.bucket = bucket
        self.exposures = exposures
        self.blockPublicAccess = blockPublicAccess
        self.policyIsPublic = policyIsPublic
        self.policyError = policyError
        self.aclsDisabled = aclsDisabled
        self.aclCaptured = aclCaptured
        self.policyStatusDisagreement = policyStatusDisagreement
    }
}

/// One way a bucket is public: a policy statement or an ACL grant.
public struct PublicExposure: Sendable, Hashable, Codable {
    public var source: ExposureSource
    /// What the grant lets the public do, sorted.
    public var accessKinds: [S3AccessKind]
    /// The switch that neutralises it (`RestrictPublicBuckets` for policies, `IgnorePublicAcls`
    /// for ACLs) with its levels; nil when the grant is in effect.
    public var neutralisedBy: BlockPublicAccessSetting?

    public init(source: ExposureSource, accessKinds: [S3AccessKind], neutralisedBy: BlockPublicAccessSetting?) {
        self.source = source
        self.accessKinds = accessKinds
        self.neutralisedBy = neutralisedBy
    }

    /// Whether Block Public Access takes the grant away.
    public var isNeutralised: Bool { neutralisedBy != nil }

    /// Whether the grant gives full control: ACL `FULL_CONTROL`, or every S3 action (`s3:*`, `*`).
    public var isFullControl: Bool {
        switch source {
        case .aclGrant(let grant): grant.permission.uppercased() == "FULL_CONTROL"
        case .policyStatement(let s): s.actions.coversAction("s3:*") && !s.actions.isNegated
        }
    }
}

/// Where a public grant comes from.
public enum ExposureSource: Sendable, Hashable, Codable {
    /// A bucket policy statement (its `index` and `sid` identify it).
    case policyStatement(Statement)
    /// An ACL grant to `AllUsers` or `AuthenticatedUsers`.
    case aclGrant(ACLGrant)
}

/// S3's `GetBucketPolicyStatus` and this analysis disagree about the policy.
public struct PolicyStatusDisagreement: Sendable, Hashable, Codable {
    /// S3's `IsPublic`.
    public var s3SaysPublic: Bool
    /// This analysis's verdict on the policy (false when the bucket has no policy).
    public var analysisSaysPublic: Bool

    public init(s3SaysPublic: Bool, analysisSaysPublic: Bool) {
        self.s3SaysPublic = s3SaysPublic
        self.analysisSaysPublic = analysisSaysPublic
    }
}
