import Findings

/// Renders a ``TierGraph`` as a Mermaid flowchart: VPCs and subnet classes as subgraphs.
public struct MermaidRenderer: Sendable {
    public init() {}

    /// The Mermaid text of `graph`.
    public func render(_ graph: TierGraph) -> String {
        var out = "flowchart LR\n"
        for node in graph.nodes where node.placement == .top { out += "  " + line(node) + "\n" }
        for (i, vpc) in graph.vpcs.enumerated() {
            out += "  subgraph vpc\(i)[\"\(Self.escape("VPC " + vpc.label))\"]\n"
            for node in graph.nodes where node.placement == .vpc(vpc.id) { out += "    " + line(node) + "\n" }
            for subnetClass in SubnetClass.allCases {
                let members = graph.nodes.filter { $0.placement == .subnet(vpcId: vpc.id, subnetClass: subnetClass) }
                guard !members.isEmpty else { continue }
                out += "    subgraph vpc\(i)_\(subnetClass.rawValue)[\"\(subnetClass.label)\"]\n"
                for node in members { out += "      " + line(node) + "\n" }
                out += "    end\n"
            }
            out += "  end\n"
        }
        let buckets = graph.nodes.filter { $0.placement == .storage }
        if !buckets.isEmpty {
            out += "  subgraph s3[\"S3\"]\n"
            for node in buckets { out += "    " + line(node) + "\n" }
            out += "  end\n"
        }
        let shared = graph.nodes.filter { $0.placement == .shared }
        if !shared.isEmpty {
            out += "  subgraph shared[\"Shared by resource policy\"]\n"
            for node in shared { out += "    " + line(node) + "\n" }
            out += "  end\n"
        }
        var styles: [String] = []
        for (i, edge) in graph.edges.enumerated() {
            let arrow = edge.viaLoadBalancer ? "-.->" : "-->"
            out += "  \(edge.from) \(arrow)|\"\(Self.escape(edge.label))\"| \(edge.to)\n"
            if let color = DOTRenderer.color(edge.highlight) { styles.append("  linkStyle \(i) stroke:\(color),stroke-width:2px,color:\(color)") }
        }
        out += styles.map { $0 + "\n" }.joined()
        out += "  classDef critical fill:#fde2e1,stroke:#d62728,stroke-width:2px\n"
        out += "  classDef high fill:#fff0dc,stroke:#e67e00,stroke-width:2px\n"
        for node in graph.nodes {
            if node.isCritical { out += "  class \(node.id) critical\n" }
            else if node.worstSeverity == .high { out += "  class \(node.id) high\n" }
        }
        return out
    }

    private func line(_ node: TierGraph.Node) -> String {
        let label = "\"" + Self.escape(node.name) + "<br/>" + Self.escape(node.detail) + "\""
        switch node.kind {
        case .internet, .externalAccount: return "\(node.id)((\(label)))"
        case .onPremises: return "\(node.id)[/\(label)\\]"
        case .database: return "\(node.id)[(\(label))]"
        default: return "\(node.id)[\(label)]"
        }
    }

    /// Mermaid label text: quotes, angle brackets, `&`, `#` and pipes as entity codes; newlines as spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "#": out += "#35;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            case "\n", "\r", "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
