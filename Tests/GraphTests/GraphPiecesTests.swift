import Findings
import Foundation
import NetModel
import Testing
@testable import Graph

/// Subnet classes, escaping and the Graphviz runner, on small hand-made inputs.
@Suite("Graph building blocks")
struct GraphPiecesTests {
    static let scope = ResourceScope(account: "123456789012", region: "us-east-1")

    static func table(_ id: String, main: Bool = false, subnets: [String], target: RouteTarget?) -> RouteTable {
        var routes = [Route(destination: .cidr(IPPrefix("10.0.0.0/16")!), target: .local)]
        if let target { routes.append(Route(destination: .cidr(.anyV4), target: target)) }
        var associations = subnets.map { RouteTableAssociation(subnetId: $0) }
        if main { associations.append(RouteTableAssociation(isMain: true)) }
        return RouteTable(id: id, scope: scope, vpcId: "vpc-1", routes: routes, associations: associations)
    }

    @Test("public: default route to an IGW; private: to a NAT; isolated: neither; the main table for the rest")
    func subnetClasses() {
        var inventory = Inventory()
        inventory.subnets = ["a", "b", "c", "d"].map { Subnet(id: "subnet-\($0)", scope: Self.scope, vpcId: "vpc-1", cidrBlocks: []) }
        inventory.routeTables = [
            Self.table("rtb-pub", subnets: ["subnet-a"], target: .internetGateway("igw-1")),
            Self.table("rtb-priv", subnets: ["subnet-b"], target: .natGateway("nat-1")),
            Self.table("rtb-iso", subnets: ["subnet-c"], target: nil),
            Self.table("rtb-main", main: true, subnets: [], target: .natGateway("nat-1")),
        ]
        let c = SubnetClassifier(inventory)
        #expect(c.classify("subnet-a") == .public)
        #expect(c.classify("subnet-b") == .private)
        #expect(c.classify("subnet-c") == .isolated)
        #expect(c.classify("subnet-d") == .private)
        #expect(c.classify("subnet-unknown") == .isolated)
    }

    @Test("a blackholed default route to an IGW does not make a subnet public")
    func blackhole() {
        var inventory = Inventory()
        var t = Self.table("rtb-1", subnets: ["subnet-a"], target: nil)
        t.routes.append(Route(destination: .cidr(.anyV4), target: .internetGateway("igw-1"), state: .blackhole))
        inventory.routeTables = [t]
        #expect(SubnetClassifier(inventory).classify("subnet-a") == .isolated)
    }

    static let oddName = "evil\"name\\ <b>x</b> & #1 | `tick`\nline2"

    static func oddGraph() -> TierGraph {
        TierGraph(
            nodes: [
                .init(id: "n0", name: "internet", detail: "0.0.0.0/0", kind: .internet, placement: .top, worstSeverity: nil, members: ["internet"]),
                .init(id: "n1", name: oddName, detail: "instance", kind: .instances, placement: .subnet(vpcId: "vpc-\"1", subnetClass: .public),
                      worstSeverity: .critical, members: ["i-1"]),
            ],
            edges: [.init(from: "n0", to: "n1", label: "tcp/22", viaLoadBalancer: false, highlight: .critical)],
            vpcs: [.init(id: "vpc-\"1", label: "my \"vpc\" <x>")])
    }

    @Test("DOT escapes quotes, backslashes and newlines in names; nothing breaks out of a string")
    func dotEscaping() {
        let dot = DOTRenderer().render(Self.oddGraph())
        #expect(dot.contains(#"n1 [label="evil\"name\\ <b>x</b> & #1 | `tick`\nline2\ninstance""#))
        #expect(dot.contains(#"label="VPC my \"vpc\" <x>""#))
        #expect(DOTRenderer.quote("a\u{7}b\rc") == "\"abc\"")
        // Every line is a statement or a brace: no raw newline escaped from a label.
        for line in dot.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            #expect(t.hasSuffix(";") || t.hasSuffix("{") || t == "}", "\(t)")
        }
    }

    @Test("Mermaid escapes quotes, angle brackets, &, #, | and backticks as entity codes")
    func mermaidEscaping() {
        let text = MermaidRenderer().render(Self.oddGraph())
        #expect(text.contains("n1[\"evil#quot;name\\ #lt;b#gt;x#lt;/b#gt; #amp; #35;1 #124; #96;tick#96; line2<br/>instance\"]"))
        #expect(text.contains("subgraph vpc0[\"VPC my #quot;vpc#quot; #lt;x#gt;\"]"))
        #expect(!text.contains("<b>"))
        #expect(text.contains("class n1 critical"))
    }

    @Test("port ranges: single ports, ranges, and every port as `all`")
    func portText() {
        #expect(GraphBuilder.portText([[22, 22], [5000, 5000]]) == "22,5000")
        #expect(GraphBuilder.portText([[8000, 8100]]) == "8000-8100")
        #expect(GraphBuilder.portText([[0, 65535]]) == "all")
    }

    @Test("without Graphviz, SVG and PNG fail with the install hint")
    func graphvizMissing() {
        let gv = Graphviz(path: "/nonexistent")
        #expect(!gv.isAvailable)
        #expect(throws: GraphError.graphvizMissing) { try gv.render("digraph {}", as: .svg) }
        #expect(GraphError.graphvizMissing.description
            == "Graphviz 'dot' is not installed (apt-get install graphviz); use --format dot or mermaid")
    }

    @Test("with Graphviz, the workshop DOT renders to an inline SVG with the escaped odd name", .enabled(if: Graphviz().isAvailable))
    func svg() throws {
        let svg = try Graphviz().inlineSVG(DOTRenderer().render(Self.oddGraph()))
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(!svg.contains("<b>x</b>"))
    }
}
