import Foundation
import Testing
@testable import AWSImport
import NetModel

/// `aws ecs` output, recognised by content (fixture `ecs-workloads`: cluster `shop`, services todoapp-frontend (one running
/// task), todoapp-backend (none), public-api (none, assignPublicIp ENABLED), a RunTask task and a stopped one).
@Suite("Import of ECS clusters, services, tasks and task definitions")
struct ECSMapperTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }

    init() throws {
        result = try Importer().importPaths([Fixtures.path("ecs-workloads")])
    }

    /// One in-memory document, imported alone.
    static func importing(_ json: String, name: String = "doc.json") throws(ImportError) -> ImportResult {
        try Importer().importFiles([InputFile(displayPath: name, account: nil, region: nil, baseName: name, contents: Array(json.utf8))])
    }

    @Test("every ECS document kind is recognised, the list-* ones without a warning; describe failures are named")
    func recognised() {
        let kinds = Set(result.rawDocuments.map(\.kind))
        #expect(kinds.isSuperset(of: ["clusterArns", "serviceArns", "taskArns", "clusters", "services", "tasks", "taskDefinition", "taskDefinitions"]))
        // Environment values are redacted from the stored documents, each file with its own warning.
        #expect(inv.warnings.contains { $0.source.contains("us-east-1/ecs-") && $0.code == "secret-redacted" })
        let ecsWarnings = inv.warnings.filter { $0.source.contains("us-east-1/ecs-") && $0.code != "secret-redacted" }
        #expect(ecsWarnings.map(\.code) == ["ecs-describe-failure"], "\(ecsWarnings)")
        #expect(ecsWarnings.first?.message == "ECS could not describe clusters arn:aws:ecs:us-east-1:111111111111:cluster/retired: MISSING")
    }

    @Test("describe-clusters: ARN, name, status and ECS's lower-case tags")
    func clusters() throws {
        let shop = try #require(inv.ecsClusters.first)
        #expect(inv.ecsClusters.count == 1 && shop.name == "shop" && shop.status == "ACTIVE" && shop.tags == ["team": "shop"])
        #expect(shop.scope == ResourceScope(account: "111111111111", region: "us-east-1"))
    }

    @Test("describe-services: awsvpc placement, assignPublicIp, load balancers; a service without its own networkConfiguration takes its primary deployment's")
    func services() throws {
        let api = try #require(inv.ecsServices.first { $0.name == "public-api" })
        #expect(api.network == AwsvpcConfiguration(subnetIds: ["subnet-pub-a"], securityGroupIds: ["sg-api"], assignPublicIp: true))
        #expect(api.runningCount == 0 && api.launchType == "FARGATE" && api.tags == ["team": "api"])
        let backend = try #require(inv.ecsServices.first { $0.name == "todoapp-backend" })
        #expect(backend.network == AwsvpcConfiguration(subnetIds: ["subnet-app-a"], securityGroupIds: ["sg-backend"], assignPublicIp: false))
        #expect(backend.loadBalancers.map(\.containerPort) == [8000] && backend.loadBalancers.first?.containerName == "backend")
        #expect(backend.taskDefinitionArn == "arn:aws:ecs:us-east-1:111111111111:task-definition/todoapp-backend:4")
        #expect(backend.clusterArn == "arn:aws:ecs:us-east-1:111111111111:cluster/shop")
        // Service Connect: the backend serves `api` as backend.shop:80; the frontend is a client only.
        #expect(backend.serviceConnect?.services.first?.clientAliases == [ServiceConnectAlias(port: 80, dnsName: "backend.shop")])
        #expect(inv.ecsServices.first { $0.name == "todoapp-frontend" }?.serviceConnect?.services == [])
    }

    @Test("describe-tasks: the ElasticNetworkInterface attachment, the service from group, RunTask's role override")
    func tasks() throws {
        let frontend = try #require(inv.ecsTasks.first { $0.shortId == "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0" })
        #expect(frontend.serviceName == "todoapp-frontend" && frontend.networkInterfaceId == "eni-frontend")
        #expect(frontend.privateIp == "10.0.11.20" && frontend.subnetId == "subnet-app-a" && frontend.isRunning)
        let report = try #require(inv.ecsTasks.first { $0.group == "family:report" })
        #expect(report.serviceName == nil && report.taskRoleOverride == "arn:aws:iam::111111111111:role/report-override-role")
        #expect(report.containerOverrides?.first?.environmentVariableNames == ["REPORT_API_TOKEN", "REPORT_DAY"])
        #expect(!(inv.ecsTasks.first { $0.lastStatus == "STOPPED" }?.isRunning ?? true))
    }

    @Test("describe-task-definition and a taskDefinitions list: mode, roles, containers, port mappings, secrets by name")
    func taskDefinitions() throws {
        let backend = try #require(inv.ecsTaskDefinitions.first { $0.family == "todoapp-backend" })
        #expect(backend.revision == 4 && backend.networkMode == "awsvpc" && backend.taskRoleArn?.hasSuffix("role/backend-task-role") == true)
        let container = try #require(backend.containers.first)
        #expect(container.name == "backend" && container.portMappings == [PortMapping(containerPort: 8000, hostPort: 8000, protocolName: "tcp", name: "api")])
        #expect(container.secretNames == ["API_KEY"] && container.environmentVariableNames.count == 5)
        #expect(inv.ecsTaskDefinitions.contains { $0.family == "report" && $0.taskRoleArn?.hasSuffix("role/report-role") == true })
    }

    @Test("a task's interface is owned by the task; without describe-tasks it is still known as an ECS task interface")
    func interfaceOwners() throws {
        let eni = try #require(inv.networkInterfaces.first { $0.id == "eni-frontend" })
        #expect(eni.owner == .ecsTask("arn:aws:ecs:us-east-1:111111111111:task/shop/f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0"))
        let alone = try Importer().importPaths([Fixtures.path("ecs-workloads/111111111111/us-east-1/network-interfaces.json")])
        let owner = alone.inventory.networkInterfaces.first { $0.id == "eni-frontend" }?.owner
        #expect(owner == .other("ECS task interface (attachment aaaa1111-frontend)"))
    }

    @Test("EKS list-clusters (names) is not taken for ECS describe-clusters")
    func eksListClusters() throws {
        let r = try Self.importing(#"{"clusters": ["shop", "internal"]}"#)
        #expect(r.inventory.ecsClusters.isEmpty && r.rawDocuments.first?.kind == "unrecognized")
    }

    @Test("bad ECS shapes stop the import naming the file and member", arguments: [
        (#"{"services": [{"serviceArn": "arn:aws:ecs:r:1:service/c/s", "networkConfiguration": {"awsvpcConfiguration": {"assignPublicIp": "MAYBE"}}}], "failures": []}"#,
         "doc.json: services[0].networkConfiguration.awsvpcConfiguration.assignPublicIp: 'MAYBE' is not ENABLED or DISABLED"),
        (#"{"services": [{"serviceArn": "arn:aws:ecs:r:1:service/c/s", "loadBalancers": [{"containerPort": 70000}]}], "failures": []}"#,
         "doc.json: services[0].loadBalancers[0].containerPort: 70000 is not a port (0-65535)"),
        (#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:r:1:task-definition/f:1", "containerDefinitions": [{"name": "a", "portMappings": [{"containerPort": -1}]}]}}"#,
         "doc.json: taskDefinition.containerDefinitions[0].portMappings[0].containerPort: -1 is not a port (0-65535)"),
        (#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:r:1:task-definition/f:1", "containerDefinitions": [{"name": "a", "portMappings": [{"containerPort": 80, "protocol": "sctp"}]}]}}"#,
         "doc.json: taskDefinition.containerDefinitions[0].portMappings[0].protocol: 'sctp' is not tcp or udp"),
        (#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:r:1:task-definition/f:1", "containerDefinitions": [{"portMappings": []}]}}"#,
         "doc.json: taskDefinition.containerDefinitions[0] has no name"),
        (#"{"tasks": [{"taskArn": "arn:aws:ecs:r:1:task/c/t", "attachments": [{"type": "ElasticNetworkInterface", "details": [{"name": "privateIPv4Address", "value": "10.0.0.999"}]}]}], "failures": []}"#,
         "doc.json: tasks[0].attachments[0].details[0].value: '10.0.0.999' is not an IPv4 address"),
        (#"{"tasks": [{"clusterArn": "arn:aws:ecs:r:1:cluster/c"}], "failures": []}"#, "doc.json: tasks[0] has no taskArn"),
        (#"{"clusters": [{"clusterArn": 7}], "failures": []}"#, "doc.json: clusters[0].clusterArn should be a string but is a number"),
        (#"{"serviceArns": "arn:aws:ecs:r:1:service/c/s"}"#, "doc.json: serviceArns should be an array but is a string"),
        (#"{"containerInstances": [{"containerInstanceArn": "arn:aws:ecs:r:1:container-instance/c/1", "ec2InstanceId": "web"}], "failures": []}"#,
         "doc.json: containerInstances[0].ec2InstanceId: 'web' is not an EC2 instance ID"),
        (#"{"containerInstances": [{"containerInstanceArn": "arn:aws:ecs:r:1:container-instance/c/1", "runningTasksCount": -1}], "failures": []}"#,
         "doc.json: containerInstances[0].runningTasksCount: -1 is not a task count"),
        (#"{"containerInstances": [{"ec2InstanceId": "i-1"}], "failures": []}"#, "doc.json: containerInstances[0] has no containerInstanceArn"),
        (#"{"services": [{"serviceArn": "arn:aws:ecs:r:1:service/c/s", "deployments": [{"status": "PRIMARY", "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "api", "clientAliases": [{"port": 0}]}]}}]}], "failures": []}"#,
         "doc.json: services[0].deployments[0].serviceConnectConfiguration.services[0].clientAliases[0].port: 0 is not a port (1-65535)"),
        (#"{"services": [{"serviceArn": "arn:aws:ecs:r:1:service/c/s", "deployments": [{"status": "PRIMARY", "serviceConnectConfiguration": {"enabled": true, "services": [{"clientAliases": []}]}}]}], "failures": []}"#,
         "doc.json: services[0].deployments[0].serviceConnectConfiguration.services[0] has no portName"),
    ])
    func badShapes(json: String, message: String) {
        #expect { try Self.importing(json) } throws: { ($0 as? ImportError)?.description == message }
    }

    @Test("Amazon ECS API Reference, PortMapping: a containerPortRange is the range of ports; a malformed one names the member")
    func portRange() throws {
        let r = try Self.importing(#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:r:1:task-definition/f:1", "containerDefinitions": [{"name": "a", "portMappings": [{"containerPortRange": "8000-8010"}]}]}}"#)
        #expect(r.inventory.warnings.isEmpty)
        let mapping = try #require(r.inventory.ecsTaskDefinitions.first?.containers.first?.portMappings.first)
        #expect(mapping.containerPort == 8000 && mapping.containerPortEnd == 8010 && mapping.portText == "8000-8010")
        for bad in ["8010-8000", "80-", "0-10", "8000-70000", "web"] {
            let json = #"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:r:1:task-definition/f:1", "containerDefinitions": [{"name": "a", "portMappings": [{"containerPortRange": "RANGE"}]}]}}"#
            #expect(throws: ImportError.self) { try Self.importing(json.replacingOccurrences(of: "RANGE", with: bad)) }
        }
    }

    @Test("Amazon ECS API Reference, DescribeContainerInstances: the EC2 host, status and cluster from the long ARN format; an old-format ARN takes its tasks' cluster")
    func containerInstances() throws {
        let long = "arn:aws:ecs:us-east-1:1:container-instance/legacy/4b6d45ea"
        let old = "arn:aws:ecs:us-east-1:1:container-instance/0d4c2b8e"
        let r = try Importer().importFiles([
            InputFile(displayPath: "ci.json", account: nil, region: nil, baseName: "ci.json", contents: Array("""
                {"containerInstances": [{"containerInstanceArn": "\(long)", "ec2InstanceId": "i-0a1", "status": "DRAINING", "agentConnected": true, "runningTasksCount": 2},
                                        {"containerInstanceArn": "\(old)", "ec2InstanceId": "i-0b2", "status": "ACTIVE"}], "failures": []}
                """.utf8)),
            InputFile(displayPath: "tasks.json", account: nil, region: nil, baseName: "tasks.json", contents: Array("""
                {"tasks": [{"taskArn": "arn:aws:ecs:us-east-1:1:task/t1", "clusterArn": "arn:aws:ecs:us-east-1:1:cluster/old", "lastStatus": "RUNNING", "containerInstanceArn": "\(old)"}], "failures": []}
                """.utf8)),
        ])
        let hosts = r.inventory.ecsContainerInstances.sorted { ($0.ec2InstanceId ?? "") < ($1.ec2InstanceId ?? "") }
        #expect(hosts.map(\.ec2InstanceId) == ["i-0a1", "i-0b2"])
        #expect(hosts.map(\.clusterArn) == ["arn:aws:ecs:us-east-1:1:cluster/legacy", "arn:aws:ecs:us-east-1:1:cluster/old"])
        #expect(hosts.map(\.acceptsTasks) == [false, true] && hosts[0].runningTasksCount == 2 && hosts[0].agentConnected == true)
        #expect(Set(r.rawDocuments.map(\.kind)).isSuperset(of: ["containerInstances"]))
        #expect(try Self.importing(#"{"containerInstanceArns": ["\#(long)"]}"#).inventory.warnings.isEmpty)
    }

    @Test("Amazon ECS API Reference, ServiceConnectConfiguration: the primary deployment's aliases when enabled; a disabled one is none")
    func serviceConnect() throws {
        let doc = #"{"services": [{"serviceArn": "arn:aws:ecs:r:1:service/c/backend", "deployments": [{"status": "ACTIVE", "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "old"}]}}, {"status": "PRIMARY", "serviceConnectConfiguration": {"enabled": ENABLED, "namespace": "shop", "services": [{"portName": "api", "discoveryName": "backend", "ingressPortOverride": 15000, "clientAliases": [{"port": 80, "dnsName": "backend.shop"}]}]}}]}], "failures": []}"#
        let on = try #require(try Self.importing(doc.replacingOccurrences(of: "ENABLED", with: "true")).inventory.ecsServices.first?.serviceConnect)
        #expect(on == ServiceConnectConfiguration(namespace: "shop", services: [
            ServiceConnectService(portName: "api", discoveryName: "backend", ingressPortOverride: 15000, clientAliases: [ServiceConnectAlias(port: 80, dnsName: "backend.shop")])]))
        #expect(try Self.importing(doc.replacingOccurrences(of: "ENABLED", with: "false")).inventory.ecsServices.first?.serviceConnect == nil)
        let named = try Self.importing(#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:r:1:task-definition/f:1", "containerDefinitions": [{"name": "a", "portMappings": [{"containerPort": 8000, "name": "api"}]}]}}"#)
        #expect(named.inventory.ecsTaskDefinitions.first?.containers.first?.portMappings.first?.name == "api")
    }
}
