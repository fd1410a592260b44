import Findings
import NetModel
import Reachability

/// `PubliclyAccessible` is set on an RDS instance.
struct RDSPubliclyAccessible: Rule {
    static let info = RuleInfo(
        id: "rds-publicly-accessible", title: "RDS instance publicly accessible", defaultSeverity: .high,
        rationale: "A publicly accessible DB instance gets a public address; one security group rule away from the internet.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.inventory.dbInstances.filter(\.publiclyAccessible).map { db in
            let port = context.port(of: db)
            let reachable = context.exposure.contains { $0.endpoint.kind == .database && $0.endpoint.resourceId == db.id && $0.ports.contains(port) }
            return finding(context.resource(db), severity: reachable ? .critical : .high,
                           title: "\(db.id) is publicly accessible\(reachable ? " and its port \(port) is reachable from the internet" : "")",
                           detail: "publicly-accessible", evidence: ["PubliclyAccessible: true", "engine \(db.engine), port \(port)"],
                           fix: Fix(summary: "Turn off public accessibility on \(db.id).",
                                    cli: "aws rds modify-db-instance --region \(db.scope.region) --db-instance-identifier \(db.id) --no-publicly-accessible --apply-immediately",
                                    terraform: "resource \"aws_db_instance\" \"\(FixText.terraformName(db.id))\" {\n  # ...\n  publicly_accessible = false\n}"))
        }
    }
}
