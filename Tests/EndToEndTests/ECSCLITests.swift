import Foundation
import Testing

/// The built binary on the todo-ecs sample (seed 002: the CloudFormation Todo app on ECS Fargate behind an ALB).
@Suite("ECS end to end on snapshots/todo-ecs")
struct ECSCLITests {
    static let sample = CLIRunner.packageRoot.appendingPathComponent("snapshots/todo-ecs").path
    static let policy = CLIRunner.packageRoot.appendingPathComponent("policies/todo-ecs.yaml").path

    private func snapshot() throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let db = dir.appendingPathComponent("todo.db").path
        let imported = try CLIRunner.run(["import", Self.sample, "--out", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 ecs_services, 4 ecs_tasks, 2 ecs_task_definitions"), "\(imported.stdout)")
        #expect(!imported.stderr.contains("not a recognised"), "\(imported.stderr)")
        return (dir, db)
    }

    @Test("internet → todoapp-backend:8000 answers through todoapp-alb, listener tcp/80 (HTTP): rule /api/* (priority 100)")
    func backendThroughRule() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = try CLIRunner.run(["query", db, "--from", "internet", "--to", "todoapp-backend", "--port", "8000"])
        #expect(q.status == 1, "\(q.stdout)\(q.stderr)")
        #expect(q.stdout.contains("reaches todoapp-backend through load balancer todoapp-alb, listener tcp/80 (HTTP): rule /api/* (priority 100) → target tcp/8000"), "\(q.stdout)")
        #expect(q.stdout.contains("listener tcp/443 (HTTPS) does not forward to todoapp-backend-tg"))
        #expect(!q.stdout.contains("eni-"), "answers name the service, never a bare interface: \(q.stdout)")
    }

    @Test("matrix and query by service name: frontend reaches the database too (the seed's one task security group)")
    func matrixByService() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = try CLIRunner.run(["matrix", db])
        let rows = m.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("todoapp-frontend todoapp-postgres tcp/5432") && rows.contains("todoapp-backend todoapp-postgres tcp/5432"), "\(m.stdout)")
        #expect(rows.contains("internet todoapp-backend - via todoapp-alb"), "\(m.stdout)")
        let q = try CLIRunner.run(["query", db, "--from", "ecs-service:todoapp-frontend", "--to", "rds", "--port", "5432", "--format", "json"])
        #expect(q.status == 0 && q.stdout.contains("\"from\" : \"todoapp-frontend\""), "\(q.stdout)\(q.stderr)")
    }

    @Test("scan: the backend's DATABASE_URL is a critical plain-text credential, its value never printed")
    func scanSecrets() throws {
        let scan = try CLIRunner.run(["scan", Self.sample, "--policy", Self.policy, "--fail-on", "none", "--format", "json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("plaintext-secret-in-environment") && scan.stdout.contains("the workload reaches todoapp-postgres on tcp/5432"))
        #expect(!scan.stdout.contains("sample-only-not-a-password") && !scan.stderr.contains("sample-only-not-a-password"))
        #expect(scan.stdout.contains("intent only-backend-reaches-db: frontend reaches db on tcp/5432"))
    }

    @Test("AWS \"Amazon ECS Service Connect\": a query to a client alias is asked on the port the server task receives on")
    func serviceConnectAlias() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("workloads.db").path
        let fixture = CLIRunner.packageRoot.appendingPathComponent("Tests/AWSImportTests/Fixtures/ecs-workloads").path
        #expect(try CLIRunner.run(["import", fixture, "--out", db]).status == 0)
        let q = try CLIRunner.run(["query", db, "--from", "todoapp-frontend", "--to", "backend.shop", "--port", "80"])
        #expect(q.status == 1, "the backend's group admits 8000 from the ALB only: \(q.stdout)\(q.stderr)")
        #expect(q.stdout.contains("Service Connect: backend.shop:80 is served on ECS service todoapp-backend's port 8000"), "\(q.stdout)")
        #expect(q.stdout.contains("8000") && q.stdout.contains("sg-backend"), "\(q.stdout)")
    }
}
