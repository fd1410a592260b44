import NetModel
import Reachability
import Testing
@testable import Policy

/// Which role each workload's code acts as.
@Suite("Workload identity")
struct WorkloadIdentityTests {
    static let scope = ResourceScope(account: "123456789012", region: "us-east-1")

    static func inventory() -> Inventory {
        var inv = Inventory()
        inv.ecsTaskDefinitions = [ECSTaskDefinition(id: "td:1", scope: scope, family: "api", revision: 1,
                                                    taskRoleArn: "arn:aws:iam::123456789012:role/app/api-task", executionRoleArn: "arn:aws:iam::123456789012:role/exec")]
        inv.ecsServices = [ECSService(id: "svc-arn", scope: scope, name: "api", clusterArn: "c", taskDefinitionArn: "td:1")]
        inv.ecsTasks = [ECSTask(id: "arn:aws:ecs:us-east-1:123456789012:task/c/abc123", scope: scope, clusterArn: "c", taskDefinitionArn: "td:1",
                                group: "family:api", taskRoleOverride: "arn:aws:iam::123456789012:role/batch")]
        inv.lambdaFunctions = [LambdaFunction(id: "fn", scope: scope, roleArn: "arn:aws:iam::123456789012:role/fn-role")]
        return inv
    }

    static func endpoint(_ kind: Endpoint.Kind, _ resource: String) -> Endpoint {
        Endpoint(id: "eni-1", kind: kind, resourceId: resource, name: resource, vpcId: "vpc-1", subnetId: "subnet-1", securityGroupIds: [],
                 privateAddresses: [], interfaceId: "eni-1", tags: [:])
    }

    @Test("an ECS service acts as its task definition's task role; the execution role is a use, not the workload's identity")
    func serviceTaskRole() {
        let identity = WorkloadIdentity(Self.inventory())
        #expect(identity.binding(for: Self.endpoint(.ecsTask, "api")) == .init(roleName: "api-task", how: "task role"))
        #expect(identity.usesByRole["exec"]?.map(\.actsAs) == [false])
        #expect(identity.roleName(forWorkload: "api") == "api-task")
    }

    @Test("RunTask's taskRoleArn override wins over the definition's role for a standalone task")
    func runTaskOverride() {
        let identity = WorkloadIdentity(Self.inventory())
        #expect(identity.binding(for: Self.endpoint(.ecsTask, "abc123"))?.roleName == "batch")
    }

    @Test("a Lambda function acts as its execution role")
    func lambdaRole() {
        let identity = WorkloadIdentity(Self.inventory())
        #expect(identity.binding(for: Self.endpoint(.lambda, "fn"))?.roleName == "fn-role")
        #expect(identity.binding(for: Self.endpoint(.database, "fn")) == nil)
    }
}
