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

/// A subnet of the DB subnet group routes to an internet gateway.
struct RDSSubnetInternetRoute: Rule {
    static let info = RuleInfo(
        id: "rds-subnet-internet-route", title: "DB subnet routed to an internet gateway", defaultSeverity: .medium,
        rationale: "Databases belong in subnets without a route to an internet gateway; a public subnet in the DB subnet group lets RDS place the instance where the internet can route to it.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let topology = context.solver.topology
        for db in context.inventory.dbInstances {
            let groupSubnets = db.subnetGroupName.flatMap { context.index.dbSubnetGroups[$0] }?.subnetIds ?? db.subnetIds
            for subnet in groupSubnets {
                guard let table = topology.routeTable(forSubnet: subnet),
                      let route = table.routes.first(where: { if case .internetGateway = $0.target { return $0.state == .active }; return false }) else { continue }
                let name = context.index.subnets[subnet]?.tags.name.map { " (\($0))" } ?? ""
                out.append(finding(context.resource(db), title: "\(db.id)'s subnet \(subnet)\(name) routes \(route.destination) to \(route.target.targetId)",
                                   detail: subnet, evidence: ["DB subnet group \(db.subnetGroupName ?? "?") includes \(subnet)", "\(table.id): \(route.destination) → \(route.target)"],
                                   fix: Fix(summary: "Use a DB subnet group of private subnets only (no internet gateway route).",
                                            cli: "aws rds modify-db-subnet-group --region \(db.scope.region) --db-subnet-group-name \(db.subnetGroupName ?? "GROUP") --subnet-ids <private-subnet-ids>",
                                            terraform: "resource \"aws_db_subnet_group\" \"\(FixText.terraformName(db.subnetGroupName ?? db.id))\" {\n  subnet_ids = [/* private subnets only */]\n}")))
            }
        }
        return out
    }
}

/// The DB's security group allows its port from anywhere.
struct RDSOpenToWorld: Rule {
    static let info = RuleInfo(
        id: "rds-open-to-world", title: "DB security group open to the world on the DB port", defaultSeverity: .high,
        rationale: "The DB port should be reachable only from the application tier's security group.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for db in context.inventory.dbInstances {
            let port = context.port(of: db)
            for group in context.inventory.securityGroups where db.securityGroupIds.contains(group.id) {
                for rule in group.ingress where rule.ipProtocol.admits(.tcp) && (rule.portRange?.contains(port) ?? false) {
                    guard case .cidr(let p) = rule.peer, p.length == 0 else { continue }
                    out.append(finding(context.resource(db), title: "\(db.id): \(group.displayName) allows tcp/\(port) from \(p)",
                                       detail: "\(group.id)|\(p)", evidence: ["\(group.id) ingress: \(FixText.describe(rule)) from \(p)"],
                                       fix: FixText.narrowIngress(group: group, rule: rule, replacement: nil)))
                }
            }
        }
        return out
    }
}

/// Storage not encrypted at rest.
struct RDSStorageUnencrypted: Rule {
    static let info = RuleInfo(
        id: "rds-storage-unencrypted", title: "RDS storage not encrypted", defaultSeverity: .medium,
        rationale: "Unencrypted storage, snapshots and backups expose data to anyone who obtains them.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.inventory.dbInstances.filter { !$0.storageEncrypted }.map { db in
            finding(context.resource(db), title: "\(db.id) stores data unencrypted", detail: "unencrypted",
                    evidence: ["StorageEncrypted: false"],
                    fix: Fix(summary: "Encryption can't be turned on in place: snapshot, copy the snapshot with a KMS key, restore, switch over.",
                             cli: "aws rds create-db-snapshot --db-instance-identifier \(db.id) --db-snapshot-identifier \(db.id)-pre-encrypt\naws rds copy-db-snapshot --source-db-snapshot-identifier \(db.id)-pre-encrypt --target-db-snapshot-identifier \(db.id)-encrypted --kms-key-id alias/aws/rds",
                             terraform: "resource \"aws_db_instance\" \"\(FixText.terraformName(db.id))\" {\n  # ...\n  storage_encrypted = true\n}"))
        }
    }
}

/// A tier other than the allowed ones reaches a database port.
struct RDSUnexpectedTier: Rule {
    static let info = RuleInfo(
        id: "rds-unexpected-tier", title: "Database reachable from a tier not allowed to", defaultSeverity: .high,
        rationale: "Only the tiers listed under `allow.database_tiers` in the policy file should reach a database port.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        let allowed = Set(context.policy.databaseTiers)
        guard !allowed.isEmpty else { return [] }
        let databases = Dictionary(grouping: context.solver.catalog.endpoints.filter { $0.kind == .database }, by: \.resourceId)
        var out: [Finding] = []
        for db in context.inventory.dbInstances {
            let port = context.port(of: db)
            guard let targets = databases[db.id] else { continue }
            for (tier, answer) in context.tiersNotAllowed(reaching: targets, port: port, member: { $0.resourceId == db.id }) {
                out.append(finding(context.resource(db), title: "tier \(tier) reaches \(db.id) on tcp/\(port)",
                                   detail: "tier:\(tier)", evidence: answer.best.path.map { "\($0.kind): \($0.detail)" },
                                   fix: Fix(summary: "Allow tcp/\(port) on \(db.id)'s security groups only from the tiers \(allowed.sorted().joined(separator: ", ")).")))
            }
        }
        return out
    }
}
