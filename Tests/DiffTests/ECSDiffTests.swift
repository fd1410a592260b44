import AWSImport
import Foundation
import NetModel
import Testing
@testable import Diff

/// ECS changes (fixture `ecs-workloads`): a service's placement and the task definition it runs, as one modification.
@Suite("ECS changes")
struct ECSDiffTests {
    let base: Inventory

    init() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSImportTests/Fixtures/ecs-workloads").path
        base = try Importer().importPaths([fixture]).inventory
    }

    @Test("assignPublicIp, security groups and subnets of a service; a new revision's task role, image and port on the service")
    func serviceEdits() throws {
        var new = base
        let s = try #require(new.ecsServices.firstIndex { $0.name == "todoapp-backend" })
        new.ecsServices[s].network = AwsvpcConfiguration(subnetIds: ["subnet-pub-a"], securityGroupIds: ["sg-api"], assignPublicIp: true)
        var revision = try #require(new.ecsTaskDefinitions.first { $0.family == "todoapp-backend" })
        revision.id = revision.id.replacingOccurrences(of: ":4", with: ":5")
        revision.revision = 5
        revision.taskRoleArn = "arn:aws:iam::111111111111:role/api-task-role"
        revision.containers[0].image = "backend:v5"
        revision.containers[0].portMappings = [PortMapping(containerPort: 9000, hostPort: 9000)]
        new.ecsTaskDefinitions.append(revision)
        new.ecsServices[s].taskDefinitionArn = revision.id
        let changes = ConfigDiff.compare(base, new)
        let service = try #require(changes.first { $0.kind == "ecs-service" })
        #expect(service.name == "todoapp-backend" && service.change == .modified)
        let details = service.details.joined(separator: "\n")
        for expected in ["assignPublicIp: DISABLED → ENABLED", "subnets: subnet-app-a → subnet-pub-a", "task definition: todoapp-backend:4 → todoapp-backend:5",
                         "task role: arn:aws:iam::111111111111:role/backend-task-role → arn:aws:iam::111111111111:role/api-task-role"] {
            #expect(details.contains(expected), "missing \(expected) in \(details)")
        }
        #expect(details.contains("image backend:v5, ports tcp/9000"), "\(details)")
        #expect(details.contains("security groups:"))
        #expect(changes.contains { $0.kind == "ecs-task-definition" && $0.name == "todoapp-backend:5" && $0.change == .added })
        #expect(!details.contains("fixture-"), "no secret value in a diff")
    }

    @Test("a task replaced by a deployment is no change")
    func tasksIgnored() {
        var new = base
        new.ecsTasks = new.ecsTasks.map { t in var t = t; t.id += "-next"; return t }
        #expect(ConfigDiff.compare(base, new).isEmpty)
    }

    @Test("a container instance draining, and one joining the cluster")
    func containerInstances() throws {
        var old = base
        let scope = try #require(base.ecsClusters.first).scope
        let cluster = "arn:aws:ecs:us-east-1:111111111111:cluster/shop"
        old.ecsContainerInstances = [ECSContainerInstance(id: "arn:aws:ecs:us-east-1:111111111111:container-instance/shop/1", scope: scope,
                                                          clusterArn: cluster, ec2InstanceId: "i-0a", status: "ACTIVE")]
        var new = old
        new.ecsContainerInstances[0].status = "DRAINING"
        new.ecsContainerInstances.append(ECSContainerInstance(id: "arn:aws:ecs:us-east-1:111111111111:container-instance/shop/2", scope: scope,
                                                              clusterArn: cluster, ec2InstanceId: "i-0b", status: "ACTIVE"))
        let changes = ConfigDiff.compare(old, new).filter { $0.kind == "ecs-container-instance" }
        #expect(changes.map(\.name).sorted() == ["i-0a", "i-0b"])
        #expect(changes.first { $0.name == "i-0a" }?.change == .modified && changes.first { $0.name == "i-0b" }?.change == .added)
        #expect(changes.first { $0.name == "i-0a" }?.details.contains("status: ACTIVE → DRAINING") == true, "\(changes)")
    }
}
