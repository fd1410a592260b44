import NetModel

/// Maps the listings and per-resource documents of resources with a policy: SNS topics, SQS queues, KMS keys
/// (policy and grants), Lambda function policies, Secrets Manager secrets, ECR repositories and EFS file systems.
/// Pieces of one resource meet in `Collector.policyParts` and become `PolicyResource`s in `ResourcePolicyReconciler`.
public enum ResourcePolicyMapper {
    /// The call folders whose files are named after their resource (`kms-get-key-policy/<key-id>.json`).
    static let callFolders: Set<String> = ["sqs-get-queue-attributes", "kms-get-key-policy", "kms-list-grants", "lambda-get-policy"]

    static func map(_ kind: DocumentKind, _ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        switch kind {
        case .snsTopics:
            for item in try root.array("Topics") {
                let arn = try item.requiredString("TopicArn")
                c.policyParts.update(.snsTopic, name: lastComponent(arn, ":"), arn: arn, ctx) { _ in }
            }
        case .snsTopicAttributes:
            guard let attributes = root["Attributes"] else { return }
            let arn = try attributes.requiredString("TopicArn")
            let policy = try policyText(attributes, "Policy")
            c.policyParts.update(.snsTopic, name: lastComponent(arn, ":"), arn: arn, ctx) { $0.policy = policy; $0.policySeen = true }
        case .sqsQueueUrls:
            for (i, url) in try root.strings("QueueUrls").enumerated() {
                guard let queue = QueueURL(url) else {
                    throw .invalidValue(file: ctx.file.displayPath, path: "QueueUrls[\(i)]", message: "'\(url)' is not an SQS queue URL")
                }
                c.policyParts.update(.sqsQueue, name: queue.name, arn: queue.arn, ctx) { _ in }
            }
        case .sqsQueueAttributes:
            guard let attributes = root["Attributes"] else { return }
            let arn = try attributes.string("QueueArn")
            guard let name = arn.map({ lastComponent($0, ":") }) ?? resourceName(ctx, folder: "sqs-get-queue-attributes") else {
                throw .missingField(file: ctx.file.displayPath, path: "Attributes", field: "QueueArn (or put the file in sqs-get-queue-attributes/<queue-name>.json)")
            }
            let policy = try policyText(attributes, "Policy")
            c.policyParts.update(.sqsQueue, name: name, arn: arn, ctx) { $0.policy = policy; $0.policySeen = true }
        case .kmsKeys:
            for item in try root.array("Keys") {
                let id = try item.requiredString("KeyId")
                c.policyParts.update(.kmsKey, name: id, arn: try item.string("KeyArn"), ctx) { _ in }
            }
        case .kmsKeyMetadata:
            guard let meta = root["KeyMetadata"] else { return }
            let manager = try meta.string("KeyManager")
            c.policyParts.update(.kmsKey, name: try meta.requiredString("KeyId"), arn: try meta.string("Arn"), ctx) { $0.keyManager = manager }
        case .kmsKeyPolicy, .bucketPolicy:
            let key = try requiredName(ctx, folder: "kms-get-key-policy", what: "KMS key policy", pattern: "<key-id>")
            let policy = try policyText(root, "Policy")
            c.policyParts.update(.kmsKey, name: key, arn: nil, ctx) { $0.policy = policy; $0.policySeen = true }
        case .kmsGrants, .bucketAcl:
            var grants: [KMSGrant] = []
            var keyId: String? = resourceName(ctx, folder: "kms-list-grants")
            for g in try root.array("Grants") {
                if keyId == nil, let id = try g.string("KeyId") { keyId = lastComponent(id, "/") }
                grants.append(KMSGrant(grantId: try g.requiredString("GrantId"), grantee: try g.string("GranteePrincipal") ?? "",
                                       operations: try g.strings("Operations"), issuingAccount: try g.string("IssuingAccount")))
            }
            guard let keyId else {
                throw .missingField(file: ctx.file.displayPath, path: "Grants", field: "KeyId (or put the file in kms-list-grants/<key-id>.json)")
            }
            c.policyParts.update(.kmsKey, name: keyId, arn: nil, ctx) { $0.grants = grants }
        case .lambdaPolicy:
            let function = try requiredName(ctx, folder: "lambda-get-policy", what: "Lambda function policy", pattern: "<function>")
            let policy = try policyText(root, "Policy")
            c.policyParts.update(.lambdaFunction, name: function, arn: nil, ctx) { $0.policy = policy; $0.policySeen = true }
        case .secretList:
            for item in try root.array("SecretList") {
                c.policyParts.update(.secret, name: try item.requiredString("Name"), arn: try item.string("ARN"), ctx) { _ in }
            }
        case .secretPolicy:
            let policy = try policyText(root, "ResourcePolicy")
            c.policyParts.update(.secret, name: try root.requiredString("Name"), arn: try root.string("ARN"), ctx) {
                $0.policy = policy; $0.policySeen = true
            }
        case .ecrRepositories:
            for item in try root.array("repositories") {
                c.policyParts.update(.ecrRepository, name: try item.requiredString("repositoryName"), arn: try item.string("repositoryArn"), ctx) { _ in }
            }
        case .ecrRepositoryPolicy:
            let policy = try policyText(root, "policyText")
            let registry = try root.string("registryId")
            c.policyParts.update(.ecrRepository, name: try root.requiredString("repositoryName"), arn: nil, ctx, account: registry) {
                $0.policy = policy; $0.policySeen = true
            }
        case .efsFileSystems:
            for item in try root.array("FileSystems") {
                let owner = try item.string("OwnerId")
                c.policyParts.update(.efsFileSystem, name: try item.requiredString("FileSystemId"), arn: try item.string("FileSystemArn"), ctx,
                                     account: owner) { _ in }
            }
        case .efsFileSystemPolicy:
            let policy = try policyText(root, "Policy")
            c.policyParts.update(.efsFileSystem, name: try root.requiredString("FileSystemId"), arn: nil, ctx) { $0.policy = policy; $0.policySeen = true }
        default:
            break
        }
    }

