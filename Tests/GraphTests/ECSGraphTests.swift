import AWSImport
import Foundation
import NetModel
import Reachability
import Testing
@testable import Graph

/// ECS services are nodes of the tier graph (fixture `ecs-workloads`).
@Suite("ECS services in the tier graph")
struct ECSGraphTests {
    @Test("each service is a node described as an ECS service, reached through the ALB")
    func serviceNodes() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSImportTests/Fixtures/ecs-workloads").path
        let inventory = try Importer().importPaths([fixture]).inventory
        let solver = Solver(inventory: inventory)
        let tiers = solver.defaultTiers()
        let graph = GraphBuilder(inventory: inventory).build(tiers: tiers, matrix: solver.matrix(tiers))
        let frontend = try #require(graph.node(named: "todoapp-frontend"))
        #expect(frontend.detail == "ECS service" && frontend.members == ["todoapp-frontend"])
        #expect(graph.node(named: "public-api")?.detail == "ECS service")
        let alb = try #require(graph.node(named: "todoapp-alb"))
        #expect(graph.edges.contains { $0.from == alb.id && $0.to == frontend.id && $0.label == "tcp/3000" })
    }
}
