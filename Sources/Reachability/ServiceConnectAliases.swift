import NetModel

/// A Service Connect client alias and where it lands: clients of the namespace dial `alias:aliasPort`, their proxy
/// connects to a task of `service` on `servedPort` (AWS "Amazon ECS Service Connect").
public struct ServiceConnectRoute: Sendable, Hashable {
    public var alias: String
    public var aliasPort: Int
    /// The port a server task receives on; nil when the task definition names no mapping `portName`.
    public var servedPort: Int?
    /// The ECS service serving it.
    public var service: String

    /// `ports` as they arrive at the server: each alias port the routes name is replaced by its served port, with a
    /// note saying so. Unchanged (no note) for all ports, for ports no alias names, and where the two ports agree.
    static func served(_ ports: PortSet?, by routes: [ServiceConnectRoute]) -> (ports: PortSet?, notes: [String]) {
        guard var out = ports else { return (nil, []) }
        var notes: [String] = []
        for r in routes where out.contains(r.aliasPort) {
            guard let served = r.servedPort else {
                notes.append("Service Connect alias \(r.alias):\(r.aliasPort) names no port mapping of ECS service \(r.service)'s task definition: asked on \(r.aliasPort) as given")
                continue
            }
            guard served != r.aliasPort else { continue }
            out = out.subtracting(PortSet(r.aliasPort)).union(PortSet(served))
            notes.append("Service Connect: \(r.alias):\(r.aliasPort) is served on ECS service \(r.service)'s port \(served) (the client's proxy connects task to task), so that is the port asked")
        }
        return (out, notes)
    }
}

/// Every Service Connect alias of the inventory's services, by the names clients use: each alias's `dnsName`, else
/// its endpoint's `discoveryName`, else its `portName` (the defaults AWS gives them).
struct ServiceConnectAliases {
    private var byName: [String: [ServiceConnectRoute]] = [:]

    init(_ inv: Inventory) {
        let services = inv.ecsServices.filter { $0.serviceConnect?.services.isEmpty == false }
        guard !services.isEmpty else { return }
        let definitions = Dictionary(inv.ecsTaskDefinitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for service in services {
            let definition = service.taskDefinitionArn.flatMap { definitions[$0] }
            for endpoint in service.serviceConnect?.services ?? [] {
                let discovery = endpoint.discoveryName ?? endpoint.portName
                let served = endpoint.servedPort(in: definition)
                for alias in endpoint.clientAliases {
                    let name = alias.dnsName ?? discovery
                    let route = ServiceConnectRoute(alias: name, aliasPort: alias.port, servedPort: served, service: service.name)
                    for key in Set([name.lowercased(), discovery.lowercased()]) where !(byName[key]?.contains(route) ?? false) {
                        byName[key, default: []].append(route)
                    }
                }
            }
        }
    }

    /// The routes a term names (case-insensitive).
    func routes(named term: String) -> [ServiceConnectRoute] { byName[term.lowercased()] ?? [] }

    /// Each alias name with the services it reaches.
    var names: [(name: String, services: Set<String>)] { byName.map { ($0.key, Set($0.value.map(\.service))) } }
}
