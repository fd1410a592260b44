import AWSImport
import Foundation
import NetModel
import Testing
@testable import Reachability

/// EKS, ElastiCache, OpenSearch, Aurora and Lambda endpoints, asked for by name (fixture `service-workloads`).
@Suite("Managed service endpoints")
struct ServiceEndpointTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/service-workloads").path
    let solver: Solver

    init() throws {
        solver = Solver(inventory: try Importer().importPaths([Self.fixture]).inventory)
    }

    private func ask(_ question: String) throws -> [PairAnswer] {
        let spec = try QuerySpec.parse(question)
        return solver.answer(from: try solver.selector.resolve(spec.from), to: try solver.selector.resolve(spec.to),
                             proto: spec.proto, ports: spec.ports)
    }

    @Test("answers by service name", arguments: [
        // EKS: the public API endpoint admits publicAccessCidrs only (AWS "Cluster API server endpoint").
        ("can internet reach shop:443", true),
        ("can internet reach shop:80", false),
        ("can 203.0.113.9 reach internal:443", true),
        ("can 198.51.100.7 reach internal:443", false),
        // ...the private endpoint's interfaces follow the cluster security group.
        ("can frontend reach shop:443", true),
        ("can orders-api reach shop:443", false),
        // ...and only while private access is on: internal's is off, so its API answers on the public endpoint alone.
        ("can frontend reach internal:443", false),
        // ElastiCache, by replication group and by cluster ID.
        ("can frontend reach carts:6379", true),
        ("can orders-api reach carts:6379", false),
        ("can frontend reach sessions:11211", true),
        // OpenSearch in a VPC: its security group; public: only the access policy, so the network lets everyone in.
        ("can orders-worker reach catalog:443", true),
        ("can frontend reach catalog:443", false),
        ("can internet reach catalog:443", false),
        ("can internet reach logs:443", true),
        ("can internet reach logs:80", true),
        ("can internet reach audit:80", true),
        // Lambda: a function URL with AuthType NONE is reachable from anywhere; AWS_IAM ones are not modelled as open.
        ("can internet reach hooks:443", true),
        ("can internet reach orders-api:443", false),
        // ...and nothing connects to a function through its VPC interface, shared or not.
        ("can frontend reach orders-api", false),
        ("can orders-api reach orders-worker", false),
        // A public endpoint starts no connections.
        ("can shop reach internal:443", false),
        // Aurora: the cluster's name stands for its members.
        ("can frontend reach ledger:5432", true),
        // EKS nodes (the node group's instances) reach the API through the private endpoint only if the cluster group lets them.
        ("can shop/default reach shop:443", false),
        ("can orders-worker reach ledger:5432", true),
        ("can internet reach ledger:5432", false),
    ])
    func answers(question: String, reachable: Bool) throws {
        let pairs = try ask(question)
        #expect(!pairs.isEmpty)
        #expect(pairs.contains(where: \.reachable) == reachable,
                "\(question): \(pairs.map { "\($0.to.label): \($0.best.blockers.map(\.detail)) \($0.best.unknowns)" })")
    }

    @Test("private endpoint access off: the blocker says so and how to turn it on")
    func eksPrivateAccessOff() throws {
        let target = try #require(solver.catalog.endpoints.first { $0.resourceId == "internal" && $0.publicService == nil })
        let source = try #require(solver.catalog.endpoints.first { $0.resourceId == "i-app" })
        let result = solver.analyzer.analyze(from: source, to: target, proto: .tcp, ports: PortSet(443))
        #expect(!result.reachable && result.blockers.contains { $0.kind == "eks-private-endpoint" && $0.fix.contains("endpointPrivateAccess=true") })
    }

    @Test("a VPC client leaves for a public endpoint by its route: no NAT gateway, no public address, no way out")
    func privateClientToPublicEndpoint() throws {
        let pair = try #require(try ask("can frontend reach logs:443").first)
        #expect(!pair.reachable)
    }

    @Test("a Lambda function's interface accepts no connections: the blocker says how functions are invoked")
    func lambdaAcceptsNothing() throws {
        let pair = try #require(try ask("can frontend reach orders-api:443").first)
        #expect(pair.best.blockers.contains { $0.kind == "lambda-interface" && $0.fix.contains("Lambda API") }, "\(pair.best.blockers)")
    }

    @Test("behind a NAT gateway, a VPC client arrives at a public endpoint from the NAT's address, which publicAccessCidrs must admit")
    func throughNATToPublicEndpoint() throws {
        var inv = try Importer().importPaths([Self.fixture]).inventory
        let scope = inv.vpcs[0].scope
        inv.natGateways.append(NATGateway(id: "nat-1", scope: scope, vpcId: "vpc-svc", subnetId: "subnet-pub-a",
                                          addresses: [NATGatewayAddress(privateIp: "10.20.0.9", publicIp: "52.16.0.9")]))
        let table = try #require(inv.routeTables.firstIndex { $0.id == "rtb-private" })
        inv.routeTables[table].routes.append(Route(destination: .cidr(.anyV4), target: .natGateway("nat-1")))
        func ask(_ inv: Inventory, _ question: String) throws -> [PairAnswer] {
            let solver = Solver(inventory: inv)
            let spec = try QuerySpec.parse(question)
            return solver.answer(from: try solver.selector.resolve(spec.from), to: try solver.selector.resolve(spec.to), proto: spec.proto, ports: spec.ports)
        }
        let logs = try ask(inv, "can frontend reach logs:443")
        #expect(logs.contains { $0.reachable })
        let refused = try ask(inv, "can frontend reach internal:443")
        #expect(!refused.contains { $0.reachable })
        let cluster = try #require(inv.eksClusters.firstIndex { $0.id == "internal" })
        inv.eksClusters[cluster].publicAccessCidrs = ["52.16.0.9/32"]
        let admitted = try ask(inv, "can frontend reach internal:443")
        let way = try #require(admitted.first { $0.reachable })
        #expect(way.best.path.contains { $0.kind == "service-access" && $0.detail.contains("arrives from 52.16.0.9") }, "\(way.best.path)")
    }

    @Test("kind keywords select each service's endpoints")
    func keywords() throws {
        let resources = { (term: String) throws -> Set<String> in Set(try solver.selector.resolve(term).groups.map(\.resource)) }
        #expect(try resources("eks") == ["shop", "internal"])
        #expect(try resources("elasticache") == ["carts", "sessions"])
        #expect(try resources("opensearch") == ["catalog", "logs", "audit"])
        #expect(try resources("aurora") == ["ledger-1", "ledger-2"])
        #expect(try resources("lambda") == ["orders-api", "orders-worker", "hooks"])
        #expect(try resources("ledger") == ["ledger-1", "ledger-2"])
        // An EKS node group names the instances of its Auto Scaling groups.
        #expect(try resources("shop/default") == ["i-node1"])
        #expect(try resources("default") == ["i-node1"])
    }

    @Test("one Lambda interface shared by two functions with the same subnet and security groups is an endpoint of each")
    func sharedLambdaInterface() throws {
        let worker = try solver.selector.resolve("orders-worker").groups.flatMap(\.endpoints)
        #expect(Set(worker.compactMap(\.interfaceId)) == ["eni-fn-a", "eni-fn-b"])
        #expect(worker.allSatisfy { $0.id.hasSuffix("#orders-worker") && !$0.placementEstimated })
        let api = try solver.selector.resolve("orders-api").groups.flatMap(\.endpoints).filter { $0.publicService == nil }
        #expect(Set(api.map(\.id)) == ["eni-fn-a", "eni-fn-b"])
        #expect(solver.catalog.notes.contains { $0.contains("eni-fn-a is shared by Lambda functions orders-api, orders-worker") })
    }

    @Test("service interfaces name their owner; a cache without interfaces is placed in its subnet group's subnet of its zone")
    func ownersAndPlacement() throws {
        let byId = Dictionary(solver.catalog.endpoints.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byId["eni-redis"]?.kind == .cache && byId["eni-redis"]?.resourceId == "carts" && byId["eni-redis"]?.name == "carts-0001-001")
        #expect(byId["eni-es"]?.kind == .search && byId["eni-es"]?.resourceId == "catalog")
        #expect(byId["eni-eks-a"]?.kind == .eksCluster && byId["eni-eks-a"]?.resourceId == "shop")
        let sessions = solver.catalog.endpoints.filter { $0.resourceId == "sessions" }
        #expect(sessions.map(\.subnetId) == ["subnet-pub-b"] && sessions.allSatisfy(\.placementEstimated))
        #expect(sessions.first?.kind == .cache)
        // The internal cluster has no interfaces in the snapshot: placed with its cluster security group and additional ones.
        let internalCluster = solver.catalog.endpoints.filter { $0.resourceId == "internal" && $0.publicService == nil }
        #expect(internalCluster.map(\.subnetId) == ["subnet-app-a"] && internalCluster.first?.securityGroupIds == ["sg-app", "sg-eks-cluster"])
    }

    @Test("the answer through a public endpoint names the setting that admits the client")
    func publicEndpointPath() throws {
        let pair = try #require(try ask("can internet reach shop:443").first { $0.reachable })
        #expect(pair.best.path.contains { $0.kind == "service-access" && $0.detail.contains("publicAccessCidrs") })
        let blocked = try #require(try ask("can 198.51.100.7 reach internal:443").first)
        let publicEndpoint = try #require(solver.catalog.endpoints.first { $0.id == "internal#public-endpoint" })
        let result = solver.analyzer.analyze(from: blocked.from, to: publicEndpoint, proto: .tcp, ports: PortSet(443))
        #expect(!result.reachable && result.blockers.contains { $0.kind == "service-access" && $0.fix.contains("update-cluster-config") },
                "\(result.blockers)")
        let logs = try #require(try ask("can internet reach logs:443").first)
        #expect(logs.best.notes.contains { $0.contains("only its access policy decides") })
    }

    @Test("an interface of any other known owner is named by its owner, not by its ID")
    func otherOwnersNamed() throws {
        var inv = try Importer().importPaths([Self.fixture]).inventory
        inv.networkInterfaces.append(NetworkInterface(id: "eni-efs", scope: inv.vpcs[0].scope, vpcId: "vpc-svc", subnetId: "subnet-data-b",
                                                      interfaceType: "efs", description: "EFS mount target for fs-0123 (fsmt-1)",
                                                      privateAddresses: [PrivateAddress(address: "10.20.21.9")], securityGroupIds: ["sg-app"],
                                                      owner: .efsMountTarget("fs-0123"), requesterManaged: true))
        let e = try #require(Solver(inventory: inv).catalog.endpoints.first { $0.id == "eni-efs" })
        #expect(e.name == "EFS mount target of fs-0123")
    }

    @Test("default tiers include caches, search domains and EKS clusters")
    func tiers() {
        let names = Set(solver.defaultTiers().map(\.name))
        for expected in ["carts", "sessions", "catalog", "logs", "shop", "internal", "hooks"] { #expect(names.contains(expected), "\(expected)") }
    }
}
