import Findings
import NetModel
import Testing
@testable import Policy

/// AWS "Pass sensitive data to an Amazon ECS container": credentials belong in `secrets` (valueFrom), not `environment`.
@Suite("Credentials in plain environments")
struct PlaintextSecretInEnvironmentTests {
    static let db = "my-demo-db.c66qvyoujzwv.us-east-1.rds.amazonaws.com"

    /// The workshop's Lambda placed in the app subnets with the given security group, holding a MySQL URL with a password.
    static func workshopLambda(group: String, variable: String = "DATABASE_URL") throws -> Inventory {
        var inv = try WorkshopScanTests.sample("workshop")
        let i = try #require(inv.lambdaFunctions.firstIndex { $0.id == "demo-app-metadata-lambda" })
        inv.lambdaFunctions[i].vpcId = inv.dbInstances[0].vpcId
        inv.lambdaFunctions[i].subnetIds = ["subnet-03708c5adbc8dbfe7"]
        inv.lambdaFunctions[i].securityGroupIds = [group]
        inv.lambdaFunctions[i].plainSecrets = [PlainSecret(variable: variable, reason: .urlWithPassword, scheme: "mysql", host: db, port: 3306)]
        return inv
    }

    @Test("a MySQL URL with a password, in a function that reaches that database on 3306, is critical")
    func reachableDatastoreIsCritical() throws {
        // demo-app-lt-asg-sg is the app tier: the DB security group admits it on 3306.
        let result = try WorkshopScanTests.scan(try Self.workshopLambda(group: "sg-0e99967c84f8ac8d3"))
        let f = try #require(result.findings.first { $0.ruleId == "plaintext-secret-in-environment" })
        #expect(f.severity == .critical)
        #expect(f.resource.kind == "lambda-function" && f.resource.name == "demo-app-metadata-lambda")
        #expect(f.evidence.contains { $0.contains("the workload reaches my-demo-db on tcp/3306") }, "\(f.evidence)")
        #expect(f.evidence[0].contains("a mysql URL with a password for \(Self.db):3306 (value not stored)"))
        #expect(f.fix.cli?.contains("aws secretsmanager create-secret") == true)
    }

    @Test("the same credential in a function the database does not admit is high, saying so")
    func unreachableDatastoreIsHigh() throws {
        // The bastion's group is not admitted by the DB security group.
        let result = try WorkshopScanTests.scan(try Self.workshopLambda(group: "sg-0d02a1f60f45f2d07"))
        let f = try #require(result.findings.first { $0.ruleId == "plaintext-secret-in-environment" })
        #expect(f.severity == .high)
        #expect(f.evidence.contains { $0.contains("does not reach my-demo-db on tcp/3306") })
    }

    @Test("a container's plain secret is reported on its task definition, naming the container and the services using it")
    func taskDefinitionSecret() throws {
        var inv = try WorkshopScanTests.sample("workshop")
        let scope = inv.vpcs[0].scope
        inv.ecsTaskDefinitions = [ECSTaskDefinition(id: "arn:aws:ecs:us-east-1:123456789012:task-definition/todoapp-backend:3", scope: scope,
                                                    family: "todoapp-backend", revision: 3, networkMode: "awsvpc", containers: [
            ContainerDefinition(name: "backend", environmentVariableNames: ["API_TOKEN"], plainSecrets: [PlainSecret(variable: "API_TOKEN", reason: .secretName)])])]
        inv.ecsServices = [ECSService(id: "arn:aws:ecs:us-east-1:123456789012:service/c/todoapp-backend", scope: scope, name: "todoapp-backend",
                                      clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/c",
                                      taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/todoapp-backend:3")]
        let result = try WorkshopScanTests.scan(inv)
        let f = try #require(result.findings.first { $0.ruleId == "plaintext-secret-in-environment" })
        #expect(f.severity == .high && f.resource.name == "todoapp-backend:3")
        #expect(f.title == "API_TOKEN in container backend of task definition todoapp-backend:3 holds a credential in plain text")
        #expect(f.evidence.contains("used by ECS service todoapp-backend"))
        #expect(f.fix.terraform?.contains("valueFrom = aws_secretsmanager_secret.api_token.arn") == true)
    }

    @Test("no plain secret, no finding")
    func noSecret() throws {
        let result = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"))
        #expect(!result.findings.contains { $0.ruleId == "plaintext-secret-in-environment" })
    }
}
