import NetModel

/// Decides whether buckets are public, following the S3 User Guide's "The meaning of 'public'".
///
/// Policy statements are judged on the whole policy by `ResourcePolicyAnalysis` (a `Deny` of everything outside a
/// network or an organization makes an open `Allow` non-public); ACL grants to `AllUsers` or
/// `AuthenticatedUsers` are public unless ACLs are disabled (`BucketOwnerEnforced`).
/// Of the Block Public Access switches (account OR bucket), `RestrictPublicBuckets`
/// neutralises a public policy and `IgnorePublicAcls` public ACLs; `BlockPublicPolicy` and
/// `BlockPublicAcls` only reject new public settings and leave existing ones in effect.
public struct BucketPublicAccessAnalyzer: Sendable {
    public let actions: ActionDatabase

    public init(actions: ActionDatabase) {
        self.actions = actions
    }

    /// Assesses one bucket with its account's settings.
    public func assess(_ bucket: Bucket, account: AccountSettings?) -> BucketAccessAssessment {
        assess(bucket, accountBlock: account?.s3PublicAccessBlock)
    }

    /// Assesses one bucket given the account-level Block Public Access (nil when none).
    public func assess(_ bucket: Bucket, accountBlock: PublicAccessBlock?) -> BucketAccessAssessment {
        let bpa = EffectiveBlockPublicAccess(account: accountBlock, bucket: bucket.publicAccessBlock)
        var exposures: [PublicExposure] = []
        var policyIsPublic: Bool?
        var policyError: PolicyParseError?

        if let text = bucket.policy {
            do {
                let document = try PolicyDocument(parsing: text, source: "bucket \(bucket.id)")
                let publicStatements = ResourcePolicyAnalysis(document: document, ownerAccount: bucket.scope.account).publicStatements
                policyIsPublic = !publicStatements.isEmpty
                let neutraliser = bpa.setting(.restrictPublicBuckets)
                exposures += publicStatements.map { p in
                    PublicExposure(source: .policyStatement(p.statement),
                                   accessKinds: S3AccessKind.kinds(of: p.statement.actions, database: actions),
                                   neutralisedBy: neutraliser)
                }
            } catch {
                policyError = error
            }
        }

        let aclsDisabled = bucket.objectOwnership?.equalsIgnoringCase("BucketOwnerEnforced") ?? false
        if !aclsDisabled {
            let neutraliser = bpa.setting(.ignorePublicAcls)
            exposures += (bucket.grants ?? []).filter(Self.isPublicGrant).map { grant in
                PublicExposure(source: .aclGrant(grant), accessKinds: S3AccessKind.kinds(ofACLPermission: grant.permission),
                               neutralisedBy: neutraliser)
            }
        }

        var disagreement: PolicyStatusDisagreement?
        if let s3Says = bucket.policyStatusIsPublic, policyError == nil, s3Says != (policyIsPublic ?? false) {
            disagreement = PolicyStatusDisagreement(s3SaysPublic: s3Says, analysisSaysPublic: policyIsPublic ?? false)
        }
        return BucketAccessAssessment(bucket: bucket.id, exposures: exposures, blockPublicAccess: bpa,
                                      policyIsPublic: policyIsPublic, policyError: policyError,
                                      aclsDisabled: aclsDisabled, aclCaptured: bucket.grants != nil,
                                      policyStatusDisagreement: disagreement)
    }

    /// Whether an ACL grant goes to the `AllUsers` or `AuthenticatedUsers` group.
    public static func isPublicGrant(_ grant: ACLGrant) -> Bool {
        grant.grantee == ACLGrant.allUsersURI || grant.grantee == ACLGrant.authenticatedUsersURI
    }
}
