import AWSImport
import Foundation
import NetModel
import Testing
@testable import Reachability

/// ECS workloads by name (fixture `ecs-workloads`): todoapp-frontend runs one task (its interface in the snapshot),
/// todoapp-backend and public-api run none (AWS "Amazon ECS task networking options for Fargate": their tasks will get
/// interfaces in the service's awsvpc subnets and security groups), a RunTask task `0123…` runs with its own interface.
@Suite("Reachability of ECS services and tasks")
struct ECSReachabilityTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/ecs-workloads").path
    static let runTask = "0123456789abcdef0123456789abcdef"

    static func solver() throws -> Solver { Solver(inventory: try Importer().importPaths([fixture]).inventory) }

    static func answer(_ solver: Solver, _ from: String, _ to: String, port: Int) throws -> PairAnswer {
        let pairs = solver.answer(from: try solver.selector.resolve(from), to: try solver.selector.resolve(to), proto: .tcp, ports: PortSet(port))
        return try #require(pairs.first)
    }

    @Test("a running task's interface is an endpoint named by its service; a RunTask task's by its task ID")
    func taskEndpoints() throws {
        let endpoints = try Self.solver().catalog.endpoints.filter { $0.kind == .ecsTask }
        let frontend = try #require(endpoints.first { $0.id == "eni-frontend" })
        #expect(frontend.resourceId == "todoapp-frontend" && frontend.name == "todoapp-frontend" && !frontend.placementEstimated)
        #expect(endpoints.first { $0.id == "eni-report" }?.resourceId == Self.runTask)
        #expect(!endpoints.contains { $0.id == "eni-gone" }, "a stopped task holds no interface")
    }

    @Test("selectors: ecs (services), task (running tasks), ecs-service:NAME, plain service names, task IDs and ARNs", arguments: [
        ("ecs", ["public-api", "todoapp-backend", "todoapp-frontend"]),
        ("task", [Self.runTask, "todoapp-frontend"]),
        ("ecs-service:TODOAPP-backend", ["todoapp-backend"]),
        ("todoapp-frontend", ["todoapp-frontend"]),
        (Self.runTask, [Self.runTask]),
        ("arn:aws:ecs:us-east-1:111111111111:task/shop/f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0", ["todoapp-frontend"]),
        ("arn:aws:ecs:us-east-1:111111111111:service/shop/public-api", ["public-api"]),
    ])
    func selectors(term: String, resources: [String]) throws {
        let selection = try Self.solver().selector.resolve(term)
        #expect(selection.groups.map(\.resource).sorted() == resources)
    }

    @Test("selector errors name the term", arguments: [
        ("ecs-service:nope", "'ecs-service:nope' matches no ECS service (services: public-api, todoapp-backend, todoapp-frontend)"),
        ("e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0", "'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0' is an ECS task that has stopped (STOPPED)"),
        ("arn:aws:ecs:us-east-1:111111111111:service/shop/gone", "'arn:aws:ecs:us-east-1:111111111111:service/shop/gone' matches no ECS service or task in the snapshot"),
    ])
    func selectorErrors(term: String, message: String) throws {
        let solver = try Self.solver()
        #expect { try solver.selector.resolve(term) } throws: { ($0 as? SelectorError)?.description == message }
    }

    @Test("a service with no running task is answered from its network configuration, and says so")
    func serviceWithoutTasks() throws {
        let solver = try Self.solver()
        let placed = solver.catalog.endpoints.filter { $0.resourceId == "public-api" }
        #expect(placed.map(\.id) == ["public-api@subnet-pub-a"] && placed.allSatisfy { $0.hasPublicAddress && $0.securityGroupIds == ["sg-api"] })
        // assignPublicIp ENABLED in a subnet routed to the internet gateway, sg-api open on 8080: reachable.
        let open = try Self.answer(solver, "internet", "public-api", port: 8080)
        #expect(open.reachable)
        #expect(open.best.notes.contains("public-api has no running task; answered from the service's network configuration (subnets subnet-pub-a, security groups sg-api, assignPublicIp ENABLED)"))
        let closed = try Self.answer(solver, "internet", "public-api", port: 22)
        #expect(!closed.reachable && closed.best.blockers.contains { $0.kind == "security-group-ingress" })
    }

    @Test("without assignPublicIp the same placement is not reachable from the internet (AWS: no public IPv4 for the task)")
    func withoutPublicIp() throws {
        var inv = try Importer().importPaths([Self.fixture]).inventory
        let i = try #require(inv.ecsServices.firstIndex { $0.name == "public-api" })
        inv.ecsServices[i].network?.assignPublicIp = false
        let answer = try Self.answer(Solver(inventory: inv), "internet", "public-api", port: 8080)
        #expect(!answer.reachable && answer.best.blockers.contains { $0.kind == "public-address" })
    }

    @Test("internet → todoapp-backend:8000 (no running task) goes through todoapp-alb, listener tcp/80, rule /api/*, to the service's placement")
    func listenerRuleToServicePlacement() throws {
        let answer = try Self.answer(try Self.solver(), "internet", "todoapp-backend", port: 8000)
        #expect(!answer.reachable)
        let route = try #require(answer.viaLoadBalancers.first)
        #expect(route.loadBalancer == "todoapp-alb" && route.listenerPorts == [80] && route.targetPort == 8000)
        #expect(route.rules == ["listener tcp/80 (HTTP): rule /api/* (priority 100)"])
        #expect(route.notes.contains { $0.hasPrefix("listener tcp/443 (HTTPS) does not forward to todoapp-backend-tg") })
        let leg = try #require(answer.loadBalancerLegs.first { $0.reachable })
        #expect(leg.path.contains { $0.kind == "load-balancer-target" && $0.detail.contains("→ todoapp-backend:8000") })
    }

    @Test("a target group whose targets were not captured gets the service's running tasks on the container port")
    func unknownTargetsFromTasks() throws {
        var inv = try Importer().importPaths([Self.fixture]).inventory
        let i = try #require(inv.targetGroups.firstIndex { $0.name == "todoapp-frontend-tg" })
        inv.targetGroups[i].targets = []
        inv.targetGroups[i].targetsKnown = false
        let answer = try Self.answer(Solver(inventory: inv), "internet", "todoapp-frontend", port: 3000)
        let route = try #require(answer.viaLoadBalancers.first)
        #expect(route.loadBalancer == "todoapp-alb" && route.targetPort == 3000)
    }

    @Test("default tiers include each ECS service and RunTask task")
    func defaultTiers() throws {
        let names = try Self.solver().defaultTiers().map(\.name)
        #expect(Set(["public-api", "todoapp-backend", "todoapp-frontend", Self.runTask]).isSubset(of: Set(names)), "\(names)")
    }
}

