import NetModel
import Reachability

/// Which workloads run as which IAM role, indexed once: instances through their instance profiles,
/// ECS tasks through their task definition's task role (or RunTask's override), Lambda functions through
/// their execution role, EKS nodes through their node group's role. Execution roles of ECS tasks (which
/// pull images and write logs for the agent, not the application) are recorded as uses but never as the
/// role a workload's code acts with.
struct WorkloadIdentity: Sendable {
    /// One way a role is used.
    struct Use: Sendable, Hashable {
        /// `ECS service todoapp-backend`, `Lambda function f`, `instance web-1 (i-0…)`.
        var workload: String
        /// The workload's own name (what `workloads:` in a policy file may use).
        var name: String
        /// `task role`, `execution role`, `function role`, `instance role`, `node role`.
        var how: String
        /// Whether the workload's code acts with the role (false for ECS execution roles).
        var actsAs: Bool
    }

    /// The role a workload's code acts with, and how it gets it.
    struct Binding: Sendable, Hashable {
        var roleName: String
        var how: String
    }

    private(set) var usesByRole: [String: [Use]] = [:]
    /// `kind|resource` → the role the endpoint's workload acts as.
    private var bindings: [String: Binding] = [:]
    /// Workload name → role name, for `workloads:` entries that name a service, function or instance.
    private var roleByWorkloadName: [String: String] = [:]

    init(_ inv: Inventory) {
        let rolesByProfile = Dictionary(inv.iamPrincipals.filter { $0.kind == .role }.flatMap { r in r.instanceProfileArns.map { ($0, r.name) } },
                                        uniquingKeysWith: { a, _ in a })
        for i in inv.instances where i.state != "terminated" {
            guard let profile = i.instanceProfileArn, let role = rolesByProfile[profile] else { continue }
            let name = i.tags.name ?? i.id
            let profileName = WorkloadIdentity.lastSegment(profile)
            let how = profileName == role ? "instance role" : "instance role (through instance profile \(profileName))"
            // Instances of one Auto Scaling group are one workload.
            let workload = i.autoScalingGroup.map { "Auto Scaling group \($0)" } ?? "instance \(name == i.id ? i.id : "\(name) (\(i.id))")"
            add(role, Use(workload: workload, name: i.autoScalingGroup ?? name, how: how, actsAs: true),
                key: "instance|\(i.id)", aliases: [name, i.id] + (i.autoScalingGroup.map { [$0] } ?? []))
        }
        let definitions = Dictionary(inv.ecsTaskDefinitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in inv.ecsServices {
            let def = s.taskDefinitionArn.flatMap { definitions[$0] }
            if let role = def?.taskRoleArn.map(WorkloadIdentity.roleName) {
                add(role, Use(workload: "ECS service \(s.name)", name: s.name, how: "task role", actsAs: true),
                    key: "ecsTask|\(s.name)", aliases: [s.name])
            }
            if let role = def?.executionRoleArn.map(WorkloadIdentity.roleName) {
                add(role, Use(workload: "ECS service \(s.name)", name: s.name, how: "execution role", actsAs: false), key: nil, aliases: [])
            }
        }
        for t in inv.ecsTasks where t.serviceName == nil {
            let def = t.taskDefinitionArn.flatMap { definitions[$0] }
            guard let arn = t.taskRoleOverride ?? def?.taskRoleArn else { continue }
            add(WorkloadIdentity.roleName(arn), Use(workload: "ECS task \(t.shortId)", name: t.shortId, how: "task role", actsAs: true),
                key: "ecsTask|\(t.shortId)", aliases: [t.shortId, t.id])
            bindings["ecsTask|\(t.id)"] = bindings["ecsTask|\(t.shortId)"]
        }
        for f in inv.lambdaFunctions {
            guard let arn = f.roleArn else { continue }
            add(WorkloadIdentity.roleName(arn), Use(workload: "Lambda function \(f.id)", name: f.id, how: "function role", actsAs: true),
                key: "lambda|\(f.id)", aliases: [f.id])
        }
        let asgRoles = Dictionary(inv.eksNodegroups.flatMap { g in g.autoScalingGroupNames.compactMap { asg in g.nodeRoleArn.map { (asg, ($0, g)) } } },
                                  uniquingKeysWith: { a, _ in a })
        for i in inv.instances where i.state != "terminated" && i.instanceProfileArn == nil {
            guard let asg = i.autoScalingGroup, let (arn, group) = asgRoles[asg] else { continue }
            add(WorkloadIdentity.roleName(arn), Use(workload: "EKS node \(i.id) of node group \(group.name)", name: group.name, how: "node role", actsAs: true),
                key: "instance|\(i.id)", aliases: [group.name])
        }
    }

    private mutating func add(_ role: String, _ use: Use, key: String?, aliases: [String]) {
        if !(usesByRole[role]?.contains(use) ?? false) { usesByRole[role, default: []].append(use) }
        if let key { bindings[key] = Binding(roleName: role, how: use.how) }
        for a in aliases where roleByWorkloadName[a] == nil { roleByWorkloadName[a] = role }
    }

    /// The role the endpoint's workload acts as, if the snapshot tells.
    func binding(for e: Endpoint) -> Binding? {
        switch e.kind {
        case .instance: bindings["instance|\(e.resourceId)"]
        case .ecsTask: bindings["ecsTask|\(e.resourceId)"]
        case .lambda: bindings["lambda|\(e.resourceId)"]
        default: nil
        }
    }

    /// The role a workload name (ECS service, function, instance name or ID) acts as.
    func roleName(forWorkload name: String) -> String? { roleByWorkloadName[name] }

    /// `arn:aws:iam::1:role/path/name` → `name`.
    static func roleName(_ arn: String) -> String { lastSegment(arn) }

    private static func lastSegment(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}
