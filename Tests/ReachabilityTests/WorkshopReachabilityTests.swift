import AWSImport
import Foundation
import NetModel
import Testing
@testable import Reachability

/// The workshop sample (`snapshots/workshop`): the answers its architecture must give.
@Suite("Workshop sample reachability")
struct WorkshopReachabilityTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("snapshots/workshop").path
    let inventory: Inventory
    let solver: Solver

    init() throws {
        inventory = try Importer().importPaths([Self.sample]).inventory
        solver = Solver(inventory: inventory)
    }

    private func ask(_ question: String) throws -> [PairAnswer] {
        let spec = try QuerySpec.parse(question)
        return solver.answer(from: try solver.selector.resolve(spec.from), to: try solver.selector.resolve(spec.to),
                             proto: spec.proto, ports: spec.ports)
    }

    @Test("expected answers", arguments: [
        ("can internet reach ALB:80", true),
        ("can internet reach asg:5000", false),
        ("can ALB reach asg:5000", true),
        ("can ALB reach RDS:3306", false),
        ("can asg reach RDS:3306", true),
        ("can bastion reach asg:22", true),
        ("can internet reach AMI builder:5000", true),
        ("can internet reach AMI builder:22", true),
        ("can internet reach RDS", false),
        ("can internet reach RDS:3306", false),
        ("can internet reach bastion:22", true),
        ("can AMI builder reach RDS:3306", true),
    ])
    func answers(question: String, reachable: Bool) throws {
        let pairs = try ask(question)
        #expect(!pairs.isEmpty)
        for pair in pairs { #expect(pair.reachable == reachable, "\(question): \(pair.best.blockers.map(\.detail))") }
    }

    @Test("the ASG is two instances: one pair each, reached from the internet only through the ALB on 80")
    func throughLoadBalancer() throws {
        let pairs = try ask("can internet reach asg:5000")
        #expect(pairs.count == 2)
        for pair in pairs {
            #expect(pair.viaLoadBalancers == [LoadBalancerRoute(loadBalancer: "demo-app-alb", listenerPorts: [80], targetPort: 5000, rules: ["listener tcp/80 (HTTP): default rule"])])
            #expect(Set(pair.best.blockers.map(\.kind)) == ["public-address", "route-return", "security-group-ingress"])
        }
    }

    @Test("ALB to RDS is blocked by the DB security group alone, with a fix naming both groups")
    func albToDatabase() throws {
        let pair = try #require(try ask("can ALB reach RDS:3306").first)
        #expect(pair.best.blockers.count == 1)
        let blocker = try #require(pair.best.blockers.first)
        #expect(blocker.kind == "security-group-ingress" && blocker.detail.contains("demo-app-db-sg"))
        #expect(blocker.fix.contains("demo-app-lb-sg"))
    }

    @Test("the internet load balancer answers only on its listener port")
    func listenerPorts() throws {
        let pair = try #require(try ask("can internet reach ALB").first)
        #expect(pair.allowed.ports == PortSet(80))
        let sources = QueryAnswer.sources(pair.allowed.addresses)
        #expect(sources == ["0.0.0.0/0"])
    }

    @Test("the tier matrix: the ALB talks only to its targets; the internet reaches the app only through it")
    func matrix() throws {
        let m = solver.matrix(solver.defaultTiers())
        let fromALB = m.cells.filter { $0.from == "demo-app-alb" }
        #expect(fromALB.map(\.to) == ["demo-app-asg"] && fromALB[0].ports == [[5000, 5000]])
        #expect(m.cells.contains { $0.from == "internet" && $0.to == "demo-app-asg" && $0.ports.isEmpty && $0.via == ["demo-app-alb"] })
        #expect(m.cells.contains { $0.from == "demo-app-asg" && $0.to == "my-demo-db" && $0.ports == [[3306, 3306]] })
        #expect(!m.cells.contains { $0.from == "internet" && $0.to == "my-demo-db" })
    }

    @Test("without the ALB's and RDS's interfaces (as moto dumps them) they are placed by subnets and security groups, and said so")
    func placedEndpoints() throws {
        var partial = inventory
        partial.networkInterfaces.removeAll { if case .loadBalancer = $0.owner { return true }; return $0.owner == .rds }
        let placed = Solver(inventory: partial)
        #expect(placed.catalog.notes.count == 2)
        let alb = try placed.selector.resolve("alb")
        #expect(alb.groups.count == 1 && alb.groups[0].endpoints.count == 3 && alb.groups[0].endpoints.allSatisfy(\.placementEstimated))
        let pairs = placed.answer(from: try placed.selector.resolve("internet"), to: alb, proto: .tcp, ports: PortSet(80))
        #expect(pairs[0].reachable && pairs[0].best.notes.contains { $0.contains("placed") })
        let db = placed.answer(from: try placed.selector.resolve("asg"), to: try placed.selector.resolve("rds"), proto: .tcp, ports: PortSet(3306))
        #expect(db.allSatisfy { $0.reachable })
    }
}

@Suite("Lambda functions in a VPC")
struct LambdaPlacementTests {
    @Test("a function with a VPC configuration but no interfaces in the snapshot is placed in its subnets")
    func placedLambda() throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.0.0.0/16")
        n.subnet("subnet-a", vpc: "vpc-1", "10.0.1.0/24")
        n.routeTable("rtb", vpc: "vpc-1", main: true)
        n.openACL("acl", vpc: "vpc-1", subnets: ["subnet-a"])
        n.securityGroup("sg-fn", vpc: "vpc-1", ingress: [])
        n.securityGroup("sg-db", vpc: "vpc-1", ingress: [.tcp(5432, fromGroup: "sg-fn")])
        n.instance("db", subnet: "subnet-a", ip: "10.0.1.9", groups: ["sg-db"])
        n.inv.lambdaFunctions = [LambdaFunction(id: "resize", scope: n.scope, vpcId: "vpc-1", subnetIds: ["subnet-a"], securityGroupIds: ["sg-fn"])]
        let answer = try n.flow("resize", "db", ports: PortSet(5432))
        #expect(answer.reachable && answer.from.placementEstimated)
        #expect(n.solver.catalog.notes.contains { $0.contains("Lambda function resize") })
    }
}
