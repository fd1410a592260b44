import AWSImport
import Findings
import Foundation
import NetModel
import Policy
import Reachability
import Testing
@testable import Graph

/// The workshop sample's tier graph, as DOT and Mermaid.
@Suite("Tier graph of the workshop sample")
struct WorkshopGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The workshop graph with default tiers (one per workload) and the policy engine's findings.
    static func workshop(policy path: String? = nil) throws -> TierGraph {
        let inventory = try Importer().importPaths([root.appendingPathComponent("snapshots/workshop").path]).inventory
        let policy = try path.map { try PolicyFile.load(root.appendingPathComponent($0).path) } ?? PolicyFile()
        let result = try RuleEngine.scan(inventory, policy: policy, source: "test", today: "2026-11-23")
        let solver = Solver(inventory: inventory)
        let tiers = policy.tiers.tiers.isEmpty ? solver.defaultTiers() : try solver.tiers(policy.tiers.tiers)
        return GraphBuilder(inventory: inventory, findings: result.findings).build(tiers: tiers, matrix: solver.matrix(tiers))
    }

    static func id(_ graph: TierGraph, _ name: String) throws -> String {
        try #require(graph.node(named: name), "no node \(name)").id
    }

    @Test("DOT: internet → ALB:80 → app:5000 → RDS:3306 and bastion → app:22")
    func dotFlows() throws {
        let g = try Self.workshop()
        let dot = DOTRenderer().render(g)
        let (internet, alb, app, db, bastion) = (try Self.id(g, "internet"), try Self.id(g, "demo-app-alb"),
                                                 try Self.id(g, "demo-app-asg"), try Self.id(g, "my-demo-db"), try Self.id(g, "demo-app-bastion-host"))
        #expect(dot.hasPrefix("digraph netaudit {"))
        #expect(dot.contains("\(internet) -> \(alb) [xlabel=\"tcp/80\""))
        #expect(dot.contains("\(alb) -> \(app) [xlabel=\"tcp/5000\""))
        #expect(dot.contains("\(app) -> \(db) [xlabel=\"tcp/3306\""))
        #expect(dot.contains("\(bastion) -> \(app) [xlabel=\"tcp/22\""))
        // The app is reachable from the internet only through the ALB: a dashed edge.
        #expect(dot.contains("\(internet) -> \(app) [xlabel=\"via demo-app-alb\", style=dashed"))
        // Outbound flows to the internet are left out by default.
        #expect(!dot.contains("-> \(internet) "))
    }

    @Test("Mermaid: the same flows, the via-ALB edge dotted")
    func mermaidFlows() throws {
        let g = try Self.workshop()
        let text = MermaidRenderer().render(g)
        let (internet, alb, app, db, bastion) = (try Self.id(g, "internet"), try Self.id(g, "demo-app-alb"),
                                                 try Self.id(g, "demo-app-asg"), try Self.id(g, "my-demo-db"), try Self.id(g, "demo-app-bastion-host"))
        #expect(text.hasPrefix("flowchart LR\n"))
        #expect(text.contains("\(internet) -->|\"tcp/80\"| \(alb)\n"))
        #expect(text.contains("\(alb) -->|\"tcp/5000\"| \(app)\n"))
        #expect(text.contains("\(app) -->|\"tcp/3306\"| \(db)\n"))
        #expect(text.contains("\(bastion) -->|\"tcp/22\"| \(app)\n"))
        #expect(text.contains("\(internet) -.->|\"via demo-app-alb\"| \(app)\n"))
        #expect(text.contains("\(db)[(\"my-demo-db<br/>database\")]"))
    }

    @Test("the two world-open instances are red, their internet edges too; the ALB is not")
    func worldOpenInRed() throws {
        let g = try Self.workshop()
        let dot = DOTRenderer().render(g)
        let mermaid = MermaidRenderer().render(g)
        let internet = try Self.id(g, "internet")
        for name in ["demo-app-bastion-host", "demo-app-test-ami-builder"] {
            let node = try #require(g.node(named: name))
            #expect(node.isCritical)
            #expect(dot.contains("\(node.id) [label=\(DOTRenderer.quote(name + "\ninstance")), tooltip=") && dot.contains("color=\"#d62728\", fillcolor=\"#fde2e1\""))
            let edge = try #require(g.edges.firstIndex { $0.from == internet && $0.to == node.id })
            #expect(g.edges[edge].highlight == .critical)
            #expect(mermaid.contains("class \(node.id) critical\n"))
            #expect(mermaid.contains("linkStyle \(edge) stroke:#d62728"))
        }
        #expect(g.edges.first { $0.from == internet && $0.to == g.node(named: "demo-app-test-ami-builder")?.id }?.label == "tcp/22,5000")
        let alb = try #require(g.node(named: "demo-app-alb"))
        #expect(!alb.isCritical)
        #expect(g.edges.first { $0.from == internet && $0.to == alb.id }?.highlight == nil)
        #expect(g.nodes.filter(\.isCritical).count == 2)
    }

    @Test("the public frontend bucket is connected from the internet; the private one is not")
    func buckets() throws {
        let g = try Self.workshop()
        let internet = try Self.id(g, "internet")
        let front = try #require(g.node(named: "demo-app-frontend-s3-bucket-6789"))
        let back = try #require(g.node(named: "demo-app-backend-s3-bucket-1234"))
        #expect(front.kind == .bucket && front.placement == .storage)
        #expect(g.edges.contains { $0.from == internet && $0.to == front.id && $0.label == "public read" && $0.highlight == .high })
        #expect(!g.edges.contains { $0.to == back.id })
        #expect(DOTRenderer().render(g).contains("subgraph \"cluster_s3\""))
    }

    @Test("clusters: the VPC, then public subnets (ALB, bastion, builder) and private ones (app, RDS)")
    func clusters() throws {
        let g = try Self.workshop()
        #expect(g.vpcs.map(\.label) == ["demo-app-vpc (vpc-04c919898aa43ecbc)"])
        func placement(_ name: String) -> TierGraph.Placement? { g.node(named: name)?.placement }
        let vpc = "vpc-04c919898aa43ecbc"
        for name in ["demo-app-alb", "demo-app-bastion-host", "demo-app-test-ami-builder"] {
            #expect(placement(name) == .subnet(vpcId: vpc, subnetClass: .public), "\(name)")
        }
        for name in ["demo-app-asg", "my-demo-db"] {
            #expect(placement(name) == .subnet(vpcId: vpc, subnetClass: .private), "\(name)")
        }
        #expect(placement("internet") == .top)
        let dot = DOTRenderer().render(g)
        #expect(dot.contains("subgraph \"cluster_vpc_0\" {\n    label=\"VPC demo-app-vpc (vpc-04c919898aa43ecbc)\""))
        #expect(dot.contains("subgraph \"cluster_vpc_0_public\" {\n      label=\"public subnets\""))
        #expect(dot.contains("subgraph \"cluster_vpc_0_private\" {\n      label=\"private subnets\""))
        #expect(!dot.contains("cluster_vpc_0_isolated"))
        let mermaid = MermaidRenderer().render(g)
        #expect(mermaid.contains("subgraph vpc0[\"VPC demo-app-vpc (vpc-04c919898aa43ecbc)\"]"))
        #expect(mermaid.contains("subgraph vpc0_public[\"public subnets\"]"))
        #expect(mermaid.contains("subgraph vpc0_private[\"private subnets\"]"))
    }

    @Test("the policy file's tiers name the nodes: internet → web:80 → app:5000 → db:3306, admin → app:22")
    func policyTiers() throws {
        let g = try Self.workshop(policy: "policies/workshop.yaml")
        func edge(_ a: String, _ b: String) -> String? {
            g.edges.first { $0.from == g.node(named: a)?.id && $0.to == g.node(named: b)?.id }?.label
        }
        #expect(edge("internet", "web") == "tcp/80")
        #expect(edge("web", "app") == "tcp/5000")
        #expect(edge("app", "db") == "tcp/3306")
        #expect(edge("admin", "app") == "tcp/22")
        #expect(g.nodes.filter(\.isCritical).map(\.name).sorted() == ["admin", "builder"])
    }
}
