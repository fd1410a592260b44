import Findings
import NetModel
import Policy
import Reachability
import Testing
@testable import Graph

/// Resources shared by their policies are nodes, reached from `internet` (public) or from the accounts and
/// organizations they are shared with (IAM Access Analyzer User Guide, "Identifying resources shared with an
/// external entity").
@Suite("Resource policies in the tier graph")
struct ResourceAccessGraphTests {
    static let owner = "111111111111"
    static let scope = ResourceScope(account: owner, region: "eu-west-1")

    static func graph() throws -> TierGraph {
        var inv = Inventory()
        let open = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}"#
        let partner = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sns:Publish", "Resource": "*"}]}"#
        let own = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "kms:*", "Resource": "*"}]}"#
        inv.policyResources = [
            PolicyResource(id: "arn:aws:sqs:eu-west-1:\(owner):orders", kind: .sqsQueue, scope: scope, name: "orders", policy: open),
            PolicyResource(id: "arn:aws:sns:eu-west-1:\(owner):alerts", kind: .snsTopic, scope: scope, name: "alerts", policy: partner),
            PolicyResource(id: "arn:aws:kms:eu-west-1:\(owner):key/k1", kind: .kmsKey, scope: scope, name: "k1", policy: own),
        ]
        inv.sharedArtifacts = [SharedArtifact(id: "snap-1", kind: .ebsSnapshot, scope: scope, sharedWith: ["777788889999"])]
        let findings = try RuleEngine.scan(inv, policy: PolicyFile(), source: "test", today: "2026-12-02").findings
        let solver = Solver(inventory: inv)
        let tiers = solver.defaultTiers()
        return GraphBuilder(inventory: inv, findings: findings).build(tiers: tiers, matrix: solver.matrix(tiers))
    }

    @Test("a public queue gets an edge from the internet; a topic and a snapshot shared with accounts get edges from them; the key kept inside draws nothing")
    func edges() throws {
        let g = try Self.graph()
        let internet = try #require(g.nodes.first { $0.kind == .internet })
        let orders = try #require(g.node(named: "orders"))
        #expect(orders.kind == .sharedResource && orders.placement == .shared && orders.isCritical)
        #expect(g.edges.contains { $0.from == internet.id && $0.to == orders.id && $0.label == "public" && $0.highlight == .critical })
        let partner = try #require(g.node(named: "444455556666"))
        let alerts = try #require(g.node(named: "alerts"))
        #expect(partner.kind == .externalAccount && g.edges.contains { $0.from == partner.id && $0.to == alerts.id && $0.label == "shared" })
        let other = try #require(g.node(named: "777788889999"))
        #expect(g.edges.contains { $0.from == other.id && $0.to == g.node(named: "snap-1")?.id })
        #expect(g.node(named: "k1") == nil)
        let dot = DOTRenderer().render(g)
        #expect(dot.contains("cluster_shared") && dot.contains("shape=note"))
        #expect(MermaidRenderer().render(g).contains("subgraph shared[\"Shared by resource policy\"]"))
    }
}
