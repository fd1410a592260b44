import Findings
import NetModel
import Reachability

/// `PubliclyAccessible` is set on an RDS instance (AWS "Working with a DB instance in a VPC": it gets a public address);
/// critical when the internet at large reaches its port.
struct RDSPubliclyAccessible: Rule {
    static let info = RuleInfo(
        id: "rds-publicly-accessible", title: "RDS instance publicly accessible", defaultSeverity: .high,
        rationale: "A publicly accessible DB instance gets a public address; one security group rule away from the internet.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.inventory.dbInstances.filter(\.publiclyAccessible).map { db in
            let port = context.port(of: db)
            let ways = context.exposure.filter { $0.endpoint.kind == .database && $0.endpoint.resourceId == db.id && $0.ports.contains(port) }
            // Graded by who gets through: the whole internet (or a range wider than /8) is critical; a few fixed
            // ranges leave it high, named as they are; trusted ranges only, as if unreachable.
            let reach = SourceReach(Array(Set(ways.flatMap(\.sources))).sorted(), trusted: context.policy.trustedRanges)
            let reachable = !ways.isEmpty && !reach.isTrusted
            let from = reach.isWide ? "the internet" : reach.phrase
            return finding(context.resource(db), severity: reachable && reach.isWide ? .critical : .high,
                           title: "\(db.id) is publicly accessible\(reachable ? " and its port \(port) is reachable from \(from)" : "")",
                           detail: "publicly-accessible",
                           evidence: ["PubliclyAccessible: true", "engine \(db.engine), port \(port)"] + (reachable ? ["reachable from \(reach.phrase)"] : []),
                           fix: Fix(summary: "Turn off public accessibility on \(db.id).",
                                    cli: "aws rds modify-db-instance --region \(db.scope.region) --db-instance-identifier \(db.id) --no-publicly-accessible --apply-immediately",
                                    terraform: "resource \"aws_db_instance\" \"\(FixText.terraformName(db.id))\" {\n  # ...\n  publicly_accessible = false\n}"))
        }
    }
}
