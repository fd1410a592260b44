import AWSCapture
import AWSImport
import Foundation
import HTTPClient
import NetModel
import JSON
import Testing

/// Live capture of Amazon ECS (JSON protocol) against a real moto server: clusters, services in batches of 10,
/// running tasks with their interfaces, the task definitions in use, compared with the AWS CLI's output of the
/// same calls (`scripts/samples/dump.py`, `dump_ecs`).
@Suite(.serialized)
struct ECSCaptureTests {
    struct IDs: Decodable {
        var subnets: [String], taskGroup: String, targetGroup: String, cluster: String, web: String, worker: String
        var taskRole: String, executionRole: String, services: [String], task: String, host: String, containerInstance: String
    }

    static let region = "live/123456789012/us-east-1/"
    /// The literal `DATABASE_URL` password `moto_setup.py ecs` puts in the web task definition's environment.
    static let secret = "ecs-capture-not-a-password"

    func options(_ server: MotoServer, env: [String: String] = motoEnvironment, transport: (any HTTPTransport)? = nil) -> CaptureOptions {
        var o = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001),
                               environment: env, transport: transport)
        o.skippedServices = motoMissingServices
        return o
    }

    /// The captured ECS documents by path below the region folder, parsed.
    static func ecsDocuments(_ result: CaptureResult) throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for doc in result.rawDocuments where doc.source.hasPrefix(region + "ecs-") {
            out[String(doc.source.dropFirst(region.count))] = try JSONParser.parse(Array(doc.content.utf8))
        }
        return out
    }

    static func items(_ doc: JSONValue?, _ key: String) -> [JSONObject] {
        guard case .object(let o)? = doc, case .array(let items)? = o[key] else { return [] }
        return items.compactMap { if case .object(let i) = $0 { i } else { nil } }
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { text($0) }
    }

    static func text(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { s } else { nil }
    }

    @Test func clustersServicesTasksAndTaskDefinitionsAreStoredAsTheCLIPrintsThem() async throws {
        try await MotoServer.with { server in
            let ids = try JSONDecoder().decode(IDs.self, from: Data(try server.setup("ecs", "12").utf8))
            let recorder = RecordingTransport(CurlTransport())
            defer { recorder.shutdown() }
            let result = try await capture(options(server, transport: recorder))
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let docs = try ECSCaptureTests.ecsDocuments(result)
            #expect(docs.keys.sorted() == [
                "ecs-describe-clusters.json", "ecs-describe-container-instances/ecs-cap.json", "ecs-describe-services/ecs-cap-2.json", "ecs-describe-services/ecs-cap.json",
                "ecs-describe-task-definition/ecs-web-1.json", "ecs-describe-task-definition/ecs-worker-1.json",
                "ecs-describe-tasks/ecs-cap.json", "ecs-list-clusters.json", "ecs-list-container-instances/ecs-cap.json",
                "ecs-list-services/ecs-cap.json", "ecs-list-tasks/ecs-cap.json",
            ])

            // The cluster's EC2 host (Amazon ECS API Reference, "DescribeContainerInstances"), imported with its cluster.
            let host = try #require(ECSCaptureTests.items(docs["ecs-describe-container-instances/ecs-cap.json"], "containerInstances").first)
            #expect(ECSCaptureTests.text(host["containerInstanceArn"]) == ids.containerInstance && ECSCaptureTests.text(host["ec2InstanceId"]) == ids.host)
            #expect(result.inventory.ecsContainerInstances.map(\.ec2InstanceId) == [ids.host])
            #expect(result.inventory.ecsContainerInstances.first?.clusterArn == ids.cluster)

            // DescribeServices takes 10 services (Amazon ECS API Reference, "DescribeServices"): 12 services are two calls.
            let first = ECSCaptureTests.items(docs["ecs-describe-services/ecs-cap.json"], "services")
            let second = ECSCaptureTests.items(docs["ecs-describe-services/ecs-cap-2.json"], "services")
            #expect(first.count == 10 && second.count == 2)
            #expect((first + second).compactMap { ECSCaptureTests.text($0["serviceName"]) }.sorted() == ids.services)
            let describeServices = recorder.bodies(target: "AmazonEC2ContainerServiceV20141113.DescribeServices")
            #expect(describeServices.map { ECSCaptureTests.strings($0["services"]).count } == [10, 2])
            #expect(describeServices.allSatisfy { $0["include"] == .array([.string("TAGS")]) && ECSCaptureTests.text($0["cluster"]) == ids.cluster })
            #expect(recorder.bodies(target: "AmazonEC2ContainerServiceV20141113.ListTasks").map { $0["desiredStatus"] } == [.string("RUNNING")])

            // A service with its awsvpc configuration, load balancer and tags.
            let svc = try #require((first + second).first { ECSCaptureTests.text($0["serviceName"]) == "ecs-svc-01" })
            #expect(ECSCaptureTests.text(svc["taskDefinition"]) == ids.web)
            #expect(ECSCaptureTests.text(ECSCaptureTests.items(.object(svc), "loadBalancers").first?["targetGroupArn"]) == ids.targetGroup)
            guard case .object(let network)? = svc["networkConfiguration"], case .object(let vpc)? = network["awsvpcConfiguration"] else {
                Issue.record("ecs-svc-01 has no awsvpcConfiguration: \(svc)")
                return
            }
            #expect(ECSCaptureTests.strings(vpc["subnets"]) == ids.subnets && ECSCaptureTests.strings(vpc["securityGroups"]) == [ids.taskGroup])
            #expect(ECSCaptureTests.items(.object(svc), "tags").contains { ECSCaptureTests.text($0["key"]) == "index" })

            // The RunTask task: running, its service group, its interface attachment (an interface EC2 also lists).
            let task = try #require(ECSCaptureTests.items(docs["ecs-describe-tasks/ecs-cap.json"], "tasks").first)
            #expect(ECSCaptureTests.text(task["taskArn"]) == ids.task && ECSCaptureTests.text(task["lastStatus"]) == "RUNNING")
            #expect(ECSCaptureTests.text(task["group"]) == "service:ecs-svc-01")
            let eni = try #require(ECSCaptureTests.items(.object(task), "attachments").first { ECSCaptureTests.text($0["type"]) == "ElasticNetworkInterface" })
            var details: [String: String] = [:]
            for d in ECSCaptureTests.items(.object(eni), "details") {
                if let name = ECSCaptureTests.text(d["name"]), let value = ECSCaptureTests.text(d["value"]) { details[name] = value }
            }
            #expect(details["subnetId"] == ids.subnets[0] && details["privateIPv4Address"] != nil)
            let eniId = try #require(details["networkInterfaceId"])
            #expect(result.inventory.networkInterfaces.contains { $0.id == eniId && $0.securityGroupIds == [ids.taskGroup] })
            #expect(ECSCaptureTests.items(.object(task), "tags").contains { ECSCaptureTests.text($0["key"]) == "started" })

            // Each task definition in use once (ecs-web by services and the task, ecs-worker by services), with TAGS.
            #expect(recorder.bodies(target: "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition").compactMap { ECSCaptureTests.text($0["taskDefinition"]) }
                        .sorted() == [ids.web, ids.worker])
            guard case .object(let webDoc)? = docs["ecs-describe-task-definition/ecs-web-1.json"], case .object(let web)? = webDoc["taskDefinition"] else {
                Issue.record("no ecs-web task definition")
                return
            }
            #expect(ECSCaptureTests.text(web["networkMode"]) == "awsvpc")
            #expect(ECSCaptureTests.text(web["taskRoleArn"]) == ids.taskRole && ECSCaptureTests.text(web["executionRoleArn"]) == ids.executionRole)
            let container = try #require(ECSCaptureTests.items(.object(web), "containerDefinitions").first)
            #expect(ECSCaptureTests.items(.object(container), "portMappings").first?["containerPort"] == .number(8000))
            #expect(ECSCaptureTests.items(.object(webDoc), "tags").contains { ECSCaptureTests.text($0["key"]) == "app" })

            // The AWS CLI's output of the same calls, file by file (after the import's redaction, as both are stored).
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-ecs-cli-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dump) }
            _ = try server.setup("ecs-dump", dump)
            let cli = try Importer().importPaths([dump]).rawDocuments
            let prefix = dump + "/123456789012/us-east-1/"
            var cliDocs: [String: JSONValue] = [:]
            for doc in cli { cliDocs[doc.source.replacingOccurrences(of: prefix, with: "")] = try JSONParser.parse(Array(doc.content.utf8)) }
            #expect(cliDocs.keys.sorted() == docs.keys.sorted(), "\(cliDocs.keys.sorted())")
            for (path, doc) in docs { #expect(cliDocs[path] == doc, "\(path) differs from the AWS CLI's") }

            // Nothing the capture reports carries an environment value.
            #expect(!"\(result.warnings)".contains(ECSCaptureTests.secret))
            #expect(!result.inventory.warnings.contains { $0.message.contains(ECSCaptureTests.secret) })
            // The stored documents hold no environment value, and the model is the CLI import's.
            #expect(!result.rawDocuments.contains { $0.content.contains(ECSCaptureTests.secret) })
            #expect(result.inventory.ecsServices.count == 12 && result.inventory.ecsTasks.first?.networkInterfaceId == eniId)
            #expect(result.inventory.ecsTaskDefinitions.first { $0.family == "ecs-web" }?.taskRoleArn == ids.taskRole)
            let imported = try Importer().importPaths([dump]).inventory
            #expect(result.inventory.ecsServices == imported.ecsServices)
            #expect(result.inventory.ecsContainerInstances == imported.ecsContainerInstances)
        }
    }

    @Test func deniedDescribeTasksIsAWarningNamingTheClusterAndTheRestIsCaptured() async throws {
        try await MotoServer.with(signatureChecking: true) { server in
            _ = try server.setup("reset-auth", "200")
            let ids = try JSONDecoder().decode(IDs.self, from: Data(try server.setup("ecs", "3").utf8))
            let keys = try JSONDecoder().decode([String: String].self, from: Data(try server.setup("restricted-user", "ecs:DescribeTasks").utf8))
            var env = motoEnvironment
            env["AWS_ACCESS_KEY_ID"] = keys["AccessKeyId"]
            env["AWS_SECRET_ACCESS_KEY"] = keys["SecretAccessKey"]
            let result = try await capture(options(server, env: env))
            #expect(result.warnings.map(\.source) == ["ecs DescribeTasks ecs-cap (us-east-1)"], "\(result.warnings)")
            #expect(result.warnings.map(\.code) == ["access-denied"])
            let docs = try ECSCaptureTests.ecsDocuments(result)
            #expect(docs["ecs-list-tasks/ecs-cap.json"] != nil && docs["ecs-describe-tasks/ecs-cap.json"] == nil)
            #expect(ECSCaptureTests.items(docs["ecs-describe-services/ecs-cap.json"], "services").compactMap { ECSCaptureTests.text($0["serviceName"]) }
                        == ids.services)
            // The task's definition is also the services': still described.
            #expect(docs["ecs-describe-task-definition/ecs-web-1.json"] != nil && docs["ecs-describe-task-definition/ecs-worker-1.json"] != nil)
        }
    }
}

/// Passes every request to a real transport (the moto server) and keeps the JSON bodies of JSON-protocol calls by
/// their `X-Amz-Target`, to see how the capture batched them.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let inner: CurlTransport
    private let lock = NSLock()
    private var sent: [(target: String, body: JSONObject)] = []

    init(_ inner: CurlTransport) { self.inner = inner }

    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        if let target = request.headers.first(where: { $0.name.lowercased() == "x-amz-target" })?.value,
           case .object(let body)? = try? JSONParser.parse(request.body) {
            record(target, body)
        }
        return try await inner.send(request)
    }

    private func record(_ target: String, _ body: JSONObject) {
        lock.lock()
        sent.append((target, body))
        lock.unlock()
    }

    /// The bodies sent with this target, in the order sent.
    func bodies(target: String) -> [JSONObject] {
        lock.lock()
        defer { lock.unlock() }
        return sent.filter { $0.target == target }.map(\.body)
    }

    func shutdown() { inner.shutdown() }
}
