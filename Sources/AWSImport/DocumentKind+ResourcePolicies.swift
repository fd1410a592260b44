import JSON
/// Recognition of resource policy and sharing documents whose keys other services use too.
extension DocumentKind {
    /// The resource policy or sharing document `members` is, when its keys say so; nil otherwise.
    ///
    /// - SNS and SQS print `Attributes` as an object (ELBv2's is a list of `Key`/`Value`); the topic's names `TopicArn`.
    /// - KMS `get-key-policy` and Lambda `get-policy` print `Policy` like S3's `get-bucket-policy`: KMS adds
    ///   `PolicyName`, Lambda `RevisionId`, EFS `describe-file-system-policy` `FileSystemId`. A bare `Policy` in
    ///   `kms-get-key-policy/` or `lambda-get-policy/` is told apart by its folder (`Importer`).
    /// - KMS `list-grants` prints `Grants` like S3's `get-bucket-acl`: its items hold `GrantId`.
    /// - Secrets Manager `get-resource-policy` prints `ARN` and `Name` (and `ResourcePolicy` when there is one).
    /// - ECR `describe-repositories` prints `repositories` whose items hold `repositoryUri` (CodeCommit's do not).
    static func resourcePolicyKind(_ members: JSONObject) -> DocumentKind? {
        if case .object(let attributes)? = members["Attributes"] {
            return attributes["TopicArn"] != nil || attributes["SubscriptionsConfirmed"] != nil ? .snsTopicAttributes : .sqsQueueAttributes
        }
        if members["Policy"] != nil {
            if members["PolicyName"] != nil { return .kmsKeyPolicy }
            if members["RevisionId"] != nil { return .lambdaPolicy }
            if members["FileSystemId"] != nil { return .efsFileSystemPolicy }
        }
        if case .array(let grants)? = members["Grants"], case .object(let first)? = grants.first,
           first["GrantId"] != nil || first["GranteePrincipal"] != nil {
            return .kmsGrants
        }
        if members["ResourcePolicy"] != nil || (Set(members.keys) == ["ARN", "Name"] && isSecretARN(members["ARN"])) {
            return .secretPolicy
        }
        if case .array(let repositories)? = members["repositories"] {
            guard case .object(let first)? = repositories.first else { return .ecrRepositories }
            if first["repositoryUri"] != nil || first["registryId"] != nil { return .ecrRepositories }
        }
        return nil
    }

    private static func isSecretARN(_ value: JSONValue?) -> Bool {
        if case .string(let arn)? = value { return arn.contains(":secretsmanager:") }
        return false
    }
}
