import AWSImport
import Foundation
import NetModel
import JSON

/// Captures of resource policies and sharing: SNS topics, SQS queues, KMS keys (policy and grants), Lambda function
/// policies, Secrets Manager secrets, ECR repositories, EFS file systems, and who RDS snapshots, EBS snapshots and
/// AMIs are shared with. Each document is stored under the name the import expects (`kms-get-key-policy/<key-id>.json`).
extension CallRunner {
    /// Answers that mean "this resource has no policy" (no warning).
    static let noPolicy: Set<String> = [
        "ResourceNotFoundException", "RepositoryPolicyNotFoundException", "PolicyNotFound", "NotFoundException",
    ]

    func resourcePolicies(region: String, in group: inout TaskGroup<Void>) {
        group.addTask { await self.sns(region: region) }
        group.addTask { await self.sqs(region: region) }
        group.addTask { await self.kms(region: region) }
        group.addTask { await self.secrets(region: region) }
        group.addTask { await self.ecr(region: region) }
        group.addTask { await self.efs(region: region) }
        group.addTask { await self.sharedSnapshots(region: region) }
    }

    /// A paginated JSON-protocol listing stored as one document (`file`); nil on failure (recorded as a warning).
    @discardableResult
    func jsonListing(_ service: String, _ operation: String, file: String, region: String, storeRegion: String?) async -> JSONValue? {
        guard let json = await jsonPages(service, operation, region: region, storeRegion: storeRegion) else { return nil }
        sink.add(CapturedDocument(account: account, region: storeRegion, callFolder: nil, baseName: file, json: json))
        return json
    }

    /// Every page of a JSON-protocol listing merged as the AWS CLI prints it (no tokens, no `Truncated`; a call
    /// without pages is one answer); nil on failure (a warning naming the call and `subject`, unless its code is in
    /// `quiet`).
    func jsonPages(_ service: String, _ operation: String, region: String, storeRegion: String?, body extra: [String: JSONValue] = [:],
                   subject: String? = nil, quiet: Set<String> = []) async -> JSONValue? {
        let paginator = client.shapes.service(service).operations[operation]?.paginator
        var merged: [String: JSONValue] = [:]
        var token: String? = nil
        var seen = Set<String>()
        do {
            repeat {
                var body = extra
                if let token, let paginator { body[paginator.inputToken] = .string(token) }
                if let pageSize, let limit = paginator?.limitKey { body[limit] = .number(Double(pageSize)) }
                let page = try await client.json(service: service, operation: operation, region: region, body: body)
                _ = client.counter.call()
                sink.page(page, region: storeRegion ?? "global", keys: paginator?.resultKey ?? [])
                guard let paginator else { return page }
                guard case .object(let o) = page else { break }
                AWSClient.merge(o, into: &merged, paginator: paginator)
                token = nil
                if case .string(let next)? = o[paginator.outputToken], !next.isEmpty, seen.insert(next).inserted { token = next }
            } while token != nil
            if let more = paginator?.moreResults { merged[more] = nil }
            for key in paginator?.resultKey ?? [] where merged[key] == nil { merged[key] = .array([]) }
            return .object(merged)
        } catch {
            if !quiet.contains(error.code) { warn(service, [operation, subject].compactMap { $0 }.joined(separator: " "), region, error) }
            return nil
        }
    }

    /// One JSON-protocol call stored as `folder/name.json`; nil when it fails (a warning unless the answer means "none").
    @discardableResult
    func jsonDocument(_ service: String, _ operation: String, region: String, body: [String: JSONValue], folder: String, name: String) async -> JSONValue? {
        await document(service, operation, region: region, folder: folder, name: name, absentCodes: CallRunner.noPolicy) { () async throws(AWSServiceError) in
            try await client.json(service: service, operation: operation, region: region, body: body)
        }
    }

    /// One query-protocol call stored as `folder/name.json` (per-resource attributes).
    func queryDocument(_ service: String, _ operation: String, region: String, parameters: [(String, String)], folder: String, name: String) async {
        await listing(service, operation, file: name, region: region, storeRegion: region, parameters: parameters, callFolder: folder, usePageSize: false)
    }

