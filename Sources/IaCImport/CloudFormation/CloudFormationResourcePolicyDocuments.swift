import AWSImport
import JSON

/// The resource-policy types of a template as the per-resource calls print them after deploy, so the same
/// evaluator judges them before deploy: SQS queues with `AWS::SQS::QueuePolicy` (`sqs get-queue-attributes`), SNS
/// topics with `AWS::SNS::TopicPolicy` (`sns get-topic-attributes`), KMS key policies, Lambda permissions (the
/// function policy AWS builds from each `AWS::Lambda::Permission`, "Using resource-based policies in Lambda"),
/// Secrets Manager resource policies, ECR repository policies and EFS file system policies.
struct CloudFormationResourcePolicyDocuments {
    let resources: [TemplateResource]
    let ids: CloudFormationIds
    let json: (TemplateValue) -> JSONValue

    func write(into docs: inout CLIDocuments) {
        queuesAndTopics(into: &docs)
        for r in resources.of("AWS::KMS::Key") {
            let id = ids.ref(r.logicalId)
            docs.add(callFolder: "kms-describe-key", resource: id, .object(["KeyMetadata": .object([
                "KeyId": .string(id), "Arn": .string(ids.attribute(r.logicalId, "Arn")), "KeyManager": .string("CUSTOMER")])]))
            if let policy = text(r["KeyPolicy"]) {
                docs.add(callFolder: "kms-get-key-policy", resource: id, .object(["Policy": .string(policy), "PolicyName": .string("default")]))
            }
        }
        functionPermissions(into: &docs)
        for r in resources.of("AWS::SecretsManager::ResourcePolicy") {
            guard let arn = ids.id(r["SecretId"]), let policy = text(r["ResourcePolicy"]) else { continue }
            let name = resources.first { $0.type == "AWS::SecretsManager::Secret" && ids.ref($0.logicalId) == arn }
                .map { ids.name($0.logicalId, property: "Name") } ?? ResourcePolicyMapper.lastComponent(arn, ":")
            docs.add(callFolder: "secretsmanager-get-resource-policy", resource: name,
                     .object(["ARN": .string(arn), "Name": .string(name), "ResourcePolicy": .string(policy)]))
        }
        for r in resources.of("AWS::ECR::Repository") {
            let name = ids.ref(r.logicalId)
            docs.add("repositories", ["repositoryName": .string(name), "repositoryArn": .string(ids.attribute(r.logicalId, "Arn")),
                                      "registryId": .string(ids.account), "repositoryUri": .string("\(ids.account).dkr.ecr.\(ids.region).amazonaws.com/\(name)")])
            if let policy = text(r["RepositoryPolicyText"]) {
                docs.add(callFolder: "ecr-get-repository-policy", resource: name,
                         .object(["repositoryName": .string(name), "registryId": .string(ids.account), "policyText": .string(policy)]))
            }
        }
        for r in resources.of("AWS::EFS::FileSystem") {
            let id = ids.ref(r.logicalId)
            docs.add("FileSystems", ["FileSystemId": .string(id), "FileSystemArn": .string(ids.attribute(r.logicalId, "Arn")), "OwnerId": .string(ids.account)])
            if let policy = text(r["FileSystemPolicy"]) {
                docs.add(callFolder: "efs-describe-file-system-policy", resource: id, .object(["FileSystemId": .string(id), "Policy": .string(policy)]))
            }
        }
    }

    /// Queues and topics, each with the policy of the `QueuePolicy`/`TopicPolicy` naming it (the last one wins, as
    /// each replaces the resource's policy).
    private func queuesAndTopics(into docs: inout CLIDocuments) {
        let queuePolicies = resources.of("AWS::SQS::QueuePolicy"), topicPolicies = resources.of("AWS::SNS::TopicPolicy")
        for r in resources.of("AWS::SQS::Queue") {
            let url = ids.ref(r.logicalId)
            let policy = queuePolicies.last { ids.ids($0["Queues"]).contains(url) }.flatMap { text($0["PolicyDocument"]) }
            let name = ids.name(r.logicalId, property: "QueueName")
            docs.add(callFolder: "sqs-get-queue-attributes", resource: name, .object(["Attributes": .object(
                ["QueueArn": .string(ids.attribute(r.logicalId, "Arn")), "Policy": policy.map(JSONValue.string)].compactMapValues { $0 })]))
        }
        for r in resources.of("AWS::SNS::Topic") {
            let arn = ids.ref(r.logicalId)
            let policy = topicPolicies.last { ids.ids($0["Topics"]).contains(arn) }.flatMap { text($0["PolicyDocument"]) }
            docs.add(callFolder: "sns-get-topic-attributes", resource: ids.name(r.logicalId, property: "TopicName"), .object(["Attributes": .object(
                ["TopicArn": .string(arn), "Policy": policy.map(JSONValue.string)].compactMapValues { $0 })]))
        }
    }

    /// Each function's policy as Lambda builds it from its permissions: one statement per permission, the principal
    /// a service, an account or `*`, pinned by `SourceArn` / `SourceAccount` when given.
    private func functionPermissions(into docs: inout CLIDocuments) {
        var statements: [String: [JSONValue]] = [:]
        for r in resources.of("AWS::Lambda::Permission") {
            guard let function = ids.id(r["FunctionName"]), let principal = r["Principal"]?.knownString ?? ids.id(r["Principal"]) else { continue }
            let name = ResourcePolicyMapper.lastComponent(function, ":")
            let who: JSONValue
            if principal == "*" { who = .string("*") }
            else if principal.hasSuffix(".amazonaws.com") { who = .object(["Service": .string(principal)]) }
            else if principal.count == 12, principal.allSatisfy(\.isNumber) { who = .object(["AWS": .string("arn:aws:iam::\(principal):root")]) }
            else { who = .object(["AWS": .string(principal)]) }
            var conditions: [String: JSONValue] = [:]
            if let source = ids.id(r["SourceArn"]) { conditions["ArnLike"] = .object(["AWS:SourceArn": .string(source)]) }
            if let account = ids.id(r["SourceAccount"]) { conditions["StringEquals"] = .object(["AWS:SourceAccount": .string(account)]) }
            var statement: [String: JSONValue] = [
                "Sid": .string(r.logicalId), "Effect": .string("Allow"), "Principal": who,
                "Action": .string(r["Action"]?.knownString ?? "lambda:InvokeFunction"),
                "Resource": .string(function.hasPrefix("arn:") ? function : "arn:aws:lambda:\(ids.region):\(ids.account):function:\(name)")]
            if !conditions.isEmpty { statement["Condition"] = .object(conditions) }
            statements[name, default: []].append(.object(statement))
        }
        for name in statements.keys.sorted() {
            let policy = JSONValue.object(["Version": .string("2012-10-17"), "Statement": .array(statements[name] ?? [])]).canonicalText
            docs.add(callFolder: "lambda-get-policy", resource: name, .object(["Policy": .string(policy), "RevisionId": .string("planned")]))
        }
    }

    /// A policy document as JSON text: a map from a template, a string from a plan.
    private func text(_ value: TemplateValue?) -> String? {
        guard let value, value != .null else { return nil }
        return value.knownString ?? json(value).canonicalText
    }
}