    /// A policy member as canonical JSON text; nil when absent, null or empty (no policy).
    static func policyText(_ node: Node, _ key: String) throws(ImportError) -> String? {
        if case .string(let s)? = node[key]?.value, s.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        return try node.policyDocument(key)
    }

    /// The resource a file in `folder` is named after.
    private static func resourceName(_ ctx: FileContext, folder: String) -> String? {
        ctx.file.callFolder == folder ? ctx.file.resourceName : nil
    }

    private static func requiredName(_ ctx: FileContext, folder: String, what: String, pattern: String) throws(ImportError) -> String {
        guard let name = resourceName(ctx, folder: folder) else {
            throw .invalidValue(file: ctx.file.displayPath, path: "(top level)",
                                message: "a \(what) does not name its resource: put it in \(folder)/\(pattern).json")
        }
        return name
    }

    /// The part after the last `separator` (`orders` of `arn:aws:sqs:…:orders`), the whole text when there is none.
    public static func lastComponent(_ text: String, _ separator: Character) -> String {
        text.split(separator: separator, omittingEmptySubsequences: false).last.map(String.init) ?? text
    }
}

/// An SQS queue URL: `https://sqs.<region>.amazonaws.com/<account>/<name>` (or the legacy `<region>.queue.amazonaws.com`).
struct QueueURL {
    var name: String
    var account: String
    var region: String?

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let parts = url[schemeEnd.upperBound...].split(separator: "/").map(String.init)
        guard parts.count == 3, InputFile.isAccountId(parts[1]), !parts[2].isEmpty else { return nil }
        name = parts[2]
        account = parts[1]
        let host = parts[0].split(separator: ".").map(String.init)
        if host.count > 1, host[0] == "sqs", InputFile.isRegion(host[1]) { region = host[1] }
        else if let first = host.first, InputFile.isRegion(first) { region = first }
    }

    var arn: String? { region.map { "arn:aws:sqs:\($0):\(account):\(name)" } }
}