    func sns(region: String) async {
        let topics = await listing("sns", "ListTopics", file: "sns-list-topics", region: region, storeRegion: region, usePageSize: false)
        await forEach(CallRunner.items(topics, "Topics").compactMap { CallRunner.string($0, "TopicArn") }) { arn in
            await self.queryDocument("sns", "GetTopicAttributes", region: region, parameters: [("TopicArn", arn)],
                                     folder: "sns-get-topic-attributes", name: String(arn.split(separator: ":").last ?? ""))
        }
    }

    func sqs(region: String) async {
        let queues = await jsonListing("sqs", "ListQueues", file: "sqs-list-queues", region: region, storeRegion: region)
        guard case .object(let o)? = queues, case .array(let urls)? = o["QueueUrls"] else { return }
        await forEach(urls.compactMap { if case .string(let s) = $0 { s } else { nil } }) { url in
            _ = await self.jsonDocument("sqs", "GetQueueAttributes", region: region,
                                        body: ["QueueUrl": .string(url), "AttributeNames": .array([.string("All")])],
                                        folder: "sqs-get-queue-attributes", name: String(url.split(separator: "/").last ?? ""))
        }
    }

    /// ListKeys, then per key DescribeKey and, for customer managed keys, GetKeyPolicy and ListGrants.
    func kms(region: String) async {
        let keys = await jsonListing("kms", "ListKeys", file: "kms-list-keys", region: region, storeRegion: region)
        await forEach(CallRunner.items(keys, "Keys").compactMap { CallRunner.string($0, "KeyId") }) { id in
            let described = await self.jsonDocument("kms", "DescribeKey", region: region, body: ["KeyId": .string(id)],
                                                    folder: "kms-describe-key", name: id)
            let meta = CallRunner.object(described, "KeyMetadata")
            // AWS managed keys' policies are AWS's and fixed; only customer managed keys can be opened to others.
            guard meta.flatMap({ CallRunner.string($0, "KeyManager") }) != "AWS" else { return }
            _ = await self.jsonDocument("kms", "GetKeyPolicy", region: region, body: ["KeyId": .string(id), "PolicyName": .string("default")],
                                        folder: "kms-get-key-policy", name: id)
            if let grants = await self.jsonPages("kms", "ListGrants", region: region, storeRegion: region, body: ["KeyId": .string(id)],
                                                 quiet: CallRunner.noPolicy) {
                self.sink.add(CapturedDocument(account: self.account, region: region, callFolder: "kms-list-grants", baseName: id, json: grants))
            }
        }
    }

    func secrets(region: String) async {
        let list = await jsonListing("secretsmanager", "ListSecrets", file: "secretsmanager-list-secrets", region: region, storeRegion: region)
        await forEach(CallRunner.items(list, "SecretList").compactMap { s in CallRunner.string(s, "ARN").map { ($0, CallRunner.string(s, "Name") ?? $0) } }) { arn, name in
            _ = await self.jsonDocument("secretsmanager", "GetResourcePolicy", region: region, body: ["SecretId": .string(arn)],
                                        folder: "secretsmanager-get-resource-policy", name: name)
        }
    }

    func ecr(region: String) async {
        let repositories = await jsonListing("ecr", "DescribeRepositories", file: "ecr-describe-repositories", region: region, storeRegion: region)
        await forEach(CallRunner.items(repositories, "repositories").compactMap { CallRunner.string($0, "repositoryName") }) { name in
            _ = await self.jsonDocument("ecr", "GetRepositoryPolicy", region: region, body: ["repositoryName": .string(name)],
                                        folder: "ecr-get-repository-policy", name: name)
        }
    }

    func efs(region: String) async {
        guard let systems = await restListing("efs", "DescribeFileSystems", region: region, path: "/2015-02-01/file-systems") else { return }
        sink.add(CapturedDocument(account: account, region: region, callFolder: nil, baseName: "efs-describe-file-systems",
                                  json: .object(["FileSystems": .array(systems)])))
        await forEach(systems.compactMap { if case .object(let o) = $0 { CallRunner.string(o, "FileSystemId") } else { nil } }) { id in
            _ = await self.restDocument("efs", "DescribeFileSystemPolicy", region: region, path: "/2015-02-01/file-systems/\(id)/policy",
                                        folder: "efs-describe-file-system-policy", name: id, absentCodes: CallRunner.noPolicy)
        }
    }

