import AccessAnalysis
import Findings
import NetModel

/// One IAM principal's policies, analysed once and shared by the IAM rules.
struct PrincipalAnalysis {
    var principal: IAMPrincipal
    var policies: IdentityPolicies
    /// All identity policies.
    var all: PermissionSummary
    /// Only customer-managed and inline policies (AWS-managed ones are judged by `iam-broad-managed-policy`).
    var customer: PermissionSummary
    /// Services trusted to assume the role (`ec2.amazonaws.com`, `lambda.amazonaws.com`, ...).
    var trustedServices: [String]

    /// A role a workload (EC2, Lambda, ECS, ...) runs as.
    var isWorkloadRole: Bool { principal.kind == .role && !trustedServices.isEmpty }
}

extension RuleContext {
    /// Every user, group and role except AWS service-linked roles, analysed.
    var principals: [PrincipalAnalysis] {
        if let cached = principalCache.value { return cached }
        let groups = inventory.iamPrincipals.filter { $0.kind == .group }
        let result = inventory.iamPrincipals.filter { !($0.path ?? "").hasPrefix("/aws-service-role/") }.map { p -> PrincipalAnalysis in
            let policies = IdentityPolicies.collect(for: p, managedPolicies: inventory.managedPolicies, groups: groups)
            for problem in policies.problems { self.problem("\(p.kind.rawValue) \(p.name): \(problem)") }
            let customerSources = policies.sources.filter { !$0.name.hasPrefix("arn:aws:iam::aws:policy/") }
            var services: [String] = []
            if p.kind == .role {
                do {
                    services = try TrustPolicyAnalysis.trustees(of: p).compactMap { if case .service(let s) = $0.trustee { return s }; return nil }
                } catch {
                    self.problem("role \(p.name): trust policy: \(error)")
                }
            }
            return PrincipalAnalysis(principal: p, policies: policies,
                                     all: PermissionAnalysis(policies: policies.sources, actions: actions, principalArn: p.id).summary(),
                                     customer: PermissionAnalysis(policies: customerSources, actions: actions, principalArn: p.id).summary(),
                                     trustedServices: services)
        }
        principalCache.value = result
        return result
    }

    func resource(_ p: IAMPrincipal) -> ResourceRef {
        ResourceRef(id: p.id, kind: "iam-\(p.kind.rawValue)", name: p.name, arn: p.id, account: p.scope.account, region: p.scope.region)
    }
}

/// A write-once cache slot (rules run one after the other).
final class Cache<T>: @unchecked Sendable {
    var value: T?
}

/// Phrasing and fixes shared by the IAM rules.
enum IAMText {
    static func statements(_ grant: Grant) -> [String] {
        grant.statements.map { "\($0)" + ($0.isConditional ? " (with conditions)" : "") }
    }

    /// A least-privilege policy document for declared needs.
    static func policy(_ needs: [PolicyFile.Need]) -> String {
        let statements = needs.map { need in
            "    {\"Effect\": \"Allow\", \"Action\": [\(need.actions.map { "\"\($0)\"" }.joined(separator: ", "))], \"Resource\": [\(need.resources.map { "\"\($0)\"" }.joined(separator: ", "))]}"
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + statements.joined(separator: ",\n") + "\n  ]\n}"
    }

    /// Replace a broad policy on a principal by the declared needs, or say how to find them.
    static func replace(_ p: IAMPrincipal, policyArn: String?, needs: [PolicyFile.Need]?) -> Fix {
        let kind = p.kind.rawValue
        let detach = policyArn.map { "\naws iam detach-\(kind)-policy --\(kind)-name \(p.name) --policy-arn \($0)" } ?? ""
        guard let needs, !needs.isEmpty else {
            return Fix(summary: "Replace the broad grant on \(p.name) with a customer-managed policy that lists only the actions and resources the workload uses (generate one from CloudTrail with IAM Access Analyzer, or declare them under `workloads:` in the policy file to get the exact policy here).",
                       cli: "aws accessanalyzer start-policy-generation --policy-generation-details principalArn=\(p.id)" + detach)
        }
        let actions = needs.flatMap(\.actions)
        let document = policy(needs)
        let name = FixText.terraformName(p.name)
        return Fix(summary: "\(p.name) needs only \(actions.joined(separator: ", ")): attach exactly that\(policyArn.map { " and detach \($0.split(separator: "/").last ?? "")" } ?? "").",
                   cli: "aws iam put-\(kind)-policy --\(kind)-name \(p.name) --policy-name \(p.name)-least-privilege --policy-document '\(document.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: ""))'" + detach,
                   terraform: """
                       resource "aws_iam_\(kind)_policy" "\(name)_least_privilege" {
                         name   = "\(p.name)-least-privilege"
                         \(kind)   = "\(p.name)"
                         policy = <<-EOT
                       \(document.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                         EOT
                       }
                       # and remove the aws_iam_\(kind)_policy_attachment of \(policyArn ?? "the broad policy")
                       """)
    }
}
