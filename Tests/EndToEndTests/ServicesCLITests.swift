import Foundation
import Testing

/// `netaudit import`, `query`, `matrix` and `scan` on managed services, by name (fixture `service-workloads`).
@Suite("managed services end to end")
struct ServicesCLITests {
    private func snapshot() throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let db = dir.appendingPathComponent("svc.db").path
        let imported = try CLIRunner.run(["import", CLIRunner.fixture("service-workloads"), "--out", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 eks_clusters") && imported.stdout.contains("3 opensearch_domains"), "\(imported.stdout)")
        return (dir, db)
    }

    @Test("query by service name: the EKS public endpoint, the cache by replication group, the Lambda interface that accepts nothing")
    func queries() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let eks = try CLIRunner.run(["query", db, "--from", "internet", "--to", "shop", "--port", "443"])
        #expect(eks.status == 0 && eks.stdout.contains("publicAccessCidrs"), "\(eks.stdout)\(eks.stderr)")
        let cache = try CLIRunner.run(["query", db, "can frontend reach carts:6379"])
        #expect(cache.status == 0 && cache.stdout.contains("sg-redis"), "\(cache.stdout)\(cache.stderr)")
        let fn = try CLIRunner.run(["query", db, "can frontend reach orders-api:443"])
        #expect(fn.status == 1 && fn.stdout.contains("Lambda function"), "\(fn.stdout)\(fn.stderr)")
    }

    @Test("scan reports the EKS public endpoint and the open OpenSearch domain; matrix has the service tiers")
    func scanAndMatrix() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scan = try CLIRunner.run(["scan", "--snapshot", db, "--format", "json"])
        #expect(scan.stdout.contains("eks-public-endpoint-open") && scan.stdout.contains("opensearch-open-access-policy"), "\(scan.stderr)")
        let matrix = try CLIRunner.run(["matrix", db])
        #expect(matrix.status == 0, "\(matrix.stderr)")
        let rows = matrix.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("internet hooks tcp/443") && rows.contains("frontend carts tcp/6379") && rows.contains("internet shop tcp/443"),
                "\(matrix.stdout)")
    }
}
