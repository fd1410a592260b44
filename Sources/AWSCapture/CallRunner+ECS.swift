import AWSImport
import Foundation
import JSON

/// One kind of a cluster's members (services, running tasks or container instances): how it is listed and described, and where the
/// answers are stored (the layout of `scripts/samples/dump.py`, `dump_ecs`).
struct ECSMembers: Sendable {
    var list: String
    var listKey: String
    var listBody: [String: JSONValue]
    var describe: String
    /// The request member naming the IDs and the answer member holding the described items.
    var itemKey: String
    /// The most IDs one describe call takes.
    var batchLimit: Int
    /// The member naming the task definition an item runs (container instances run none of their own).
    var definitionKey: String?
    var listFolder: String
    var describeFolder: String

    /// Amazon ECS API Reference, "DescribeServices": "You may specify up to 10 services to describe."
    static let services = ECSMembers(list: "ListServices", listKey: "serviceArns", listBody: [:], describe: "DescribeServices",
                                     itemKey: "services", batchLimit: 10, definitionKey: "taskDefinition",
                                     listFolder: "ecs-list-services", describeFolder: "ecs-describe-services")
    /// Amazon ECS API Reference, "DescribeTasks": "A list of up to 100 task IDs or full ARN entries." Only running
    /// tasks: stopped ones hold no interface.
    static let tasks = ECSMembers(list: "ListTasks", listKey: "taskArns", listBody: ["desiredStatus": .string("RUNNING")],
                                  describe: "DescribeTasks", itemKey: "tasks", batchLimit: 100, definitionKey: "taskDefinitionArn",
                                  listFolder: "ecs-list-tasks", describeFolder: "ecs-describe-tasks")
    /// Amazon ECS API Reference, "DescribeContainerInstances": "A list of up to 100 container instance IDs or full
    /// Amazon Resource Name (ARN) entries." The EC2 hosts of `bridge`/`host`-mode tasks.
    static let containerInstances = ECSMembers(list: "ListContainerInstances", listKey: "containerInstanceArns", listBody: [:],
                                               describe: "DescribeContainerInstances", itemKey: "containerInstances", batchLimit: 100,
                                               definitionKey: nil, listFolder: "ecs-list-container-instances",
                                               describeFolder: "ecs-describe-container-instances")
}

/// Amazon ECS (JSON protocol): clusters, per cluster its services, running tasks and container instances, then every task definition in
/// use by one of them. Each answer is stored as the AWS CLI prints it, one document per call, named like the sample
/// dumper: `ecs-list-clusters`, `ecs-describe-clusters[-n]`, `ecs-list-services/<cluster>`,
/// `ecs-describe-services/<cluster>[-n]`, `ecs-list-tasks/<cluster>`, `ecs-describe-tasks/<cluster>[-n]`,
/// `ecs-list-container-instances/<cluster>`, `ecs-describe-container-instances/<cluster>[-n]`,
/// `ecs-describe-task-definition/<family>-<revision>` (`-n` numbers a describe call's further batches). Task
/// definitions hold container environments: they go to the import like any file, and nothing here prints or logs
/// a document (warnings name the call, the cluster and the AWS error only).
extension CallRunner {
    /// Amazon ECS API Reference, "DescribeClusters": "A list of up to 100 cluster names or full cluster ARN entries."
    static let ecsClusterBatchLimit = 100
    static let ecsIncludeTags: JSONValue = .array([.string("TAGS")])

