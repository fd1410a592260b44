import AWSImport
import NetModel
import Testing
@testable import Reachability

/// Service Connect on the `ecs-workloads` fixture: todoapp-backend serves its `api` mapping (container port 8000) as
/// `backend.shop:80` (discovery name `backend`) in the namespace todoapp-frontend is a client of. AWS "Amazon ECS Service Connect": the client's proxy connects to the server task on the port the
/// server's proxy listens on (the container port unless `ingressPortOverride`), so the alias port is not what the
/// backend's security group must admit.
@Suite("Service Connect aliases")
struct ServiceConnectTests {
    static func inventory(override: Int? = nil, frontendAllowed: Bool) throws -> Inventory {
        var inv = try Importer().importPaths([ECSReachabilityTests.fixture]).inventory
        if let override {
            let s = try #require(inv.ecsServices.firstIndex { $0.name == "todoapp-backend" })
            inv.ecsServices[s].serviceConnect?.services[0].ingressPortOverride = override
        }
        if frontendAllowed {
            let g = try #require(inv.securityGroups.firstIndex { $0.id == "sg-backend" })
            inv.securityGroups[g].ingress.append(SecurityGroupRule(ipProtocol: .tcp, fromPort: 8000, toPort: 8000,
                                                                  peer: .securityGroup(SecurityGroupReference(groupId: "sg-frontend"))))
        }
        return inv
    }

    @Test("the alias and the discovery name select the backend's tasks; the alias port is asked as the container port")
    func aliasPortIsServedPort() throws {
        let solver = Solver(inventory: try Self.inventory(frontendAllowed: true))
        for term in ["backend.shop", "BACKEND"] {
            let selection = try solver.selector.resolve(term)
            #expect(selection.groups.map(\.resource) == ["todoapp-backend"], "\(term)")
            let answer = try #require(solver.answer(from: try solver.selector.resolve("todoapp-frontend"), to: selection, proto: .tcp, ports: PortSet(80)).first)
            #expect(answer.reachable, "\(term): the backend admits 8000 from the frontend")
            #expect(answer.best.notes.contains { $0.contains("backend.shop:80 is served on ECS service todoapp-backend's port 8000") }, "\(answer.best.notes)")
        }
        // Asked by the service's own name, port 80 is port 80: nothing listens there for the frontend.
        #expect(try ECSReachabilityTests.answer(solver, "todoapp-frontend", "todoapp-backend", port: 80).reachable == false)
    }

    @Test("without the rule the translated question is blocked at the backend's security group on 8000")
    func blockedOnServedPort() throws {
        let solver = Solver(inventory: try Self.inventory(frontendAllowed: false))
        let answer = try ECSReachabilityTests.answer(solver, "todoapp-frontend", "backend.shop", port: 80)
        #expect(!answer.reachable)
        #expect(answer.best.blockers.contains { "\($0)".contains("sg-backend") }, "\(answer.best.blockers)")
    }

    @Test("ingressPortOverride is the port asked; ports no alias names are asked as given")
    func override() throws {
        let routes = ServiceConnectAliases(try Self.inventory(override: 15000, frontendAllowed: false)).routes(named: "backend.shop")
        #expect(routes.map(\.servedPort) == [15000])
        let (ports, notes) = ServiceConnectRoute.served(PortSet(443), by: routes)
        #expect(ports == PortSet(443) && notes.isEmpty)
        #expect(ServiceConnectRoute.served(nil, by: routes).ports == nil)
    }
}
