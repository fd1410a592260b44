import AccessAnalysis
import Findings
import NetModel

/// AWS-managed broad policies (PowerUserAccess, *FullAccess) attached to a principal.
struct IAMBroadManagedPolicy: Rule {
    static let info = RuleInfo(id: "iam-broad-managed-policy", title: "Broad AWS-managed policy attached", defaultSeverity: .high,
                               rationale: "AWS-managed *FullAccess and PowerUserAccess policies grant every action of a service (or almost every service) on every resource; workloads need a handful of actions on a few resources.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for a in context.principals {
            for arn in a.principal.attachedPolicyArns where arn.hasPrefix("arn:aws:iam::aws:policy/") {
                let name = String(arn.split(separator: "/").last ?? "")
                guard name.hasSuffix("FullAccess") || name == "PowerUserAccess" else { continue }
                let services = context.index.managedPolicies[arn]?.document.map(IAMBroadManagedPolicy.services) ?? []
                out.append(finding(context.resource(a.principal), severity: a.isWorkloadRole ? .high : .medium,
                                   title: "\(a.principal.kind.rawValue) \(a.principal.name) has the AWS-managed \(name)" + (a.isWorkloadRole ? " (a workload role of \(a.trustedServices.joined(separator: ", ")))" : ""),
                                   detail: arn,
                                   evidence: ["attached: \(arn)"] + (services.isEmpty ? [] : ["grants: \(services.joined(separator: ", ")) on *"]) + context.usedBy(a.principal),
                                   fix: IAMText.replace(a.principal, policyArn: arn, needs: context.needs(for: a.principal))))
            }
        }
        return out
    }

    /// The action patterns of a policy document, for evidence (`s3:*`, `s3-object-lambda:*`).
    static func services(_ document: String) -> [String] {
        guard let doc = try? PolicyDocument(parsing: document, source: "managed policy") else { return [] }
        var out: [String] = []
        for s in doc.statements where s.effect == .allow {
            if case .only(let actions) = s.actions { out += actions }
        }
        // Service wildcards first (they say most), then the rest.
        let unique = Array(Set(out))
        let ordered = unique.filter { $0.hasSuffix(":*") }.sorted() + unique.filter { !$0.hasSuffix(":*") }.sorted()
        return ordered.count > 8 ? Array(ordered.prefix(8)) + ["… (\(ordered.count) patterns)"] : ordered
    }
}
