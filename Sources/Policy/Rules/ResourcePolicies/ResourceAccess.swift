import AccessAnalysis
import Findings
import NetModel

/// One resource's policy judged as a whole: per `Allow` that some `Deny` does not cancel, who it lets in and
/// the access levels of the resource's own actions it grants.
struct ResourceAccess {
    let resource: PolicyResource
    let statements: [Entry]

    struct Entry {
        var access: StatementAccess
        /// The resource's actions the statement grants (those of its service), from the IAM action database.
        var actions: [ActionInfo]
        var levels: Set<AccessLevel> { Set(actions.map(\.level)) }
        /// Write (which holds delete, decrypt and invoke) or permissions management.
        var isDangerous: Bool { levels.contains { $0.isWriteOrPermissionsManagement } }
    }

    /// Nil when the resource has no policy; a policy that does not parse is reported as a problem.
    init?(_ resource: PolicyResource, _ context: RuleContext) {
        guard let text = resource.policy, !text.isEmpty else { return nil }
        let document: PolicyDocument
        do { document = try PolicyDocument(parsing: text, source: "\(resource.kind.label) \(resource.name) policy") } catch {
            context.problem("\(error)")
            return nil
        }
        self.resource = resource
        let prefix = resource.kind.servicePrefix + ":"
        statements = ResourcePolicyAnalysis(document: document, ownerAccount: resource.scope.account).statements.compactMap { access in
            let actions = context.actions.expand(access.statement.actions).filter { $0.fullName.lowercased().hasPrefix(prefix) }
            // A statement granting none of the resource's own actions grants nothing on it.
            return actions.isEmpty ? nil : Entry(access: access, actions: actions)
        }
    }

    /// The finding's resource reference.
    var ref: ResourceRef {
        ResourceRef(id: resource.id, kind: resource.kind.label, name: resource.name, arn: resource.id.hasPrefix("arn:") ? resource.id : nil,
                    account: resource.scope.account, region: resource.scope.region)
    }

    /// One line of evidence: the statement, what it grants to whom, and what narrowed it (or that nothing did).
    static func evidence(_ e: Entry) -> String {
        let s = e.access.statement
        let levels = e.levels.sorted().map(\.rawValue).joined(separator: ", ")
        let shown = e.actions.prefix(6).map(\.fullName).joined(separator: ", ") + (e.actions.count > 6 ? ", … (\(e.actions.count))" : "")
        var line = "\(s.label): Allow \(shown) [\(levels)] to \(e.access.audience.summary)"
        if e.access.restrictions.isEmpty {
            line += s.conditions.isEmpty ? "; no condition" : "; its conditions (\(s.conditions.map { "\($0.op) \($0.key)" }.joined(separator: ", "))) restrict no caller"
        }
        for r in e.access.restrictions {
            let values = r.condition.values.joined(separator: ", ")
            line += r.fromDeny ? "; narrowed by Deny \(r.statement) (\(r.condition.op) \(r.condition.key) \(values))"
                               : "; limited by \(r.condition.op) \(r.condition.key) \(values)"
        }
        if !e.access.conditionalDenies.isEmpty {
            line += "; Deny \(e.access.conditionalDenies.map(\.label).joined(separator: ", ")) may apply under its conditions"
        }
        return line
    }
}

extension RuleContext {
    /// Whether an organization ID or path, or an organization/OU ARN, lies in a trusted organization.
    func isTrustedOrganization(_ value: String) -> Bool {
        policy.trustedOrganizations.contains { org in value == org || value.hasPrefix(org + "/") || value.contains("/\(org)") || value.hasSuffix(":" + org) }
    }
}