/// A bridge-mode service on the workshop's app instances (AWS "PortMapping": hostPort 0 takes a port of the container
/// instance's ephemeral range): its name selects the instances its target group registers, and a leg to a dynamic host
/// port says which range the instance's security group must admit.
@Suite("Bridge-mode ECS services")
struct ECSBridgeModeTests {
    static let tg = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-app-tg/7f1f7c35138e76d6"

    static func inventory(hostPort: Int) throws -> Inventory {
        var inv = try Importer().importPaths([WorkshopReachabilityTests.sample]).inventory
        let scope = inv.vpcs[0].scope
        let def = "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy-web:1"
        inv.ecsTaskDefinitions = [ECSTaskDefinition(id: def, scope: scope, family: "legacy-web", revision: 1, networkMode: "bridge", containers: [
            ContainerDefinition(name: "web", portMappings: [PortMapping(containerPort: 5000, hostPort: hostPort)])])]
        inv.ecsServices = [ECSService(id: "arn:aws:ecs:us-east-1:123456789012:service/legacy/legacy-web", scope: scope, name: "legacy-web",
                                      clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/legacy", taskDefinitionArn: def, desiredCount: 2,
                                      runningCount: 2, launchType: "EC2", loadBalancers: [ServiceLoadBalancer(targetGroupArn: tg, containerName: "web", containerPort: 5000)])]
        // ECS registered each instance on the host port it picked.
        let i = try #require(inv.targetGroups.firstIndex { $0.id == tg })
        inv.targetGroups[i].targets = inv.targetGroups[i].targets.map { var t = $0; t.port = 32770; return t }
        return inv
    }

    @Test("the service's name selects its container instances; the blocked leg names the ephemeral range to admit")
    func dynamicHostPort() throws {
        let solver = Solver(inventory: try Self.inventory(hostPort: 0))
        let instances = try solver.selector.resolve("ecs-service:legacy-web").groups.flatMap(\.endpoints)
        #expect(!instances.isEmpty && instances.allSatisfy { $0.kind == .instance && $0.tags["aws:autoscaling:groupName"] == "demo-app-asg" })
        #expect(try solver.selector.resolve("legacy-web").groups.flatMap(\.endpoints).map(\.id).sorted() == instances.map(\.id).sorted())
        let pairs = solver.answer(from: try solver.selector.resolve("internet"), to: try solver.selector.resolve("legacy-web"), proto: .tcp, ports: nil)
        let leg = try #require(pairs.flatMap(\.loadBalancerLegs).first { $0.targetPort == 32770 })
        #expect(!leg.reachable, "the app security group admits 5000 only")
        #expect(leg.notes.contains { $0.contains("serves ECS service legacy-web's container port 5000 on a dynamic host port") && $0.contains("32768-65535") }, "\(leg.notes)")
    }

    @Test("a fixed host port is no dynamic mapping")
    func fixedHostPort() throws {
        let solver = Solver(inventory: try Self.inventory(hostPort: 5000))
        let pairs = solver.answer(from: try solver.selector.resolve("internet"), to: try solver.selector.resolve("legacy-web"), proto: .tcp, ports: nil)
        #expect(!pairs.flatMap(\.loadBalancerLegs).flatMap(\.notes).contains { $0.contains("dynamic host port") })
    }
}