    /// GetPolicy per function (`lambda-get-policy/<function>.json`); a function without one answers ResourceNotFoundException.
    func lambdaPolicies(_ functions: JSONValue?, region: String) async {
        await forEach(CallRunner.items(functions, "Functions").compactMap { CallRunner.string($0, "FunctionName") }) { name in
            _ = await self.restDocument("lambda", "GetPolicy", region: region, path: "/2015-03-31/functions/\(name)/policy",
                                        folder: "lambda-get-policy", name: name, absentCodes: CallRunner.noPolicy)
        }
    }

    /// Manual RDS snapshots (automated ones cannot be shared), EBS snapshots and AMIs the account owns, then who each is shared with.
    func sharedSnapshots(region: String) async {
        let db = await ids("rds", "DescribeDBSnapshots", region: region, parameters: [("SnapshotType", "manual")], key: "DBSnapshots", id: "DBSnapshotIdentifier")
        let clusters = await ids("rds", "DescribeDBClusterSnapshots", region: region, parameters: [("SnapshotType", "manual")],
                                 key: "DBClusterSnapshots", id: "DBClusterSnapshotIdentifier")
        // Only the account's own snapshots can be shared by it (moto 5.2.1 ignores Owner=self and lists AWS's public ones too).
        let volumes = await ids("ec2", "DescribeSnapshots", region: region, parameters: [("Owner.1", "self")], key: "Snapshots", id: "SnapshotId",
                                owner: "OwnerId")
        let images = await listing("ec2", "DescribeImages", file: "ec2-describe-images", region: region, storeRegion: region,
                                   parameters: [("Owner.1", "self")], usePageSize: false)
        let imageIds = CallRunner.items(images, "Images").compactMap { CallRunner.string($0, "ImageId") }
        let calls: [(String, String, String, String)] = db.map { ("rds", "DescribeDBSnapshotAttributes", "DBSnapshotIdentifier", $0) }
            + clusters.map { ("rds", "DescribeDBClusterSnapshotAttributes", "DBClusterSnapshotIdentifier", $0) }
            + volumes.map { ("ec2", "DescribeSnapshotAttribute", "SnapshotId", $0) }
            + imageIds.map { ("ec2", "DescribeImageAttribute", "ImageId", $0) }
        await forEach(calls) { service, operation, parameter, id in
            var parameters = [(parameter, id)]
            if operation == "DescribeSnapshotAttribute" { parameters.append(("Attribute", "createVolumePermission")) }
            if operation == "DescribeImageAttribute" { parameters.append(("Attribute", "launchPermission")) }
            let folder = "\(service)-" + operation.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1-$2", options: .regularExpression).lowercased()
            await self.queryDocument(service, operation, region: region, parameters: parameters, folder: folder, name: id)
        }
    }

    /// The identifiers a paginated query listing returns (the listing itself is not stored: the import does not model it).
    private func ids(_ service: String, _ operation: String, region: String, parameters: [(String, String)], key: String, id: String,
                     owner: String? = nil) async -> [String] {
        let counter = client.counter, sink = self.sink, keys = resultKeys(service, operation)
        do {
            let json = try await client.paginatedQuery(service: service, operation: operation, region: region, parameters: parameters, pageSize: pageSize) { page in
                _ = counter.call()
                sink.page(page, region: region, keys: keys)
            }
            return CallRunner.items(json, key).filter { item in owner.map { CallRunner.string(item, $0) == account } ?? true }
                .compactMap { CallRunner.string($0, id) }
        } catch {
            warn(service, operation, region, error)
            return []
        }
    }

    static func object(_ json: JSONValue?, _ key: String) -> JSONObject? {
        if case .object(let o)? = json, case .object(let inner)? = o[key] { inner } else { nil }
    }

    /// Runs `body` for each item, concurrently.
    private func forEach<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for item in items { group.addTask { await body(item) } }
        }
    }
}