    func ecs(region: String) async {
        guard let listed = await jsonListing("ecs", "ListClusters", file: "ecs-list-clusters", region: region, storeRegion: region) else { return }
        let clusters = CallRunner.strings(listed, "clusterArns")
        _ = await ecsDescribe("DescribeClusters", ids: clusters, key: "clusters", limit: CallRunner.ecsClusterBatchLimit, body: [:],
                              folder: nil, name: "ecs-describe-clusters", subject: nil, region: region)
        let definitions = await withTaskGroup(of: [String].self) { group in
            for cluster in clusters {
                group.addTask { await self.ecsMembers(.services, cluster: cluster, region: region) }
                group.addTask { await self.ecsMembers(.tasks, cluster: cluster, region: region) }
                group.addTask { await self.ecsMembers(.containerInstances, cluster: cluster, region: region) }
            }
            var all = Set<String>()
            for await used in group { all.formUnion(used) }
            return all
        }
        await withTaskGroup(of: Void.self) { group in
            for definition in definitions.sorted() {
                let name = CallRunner.lastPathComponent(definition).replacingOccurrences(of: ":", with: "-")
                group.addTask {
                    do throws(AWSServiceError) {
                        _ = try await self.ecsCall("DescribeTaskDefinition", body: ["taskDefinition": .string(definition), "include": CallRunner.ecsIncludeTags],
                                                   keys: [], folder: "ecs-describe-task-definition", name: name, region: region)
                    } catch {
                        self.warn("ecs", "DescribeTaskDefinition \(name)", region, error)
                    }
                }
            }
        }
    }

    /// A cluster's services, running tasks or container instances: the listing, then the describe calls in batches; returns the task
    /// definitions the described items use.
    func ecsMembers(_ members: ECSMembers, cluster: String, region: String) async -> [String] {
        let name = CallRunner.lastPathComponent(cluster)
        guard let listed = await jsonPages("ecs", members.list, region: region, storeRegion: region,
                                           body: members.listBody.merging(["cluster": .string(cluster)]) { $1 }, subject: name) else { return [] }
        sink.add(CapturedDocument(account: account, region: region, callFolder: members.listFolder, baseName: name, json: listed))
        let described = await ecsDescribe(members.describe, ids: CallRunner.strings(listed, members.listKey), key: members.itemKey,
                                          limit: members.batchLimit, body: ["cluster": .string(cluster), "include": CallRunner.ecsIncludeTags],
                                          folder: members.describeFolder, name: name, subject: name, region: region)
        guard let key = members.definitionKey else { return [] }
        return described.compactMap { CallRunner.string($0, key) }
    }

    /// A describe call over `ids` in batches of `limit` (none when `ids` is empty), each answer its own document
    /// (`name`, `name-2`, …); returns the described items. A failed batch is a warning naming the call and `subject`
    /// (the cluster); the other batches go on.
    func ecsDescribe(_ operation: String, ids: [String], key: String, limit: Int, body: [String: JSONValue], folder: String?,
                     name: String, subject: String?, region: String) async -> [JSONObject] {
        let batches = stride(from: 0, to: ids.count, by: max(limit, 1)).map { Array(ids[$0..<min($0 + max(limit, 1), ids.count)]) }
        var items: [JSONObject] = []
        for (index, batch) in batches.enumerated() {
            var request = body
            request[key] = .array(batch.map { .string($0) })
            do throws(AWSServiceError) {
                let answer = try await ecsCall(operation, body: request, keys: [key], folder: folder,
                                               name: index == 0 ? name : "\(name)-\(index + 1)", region: region)
                items += CallRunner.items(answer, key)
            } catch {
                let part = batches.count > 1 ? " (batch \(index + 1) of \(batches.count))" : ""
                warn("ecs", ([operation, subject].compactMap { $0 }.joined(separator: " ")) + part, region, error)
            }
        }
        return items
    }

    /// One ECS call stored as the document `folder/name.json`.
    func ecsCall(_ operation: String, body: [String: JSONValue], keys: [String], folder: String?, name: String,
                 region: String) async throws(AWSServiceError) -> JSONValue {
        let answer = try await client.json(service: "ecs", operation: operation, region: region, body: body)
        _ = client.counter.call()
        sink.page(answer, region: region, keys: keys)
        sink.add(CapturedDocument(account: account, region: region, callFolder: folder, baseName: name, json: answer))
        return answer
    }

    /// The strings of the list `key` of an answer.
    static func strings(_ json: JSONValue?, _ key: String) -> [String] {
        guard case .object(let o)? = json, case .array(let items)? = o[key] else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    /// `cluster/<name>` of a cluster ARN, `task-definition/<family>:<revision>` of a task definition ARN: the part
    /// after the last `/` (the whole text when there is none).
    static func lastPathComponent(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}
