import Findings

/// Renders a ``TierGraph`` as Graphviz DOT: VPCs and subnet classes as clusters, buckets in an S3 cluster.
public struct DOTRenderer: Sendable {
    public init() {}

    /// The DOT text of `graph`.
    public func render(_ graph: TierGraph) -> String {
        var out = "digraph netaudit {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.4, ranksep=1.0, compound=true, forcelabels=true];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f7fa\", color=\"#56606b\", fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [color=\"#56606b\", fontname=\"Helvetica\", fontsize=10];\n"
        for node in graph.nodes where node.placement == .top { out += "  " + line(node) + "\n" }
        for (i, vpc) in graph.vpcs.enumerated() {
            out += "  subgraph \"cluster_vpc_\(i)\" {\n"
            out += "    label=\(Self.quote("VPC " + vpc.label)); style=\"rounded\"; color=\"#8a96a3\";\n"
            for node in graph.nodes where node.placement == .vpc(vpc.id) { out += "    " + line(node) + "\n" }
            for subnetClass in SubnetClass.allCases {
                let members = graph.nodes.filter { $0.placement == .subnet(vpcId: vpc.id, subnetClass: subnetClass) }
                guard !members.isEmpty else { continue }
                out += "    subgraph \"cluster_vpc_\(i)_\(subnetClass.rawValue)\" {\n"
                out += "      label=\(Self.quote(subnetClass.label)); style=\"rounded,filled\"; fillcolor=\"\(Self.fill(subnetClass))\"; color=\"#b8c2cc\";\n"
                for node in members { out += "      " + line(node) + "\n" }
                out += "    }\n"
            }
            out += "  }\n"
        }
        let buckets = graph.nodes.filter { $0.placement == .storage }
        if !buckets.isEmpty {
            out += "  subgraph \"cluster_s3\" {\n    label=\"S3\"; style=\"rounded\"; color=\"#8a96a3\";\n"
            for node in buckets { out += "    " + line(node) + "\n" }
            out += "  }\n"
        }
        let shared = graph.nodes.filter { $0.placement == .shared }
        if !shared.isEmpty {
            out += "  subgraph \"cluster_shared\" {\n    label=\"Shared by resource policy\"; style=\"rounded\"; color=\"#8a96a3\";\n"
            for node in shared { out += "    " + line(node) + "\n" }
            out += "  }\n"
        }
        let ranks = Dictionary(graph.nodes.map { ($0.id, Self.rank($0.placement)) }, uniquingKeysWith: { a, _ in a })
        for edge in graph.edges {
            var attrs = ["xlabel=\(Self.quote(edge.label))"]
            if edge.viaLoadBalancer { attrs.append("style=dashed") }
            // Only flows deeper into the network (internet → public → private → isolated) shape the layout.
            if let a = ranks[edge.from], let b = ranks[edge.to], b <= a { attrs.append("constraint=false") }
            if let color = Self.color(edge.highlight) { attrs += ["color=\"\(color)\"", "fontcolor=\"\(color)\"", "penwidth=2"] }
            out += "  \(edge.from) -> \(edge.to) [\(attrs.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    private func line(_ node: TierGraph.Node) -> String {
        var attrs = ["label=\(Self.quote(node.name + "\n" + node.detail))", "tooltip=\(Self.quote(node.members.joined(separator: ", ")))"]
        switch node.kind {
        case .internet: attrs.append("shape=ellipse")
        case .onPremises: attrs.append("shape=house")
        case .database: attrs.append("shape=cylinder")
        case .bucket: attrs.append("shape=folder")
        case .sharedResource: attrs.append("shape=note")
        case .externalAccount: attrs += ["shape=ellipse", "style=\"dashed,filled\""]
        default: break
        }
        if let color = Self.color(node.worstSeverity) {
            attrs += ["color=\"\(color)\"", "fillcolor=\"\(node.isCritical ? "#fde2e1" : "#fff0dc")\"", "penwidth=2"]
        }
        return "\(node.id) [\(attrs.joined(separator: ", "))];"
    }

    /// How deep a placement is, left to right: internet, public, VPC-wide, private, isolated; buckets beside public.
    private static func rank(_ p: TierGraph.Placement) -> Int {
        switch p {
        case .top: 0
        case .storage, .shared: 1
        case .subnet(_, .public): 1
        case .vpc: 2
        case .subnet(_, .private): 2
        case .subnet(_, .isolated): 3
        }
    }

    /// Red for critical, orange for high; nothing below.
    static func color(_ severity: Severity?) -> String? {
        switch severity {
        case .critical?: "#d62728"
        case .high?: "#e67e00"
        default: nil
        }
    }

    private static func fill(_ c: SubnetClass) -> String {
        switch c {
        case .public: "#eef6ff"
        case .private: "#f1f8ee"
        case .isolated: "#f7f2fb"
        }
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, newlines as `\n`, other controls dropped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
