import AWSImport
import NetModel
import Testing
@testable import Reachability

/// Where a `bridge`-mode service runs (AWS "Amazon ECS task networking options for EC2": bridge and host modes use the
/// container instance's interface), on the workshop's app instances: its running tasks' container instances first,
/// else the instances its target groups register, else its cluster's ACTIVE container instances (AWS "Amazon ECS
/// container instance draining": a DRAINING instance gets no new task).
@Suite("Hosts of bridge-mode ECS services")
struct ECSServiceHostsTests {
    static let cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/legacy"
    static let service = "arn:aws:ecs:us-east-1:123456789012:service/legacy/legacy-web"

    /// The workshop with a bridge service `legacy-web` (no load balancer unless `targetGroup`), one container
    /// instance per workshop instance (the first DRAINING when `drainFirst`), and a running task on the last when `task`.
    static func inventory(targetGroup: Bool = false, task: Bool = false, drainFirst: Bool = false) throws -> (Inventory, [String]) {
        var inv = try Importer().importPaths([WorkshopReachabilityTests.sample]).inventory
        let scope = inv.vpcs[0].scope
        let instances = inv.instances.map(\.id).sorted()
        let def = "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy-web:1"
        inv.ecsTaskDefinitions = [ECSTaskDefinition(id: def, scope: scope, family: "legacy-web", revision: 1, networkMode: "bridge")]
        inv.ecsServices = [ECSService(id: service, scope: scope, name: "legacy-web", clusterArn: cluster, taskDefinitionArn: def, desiredCount: 1,
                                      launchType: "EC2", loadBalancers: targetGroup ? [ServiceLoadBalancer(targetGroupArn: ECSBridgeModeTests.tg)] : [])]
        inv.ecsContainerInstances = instances.enumerated().map { i, id in
            ECSContainerInstance(id: "arn:aws:ecs:us-east-1:123456789012:container-instance/legacy/c\(i)", scope: scope, clusterArn: cluster,
                                 ec2InstanceId: id, status: drainFirst && i == 0 ? "DRAINING" : "ACTIVE")
        }
        if task, let host = inv.ecsContainerInstances.last {
            inv.ecsTasks = [ECSTask(id: "arn:aws:ecs:us-east-1:123456789012:task/legacy/t1", scope: scope, clusterArn: cluster, taskDefinitionArn: def,
                                    group: "service:legacy-web", lastStatus: "RUNNING", launchType: "EC2", containerInstanceArn: host.id)]
        }
        return (inv, instances)
    }

    @Test("running tasks name their hosts, before target groups and the cluster")
    func runningTasks() throws {
        let (inv, instances) = try Self.inventory(targetGroup: true, task: true)
        let hosts = try #require(ECSServiceHosts(inv).hosts(of: inv.ecsServices[0]))
        let last = try #require(instances.last)
        #expect(hosts.evidence == .runningTasks && hosts.instanceIds == [last])
        let solver = Solver(inventory: inv)
        #expect(try solver.selector.resolve("ecs-service:legacy-web").groups.flatMap(\.endpoints).map(\.resourceId) == [last])
    }

    @Test("without a running task, the instances its target group registers")
    func targetGroups() throws {
        let (inv, _) = try Self.inventory(targetGroup: true)
        let hosts = try #require(ECSServiceHosts(inv).hosts(of: inv.ecsServices[0]))
        let registered = Set(try #require(inv.targetGroups.first { $0.id == ECSBridgeModeTests.tg }).targets.map(\.id))
        #expect(hosts.evidence == .targetGroups && hosts.instanceIds == registered && !registered.isEmpty)
    }

    @Test("with neither, the cluster's ACTIVE container instances; a DRAINING one is left out, and the name's label says why")
    func clusterInstances() throws {
        let (inv, instances) = try Self.inventory(drainFirst: true)
        let hosts = try #require(ECSServiceHosts(inv).hosts(of: inv.ecsServices[0]))
        #expect(hosts.evidence == .clusterInstances && hosts.instanceIds == Set(instances.dropFirst()))
        let solver = Solver(inventory: inv)
        let named = try #require(solver.selector.serviceNames().first { $0.name == "legacy-web" })
        #expect(named.label.contains("where ECS will place its tasks") && Set(named.members.map(\.resourceId)) == Set(instances.dropFirst()))
    }

    @Test("an awsvpc service has no hosts: its tasks have their own interfaces")
    func awsvpc() throws {
        var (inv, _) = try Self.inventory()
        inv.ecsServices[0].network = AwsvpcConfiguration(subnetIds: [inv.subnets[0].id])
        #expect(ECSServiceHosts(inv).hosts(of: inv.ecsServices[0]) == nil)
    }
}
