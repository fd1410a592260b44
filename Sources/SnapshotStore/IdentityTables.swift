import NetModel

/// Tables for IAM, S3 and account settings.
enum IdentityTables {
    static let all: [AnyResourceTable] = [
        principals("iam_users", .user),
        principals("iam_groups", .group),
        principals("iam_roles", .role),
        AnyResourceTable(ResourceTable<ManagedPolicy>("iam_policies", \.managedPolicies, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("aws_managed", "INTEGER") { $0.isAWSManaged },
            Column("attachment_count", "INTEGER") { $0.attachmentCount },
            Column("document") { $0.document },
        ])),
        AnyResourceTable(ResourceTable<Bucket>("buckets", \.buckets, scope: \.scope, columns: [
            Column("policy") { $0.policy },
            Column("policy_status_is_public", "INTEGER") { $0.policyStatusIsPublic },
            Column("object_ownership") { $0.objectOwnership },
            Column("block_public_acls", "INTEGER") { $0.publicAccessBlock?.blockPublicAcls },
            Column("ignore_public_acls", "INTEGER") { $0.publicAccessBlock?.ignorePublicAcls },
            Column("block_public_policy", "INTEGER") { $0.publicAccessBlock?.blockPublicPolicy },
            Column("restrict_public_buckets", "INTEGER") { $0.publicAccessBlock?.restrictPublicBuckets },
        ], children: [
            ChildTable("bucket_grants", columns: [
                Column("bucket") { $0.0.id },
                Column("grantee_type") { $0.1.granteeType },
                Column("grantee") { $0.1.grantee },
                Column("permission") { $0.1.permission },
            ], rows: { $0.grants ?? [] }),
        ])),
        AnyResourceTable(ResourceTable<AccountSettings>("accounts", \.accounts, scope: \.scope, columns: [
            Column("s3_block_public_acls", "INTEGER") { $0.s3PublicAccessBlock?.blockPublicAcls },
            Column("s3_ignore_public_acls", "INTEGER") { $0.s3PublicAccessBlock?.ignorePublicAcls },
            Column("s3_block_public_policy", "INTEGER") { $0.s3PublicAccessBlock?.blockPublicPolicy },
            Column("s3_restrict_public_buckets", "INTEGER") { $0.s3PublicAccessBlock?.restrictPublicBuckets },
        ])),
    ]

    private static func principals(_ name: String, _ kind: IAMPrincipalKind) -> AnyResourceTable {
        AnyResourceTable(ResourceTable<IAMPrincipal>(name, \.iamPrincipals, scope: \.scope, include: { $0.kind == kind }, columns: [
            Column("name") { $0.name },
            Column("path") { $0.path },
            Column("attached_policy_arns") { joined($0.attachedPolicyArns) },
            Column("inline_policy_names") { joined($0.inlinePolicies.map(\.name)) },
            Column("trust_policy") { $0.trustPolicy },
        ], children: [
            ChildTable("\(name)_inline_policies", columns: [
                Column("principal_arn") { $0.0.id },
                Column("policy_name") { $0.1.name },
                Column("document") { $0.1.document },
            ], rows: \.inlinePolicies),
        ]))
    }
}

extension AccountSettings {
    /// Accounts are their own scope: the account ID, region `global`.
    var scope: ResourceScope { ResourceScope(account: id, region: ResourceScope.globalRegion) }
}
