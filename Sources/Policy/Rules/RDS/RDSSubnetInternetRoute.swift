import Findings
import NetModel
import Reachability

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
