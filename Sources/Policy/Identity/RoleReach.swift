import AccessAnalysis

/// What a workload's role can do, in the terms an exposure finding needs: whether it is worth
/// raising the exposure for, and one line saying why.
struct RoleReach: Sendable, Hashable {
    var roleName: String
    var how: String
    /// Administrator, or Write/Permissions-management on every resource (telemetry aside), without conditions.
    var isPowerful: Bool
    var isAdmin: Bool
    /// `administrator (* on *)`, `s3:* on *`, `write on *: iam:CreateUser, ec2:RunInstances, … (12)`.
    var summary: String

    /// Services whose write actions on `*` only emit telemetry (log events, traces, metrics): they change
    /// nothing an attacker could use, and nearly every workload role has them (AmazonECSTaskExecutionRolePolicy,
    /// AWSLambdaBasicExecutionRole). Decided here, documented in the README's rule table.
    static let telemetryServices: Set<String> = ["logs", "xray", "cloudwatch"]

    init(roleName: String, how: String, summary p: PermissionSummary) {
        self.roleName = roleName
        self.how = how
        if let admin = p.fullAdmin, !admin.isConditional {
            isAdmin = true
            isPowerful = true
            summary = "administrator (* on *)"
            return
        }
        isAdmin = false
        if let broad = p.allActionsExcept.first(where: { !$0.grant.isConditional }) {
            isPowerful = true
            summary = "every action except \(broad.excluded.joined(separator: ", ")) on *"
            return
        }
        let wildcards = p.serviceWildcards.filter { $0.grant.coversAllResources && !$0.grant.isConditional && !RoleReach.telemetryServices.contains($0.service) }
        let writes = p.writeActionsOnAllResources.filter { grant in
            !grant.grant.isConditional && !RoleReach.telemetryServices.contains(grant.action.split(separator: ":").first.map { $0.lowercased() } ?? "")
        }
        isPowerful = !wildcards.isEmpty || !writes.isEmpty
        if !wildcards.isEmpty {
            summary = wildcards.prefix(4).map { "\($0.service):* on *" }.joined(separator: ", ") + (wildcards.count > 4 ? ", … (\(wildcards.count) services)" : "")
        } else if !writes.isEmpty {
            let names = writes.map(\.action)
            summary = "write on *: " + names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", … (\(names.count))" : "")
        } else {
            summary = "no administrator, wildcard or write grant on all resources"
        }
    }

    /// `task role ECSTaskRole: s3:* on *`, `instance role (profile p) r: administrator (* on *)`.
    var evidence: String { "\(how) \(roleName): \(summary)" }
}
