/// A resource whose own policy decides who outside its account may use it: an SNS topic, SQS queue, KMS key,
/// Lambda function, Secrets Manager secret, ECR repository or EFS file system.
public struct PolicyResource: Sendable, Hashable, Codable, Identifiable {
    /// The resource's ARN (its name when the input gave no ARN).
    public var id: String
    public var kind: Kind
    public var scope: ResourceScope
    /// The short name: topic or queue name, key ID, function name, secret name, repository name, file system ID.
    public var name: String
    /// The resource policy as JSON text; nil when the resource has none.
    public var policy: String?
    /// KMS keys only: the key's grants (`kms list-grants`).
    public var grants: [KMSGrant]
    /// KMS keys only: `AWS` for AWS managed keys, `CUSTOMER` for customer managed ones (`KeyMetadata.KeyManager`).
    public var keyManager: String?

    public init(id: String, kind: Kind, scope: ResourceScope, name: String, policy: String? = nil,
                grants: [KMSGrant] = [], keyManager: String? = nil) {
        self.id = id
        self.kind = kind
        self.scope = scope
        self.name = name
        self.policy = policy
        self.grants = grants
        self.keyManager = keyManager
    }

    /// The closed set of resource types that carry a resource policy (besides S3 buckets and OpenSearch domains).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case snsTopic, sqsQueue, kmsKey, lambdaFunction, secret, ecrRepository, efsFileSystem

        /// How findings and reports name the kind (`sqs-queue`).
        public var label: String {
            switch self {
            case .snsTopic: "sns-topic"
            case .sqsQueue: "sqs-queue"
            case .kmsKey: "kms-key"
            case .lambdaFunction: "lambda-function"
            case .secret: "secret"
            case .ecrRepository: "ecr-repository"
            case .efsFileSystem: "efs-file-system"
            }
        }

        /// The IAM service prefix of the kind's actions (`sqs`, `elasticfilesystem`).
        public var servicePrefix: String {
            switch self {
            case .snsTopic: "sns"
            case .sqsQueue: "sqs"
            case .kmsKey: "kms"
            case .lambdaFunction: "lambda"
            case .secret: "secretsmanager"
            case .ecrRepository: "ecr"
            case .efsFileSystem: "elasticfilesystem"
            }
        }
    }
}

/// One grant on a KMS key: who may use the key for which operations, beside its key policy.
public struct KMSGrant: Sendable, Hashable, Codable {
    public var grantId: String
    /// The principal the grant gives the operations to (an account root, role, user or service principal ARN).
    public var grantee: String
    /// `Decrypt`, `Encrypt`, `GenerateDataKey`, `CreateGrant`, ...
    public var operations: [String]
    /// The account that created the grant.
    public var issuingAccount: String?

    public init(grantId: String, grantee: String, operations: [String], issuingAccount: String? = nil) {
        self.grantId = grantId
        self.grantee = grantee
        self.operations = operations
        self.issuingAccount = issuingAccount
    }
}

/// A snapshot or machine image whose restore or launch permission may be shared beyond its account.
public struct SharedArtifact: Sendable, Hashable, Codable, Identifiable {
    /// The snapshot identifier or image ID.
    public var id: String
    public var kind: Kind
    public var scope: ResourceScope
    /// Who the artifact is shared with: account IDs, organization or OU ARNs, or `all` (public).
    public var sharedWith: [String]

    public static let everyone = "all"

    public init(id: String, kind: Kind, scope: ResourceScope, sharedWith: [String] = []) {
        self.id = id
        self.kind = kind
        self.scope = scope
        self.sharedWith = sharedWith
    }

    /// Shared with `all`: anyone with an AWS account may restore or launch it.
    public var isPublic: Bool { sharedWith.contains(Self.everyone) }

    /// The account IDs it is shared with (other than the owner's).
    public var accounts: [String] {
        sharedWith.filter { $0 != Self.everyone && !$0.hasPrefix("arn:") && $0 != scope.account }
    }

    /// The organization and organizational unit ARNs it is shared with.
    public var organizations: [String] { sharedWith.filter { $0.hasPrefix("arn:") } }

    /// The closed set of shareable artifacts.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case rdsSnapshot, rdsClusterSnapshot, ebsSnapshot, ami

        /// How findings and reports name the kind (`ebs-snapshot`).
        public var label: String {
            switch self {
            case .rdsSnapshot: "rds-snapshot"
            case .rdsClusterSnapshot: "rds-cluster-snapshot"
            case .ebsSnapshot: "ebs-snapshot"
            case .ami: "ami"
            }
        }
    }
}
