import Foundation
import Testing

/// The built binary on seed 001, the ECS micro-blog, before deploy (fixture `micro-blog.yaml`): a React frontend and a
/// Flask backend on Fargate with public IPs behind an ALB, Service Connect between them, RDS PostgreSQL open to one
/// developer address, a post-confirmation Lambda in the VPC.
@Suite("Seed 001 micro-blog end to end")
struct MicroBlogCLITests {
    static let template = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/micro-blog.yaml").path

    private func snapshot() throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let db = dir.appendingPathComponent("blog.db").path
        let imported = try CLIRunner.run(["import", Self.template, "--out", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 ecs_services, 2 ecs_task_definitions"), "\(imported.stdout)")
        return (dir, db)
    }

    private static func rows(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }

    @Test("services by name: frontend → backend-flask:4567 through the Service Connect alias and by service name; the tasks' public IPs admit nothing from the internet")
    func byServiceName() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = try CLIRunner.run(["matrix", db])
        let rows = Self.rows(m.stdout)
        #expect(rows.contains("frontend-react-js backend-flask tcp/4567"), "\(m.stdout)")
        #expect(rows.contains("internet backend-flask - via microblog-alb") && rows.contains("internet frontend-react-js - via microblog-alb"), "\(m.stdout)")
        #expect(rows.contains("microblog-post-confirmation microblog-db tcp/5432"), "\(m.stdout)")
        for target in ["backend-flask", "ecs-service:backend-flask"] {
            let q = try CLIRunner.run(["query", db, "--from", "frontend-react-js", "--to", target, "--port", "4567"])
            #expect(q.status == 0, "\(target): \(q.stdout)\(q.stderr)")
            #expect(q.stdout.contains("inbound tcp/4567 from sg-ServiceSecurityGroup"), "\(q.stdout)")
        }
        let direct = try CLIRunner.run(["query", db, "--from", "internet", "--to", "backend-flask", "--port", "4567"])
        #expect(direct.status == 1, "\(direct.stdout)")
        #expect(direct.stdout.contains("listener tcp/443 (HTTPS): rule host api.microblog.example.com (priority 10) → target tcp/4567"), "\(direct.stdout)")
        // The template declares every rule: the HTTP listener's redirect is known, not an uncaptured gap.
        #expect(direct.stdout.contains("listener tcp/80 (HTTP) does not forward to microblog-backend-tg") && !direct.stdout.contains("not captured"), "\(direct.stdout)")
        // Nothing is deployed: the tasks and the load balancer have no address yet, and none is invented.
        #expect(direct.stdout.contains("backend-flask [in subnet-PublicSubnetA] sees microblog-alb's private address in subnet-PublicSubnetA"), "\(direct.stdout)")
        #expect(direct.stdout.range(of: #"10\.0\.[12]\.\d+[^\d/]"#, options: .regularExpression) == nil, "\(direct.stdout)")
    }

    @Test("scan: the database graded by who reaches it (one /32 is no 'internet'); star-only task-role actions and secrets from SSM raise nothing")
    func scan() throws {
        let scan = try CLIRunner.run(["scan", Self.template, "--fail-on", "none"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("[HIGH] microblog-db is publicly accessible and its port 5432 is reachable from 1 address (198.51.100.23/32)"), "\(scan.stdout)")
        #expect(scan.stdout.contains("[LOW] tcp/5432 (PostgreSQL) on microblog-db is reachable from 1 address (198.51.100.23/32)"), "\(scan.stdout)")
        #expect(!scan.stdout.contains("CRITICAL"), "\(scan.stdout)")
        // ssmmessages:* and xray:Put* support only "Resource": "*" (AWS Service Authorization Reference): not broad.
        #expect(!scan.stdout.contains("exposed-workload-role") && !scan.stdout.contains("iam-write-on-all-resources"), "\(scan.stdout)")
        #expect(!scan.stdout.contains("plaintext-secret-in-environment"), "CONNECTION_URL comes from SSM: \(scan.stdout)")
    }

    @Test("trusted_ranges: the developer's address expected, the database is only publicly accessible")
    func trustedDeveloper() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("policy.yaml")
        try "trusted_ranges: [198.51.100.23/32]\n".write(to: policy, atomically: true, encoding: .utf8)
        let scan = try CLIRunner.run(["scan", Self.template, "--policy", policy.path, "--fail-on", "none"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("[HIGH] microblog-db is publicly accessible\n"), "\(scan.stdout)")
        #expect(!scan.stdout.contains("reachable from 1 address"), "\(scan.stdout)")
    }
}
