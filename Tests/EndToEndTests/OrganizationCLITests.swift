import Foundation
import Testing
import PostgresTestSupport

/// Issue 16's "done when", run as a user would: an organization of 20 member accounts in moto captured with
/// `netaudit snapshot --org` into a SQLite file and into a PostgreSQL store (a real server), then `inspect`
/// (accounts × regions), `scan`, `query` across two member accounts' peered VPCs and `diff` of a second capture
/// gating with `--fail-on`, on each store, with the same answers.
@Suite("netaudit snapshot --org on moto, both stores", .serialized)
struct OrganizationCLITests {
    struct Org: Decodable { var management: String, members: [String], vpcs: [String: String], peering: String }
    struct Workloads: Decodable { var instances: [String: String] }

    static let members = 20
    /// IAM left out: moto returns its 1,485 AWS managed policies in every account (~80% of the capture's time); the
    /// documents-once storage of an organization is `ManagedPolicyDocumentsTests`, the figures the README's.
    static let capture = ["--regions", "us-east-1", "--skip-services", "directconnect,iam", "--concurrency", "16", "-q"]

    @Test("20 member accounts: inspect, scan, query across accounts and a gating diff from one snapshot, on SQLite and PostgreSQL")
    func organizationOnBothStores() async throws {
        try await MotoServer.with { moto in
            let org = try JSONDecoder().decode(Org.self, from: Data(try moto.setup("org", String(Self.members), "us-east-1").utf8))
            let (a, b) = (org.members[0], org.members[1])
            let workloads = try JSONDecoder().decode(Workloads.self, from: Data(try moto.setup("org-workloads", a, b, org.peering).utf8))
            let (instanceA, instanceB) = (try #require(workloads.instances[a]), try #require(workloads.instances[b]))
            let env = motoEnvironment
            let folder = try CLIRunner.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let before = folder.appendingPathComponent("before.db").path, after = folder.appendingPathComponent("after.db").path
            try PostgresServer.with { pg in
                let store = ["--store", pg.url]
                // Each state captured into both stores at once (moto and the two writers share the cores).
                func snapshot(_ file: String, _ name: String) {
                    let runs = [["--out", file], ["--out", name] + store]
                    let results = Results(count: runs.count)
                    DispatchQueue.concurrentPerform(iterations: runs.count) { i in
                        results.set(i, Result { try CLIRunner.run(["snapshot", "--org", "--endpoint-url", moto.url] + runs[i] + Self.capture, environment: env) })
                    }
                    for (i, result) in results.all.enumerated() {
                        switch result {
                        case .success(let run): #expect(run.status == 0, "\(runs[i]): \(run.stderr)")
                        case .failure(let error): Issue.record("\(runs[i]): \(error)")
                        case nil: Issue.record("\(runs[i]): not run")
                        }
                    }
                }
                snapshot(before, "before")
                try moto.setup("org-expose", b, instanceB)
                snapshot(after, "after")

                for (name, flags) in [(before, [String]()), ("before", store)] {
                    // Accounts × regions: the management account and every member, one region.
                    let inspect = try CLIRunner.run(["inspect", name, "--format", "json"] + flags)
                    #expect(inspect.status == 0, "\(inspect.stderr)")
                    for account in [org.management] + org.members { #expect(inspect.stdout.contains(account), "\(name): \(account)") }
                    let text = try CLIRunner.run(["inspect", name] + flags).stdout
                    #expect(text.contains("Accounts × regions") && text.contains("us-east-1"))
                    #expect(text.split(separator: "\n").filter { $0.hasPrefix("  ") && org.members.contains(where: $0.contains) }.count >= Self.members)

                    // Across accounts: A's instance reaches B's on 5432 over the peering, not on 22.
                    let query = try CLIRunner.run(["query", name, "--from", instanceA, "--to", instanceB, "--port", "5432"] + flags)
                    #expect(query.status == 0, "\(name): \(query.stdout) \(query.stderr)")
                    #expect(query.stdout.contains(org.peering), "\(name): the path names the peering\n\(query.stdout)")
                    let ssh = try CLIRunner.run(["query", name, "--from", instanceA, "--to", instanceB, "--port", "22"] + flags)
                    #expect(ssh.status == 1, "\(name): \(ssh.stdout) \(ssh.stderr)")
                }
                // The same answers from both stores.
                #expect(try CLIRunner.run(["query", before, "--from", instanceA, "--to", instanceB]).stdout
                        == CLIRunner.run(["query", "before", "--from", instanceA, "--to", instanceB] + store).stdout)
                let scanFile = try CLIRunner.run(["scan", "--snapshot", after, "--format", "json", "--fail-on", "none"])
                let scanStore = try CLIRunner.run(["scan", "--snapshot", "after", "--format", "json", "--fail-on", "none"] + store)
                #expect(scanFile.status == 0 && scanStore.status == 0, "\(scanFile.stderr) \(scanStore.stderr)")
                #expect(scanFile.stdout.contains(instanceB), "the exposed instance is a finding")
                #expect(scanStore.stdout.replacingOccurrences(of: "\"after\"", with: "\"\(after)\"") == scanFile.stdout)

                // The diff gates on B's instance opened to SSH from the internet; unchanged, it passes.
                for (old, new, flags) in [(before, after, [String]()), ("before", "after", store)] {
                    let diff = try CLIRunner.run(["diff", old, new, "--fail-on", "high"] + flags)
                    #expect(diff.status == 1, "\(new): \(diff.stdout) \(diff.stderr)")
                    #expect(diff.stdout.contains(instanceB), "\(new): \(diff.stdout)")
                    #expect(try CLIRunner.run(["diff", new, new, "--fail-on", "high"] + flags).status == 0)
                }
            }
        }
    }
}

/// The concurrent captures' outcomes, by index.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<CLIRunner.Output, any Error>?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ result: Result<CLIRunner.Output, any Error>) { lock.lock(); items[i] = result; lock.unlock() }
    var all: [Result<CLIRunner.Output, any Error>?] { lock.lock(); defer { lock.unlock() }; return items }
}
