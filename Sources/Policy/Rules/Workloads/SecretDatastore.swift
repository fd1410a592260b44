import NetModel
import Reachability

/// The datastore a leaked credential opens: the database or cache its connection URL names (by endpoint host),
/// or, when the URL names an unknown host, every database of the URL scheme's engine.
enum SecretDatastore {
    /// Default ports of the schemes connection URLs use.
    static let defaultPorts: [String: Int] = [
        "postgres": 5432, "postgresql": 5432, "mysql": 3306, "mariadb": 3306, "redis": 6379, "rediss": 6379,
        "mongodb": 27017, "mongodb+srv": 27017, "sqlserver": 1433, "mssql": 1433, "oracle": 1521,
    ]

    struct Targets {
        var endpoints: [Endpoint]
        var name: String
        var port: Int?
    }

    static func targets(of secret: PlainSecret, _ context: RuleContext) -> Targets {
        guard let scheme = secret.scheme?.lowercased(), let port = secret.port ?? defaultPorts[scheme] else {
            return Targets(endpoints: [], name: "", port: nil)
        }
        let inv = context.inventory
        let host = secret.host?.lowercased()
        let catalog = context.solver.catalog.endpoints
        // A DB instance, an Aurora cluster endpoint, or a cache node / replication group endpoint named by the URL.
        if let host {
            if let db = inv.dbInstances.first(where: { $0.endpointAddress?.lowercased() == host }) {
                return Targets(endpoints: catalog.filter { $0.kind == .database && $0.resourceId == db.id }, name: db.id, port: port)
            }
            if let cluster = inv.dbClusters.first(where: { [$0.endpoint, $0.readerEndpoint].contains { $0?.lowercased() == host } }) {
                let members = Set(cluster.members.map(\.instanceId))
                return Targets(endpoints: catalog.filter { $0.kind == .database && members.contains($0.resourceId) }, name: cluster.id, port: port)
            }
            if let cache = inv.cacheClusters.first(where: { $0.nodes.contains { $0.address?.lowercased() == host } }) {
                return Targets(endpoints: catalog.filter { $0.kind == .cache && ($0.resourceId == cache.id || $0.resourceId == cache.replicationGroupId) },
                               name: cache.id, port: port)
            }
        }
        let engines: [String: [String]] = ["postgres": ["postgres", "aurora-postgresql"], "postgresql": ["postgres", "aurora-postgresql"],
                                           "mysql": ["mysql", "mariadb", "aurora-mysql", "aurora"], "mariadb": ["mariadb", "mysql"],
                                           "sqlserver": ["sqlserver"], "mssql": ["sqlserver"], "oracle": ["oracle"]]
        guard let wanted = engines[scheme] else { return Targets(endpoints: [], name: "", port: nil) }
        let dbs = inv.dbInstances.filter { db in wanted.contains { db.engine.lowercased().hasPrefix($0) } }
        let ids = Set(dbs.map(\.id))
        return Targets(endpoints: catalog.filter { $0.kind == .database && ids.contains($0.resourceId) },
                       name: dbs.count == 1 ? dbs[0].id : "a \(scheme) database", port: port)
    }
}
