import Findings
import NetModel
import Reachability

/// Helpers shared by the RDS rules.
extension RuleContext {
    func resource(_ db: DBInstance) -> ResourceRef {
        ResourceRef(id: db.id, kind: "db-instance", name: db.id, arn: db.arn, account: db.scope.account, region: db.scope.region)
    }

    /// The port a database listens on (the engine's default when the snapshot lacks it).
    func port(of db: DBInstance) -> Int {
        if let p = db.port { return p }
        let e = db.engine.lowercased()
        if e.contains("postgres") { return 5432 }
        if e.contains("sqlserver") { return 1433 }
        if e.contains("oracle") { return 1521 }
        return 3306
    }
}
