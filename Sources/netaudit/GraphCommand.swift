import ArgumentParser
import Findings
import Foundation
import Graph
import NetModel
import Policy
import Reachability
import Report
import SnapshotStore

/// `netaudit graph SNAP.db`: the tiers, the flows between them and what is exposed, as a picture.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw tiers and the flows between them (DOT, Mermaid, SVG or PNG), exposures in red.",
        discussion: """
            Nodes are the tiers (as for `netaudit matrix`) and the S3 buckets, grouped by VPC and subnet class \
            (public: default route to an internet gateway, private: to a NAT gateway, isolated: neither). Edges are \
            allowed flows labelled with ports; dashed ones go through a load balancer. Internet edges to sensitive \
            ports and tiers with critical findings (from the policy engine) are red. SVG and PNG need Graphviz.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, svg, png }

    @Argument(help: "The snapshot file, or with --store the snapshot's name.")
    var snapshot: String

    @OptionGroup var storage: StoreOptions

    @Option(help: "Output format: dot, mermaid, svg or png.")
    var format: Format = .dot

    @Option(help: "Write the graph to this file instead of standard output (required for png on a terminal).")
    var output: String?

    @Option(help: "A YAML file with a `tiers:` section; default: the policy file's tiers, else one tier per workload.")
    var tiers: String?

    @Option(help: "A policy file: its rules decide which tiers are red, its tiers are used without --tiers.")
    var policy: String?

    @Flag(help: "Also draw flows from tiers out to the internet.")
    var egress = false

    func run() throws {
        let policyFile = try policy.map(PolicyFile.load) ?? PolicyFile()
        let inventory = try storage.open(snapshot).inventory()
        let result = try RuleEngine.scan(inventory, policy: policyFile, source: snapshot, today: RuleEngine.today())
        let graph = try Self.graph(inventory: inventory, findings: result.findings, policy: policyFile, tiersFile: tiers, egress: egress)
        let dot = DOTRenderer().render(graph)
        let data: Data
        switch format {
        case .dot: data = Data(dot.utf8)
        case .mermaid: data = Data(MermaidRenderer().render(graph).utf8)
        case .svg: data = try Graphviz().render(dot, as: .svg)
        case .png: data = try Graphviz().render(dot, as: .png)
        }
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output)) }
            catch { throw ValidationError("cannot write \(output): \(error.localizedDescription)") }
        } else {
            if format == .png && Terminal.stdoutIsTTY { throw ValidationError("--format png writes binary data: give --output FILE") }
            FileHandle.standardOutput.write(data)
        }
    }

    /// The tier graph of a snapshot: tiers from `tiersFile`, else the policy's, else the defaults.
    static func graph(inventory: Inventory, findings: [Finding], policy: PolicyFile, tiersFile: String? = nil,
                      egress: Bool = false) throws -> TierGraph {
        let solver = Solver(inventory: inventory)
        let definitions = try tiersFile.map { try TierDefinitions.load($0).tiers } ?? policy.tiers.tiers
        let tierList = definitions.isEmpty ? solver.defaultTiers() : try solver.tiers(definitions)
        let matrix = solver.matrix(tierList, proto: .tcp)
        return GraphBuilder(inventory: inventory, findings: findings, includeEgress: egress).build(tiers: tierList, matrix: matrix)
    }

    /// What `scan --format html` shows of the graph: inline SVG when Graphviz is there (else the DOT text)
    /// and every tier's members for the resource list.
    static func reportGraph(inventory: Inventory, result: ScanResult, policy: PolicyFile) -> ReportGraph? {
        // A policy tier that names nothing is a scan warning, not an error: fall back to the default tiers.
        let built = (try? graph(inventory: inventory, findings: result.findings, policy: policy))
            ?? (try? graph(inventory: inventory, findings: result.findings, policy: PolicyFile()))
        guard let graph = built else { return nil }
        let dot = DOTRenderer().render(graph)
        let svg = try? Graphviz().inlineSVG(dot)
        let members = graph.nodes.filter { $0.kind != .internet }.flatMap { node in
            node.members.map { ReportGraph.Member(tier: node.name, kind: node.kind.rawValue, resource: $0) }
        }
        return ReportGraph(svg: svg, dot: dot, members: members)
    }
}
