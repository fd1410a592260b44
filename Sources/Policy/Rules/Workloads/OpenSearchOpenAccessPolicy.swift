import AccessAnalysis
import Findings
import NetModel
import Reachability

/// A public OpenSearch domain whose access policy lets anyone in.
struct OpenSearchOpenAccessPolicy: Rule {
    static let info = RuleInfo(
        id: "opensearch-open-access-policy", title: "Public OpenSearch domain with an open access policy", defaultSeverity: .critical,
        rationale: "A domain outside a VPC has no security group: its access policy alone decides who may use it (AWS \"Identity and Access Management in Amazon OpenSearch Service\"). An Allow for any principal (\"*\") without a condition pinning source addresses, accounts or organisations opens the data to the internet.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for domain in context.inventory.openSearchDomains where domain.isPublic {
            guard let text = domain.accessPolicy, !text.isEmpty else { continue }
            let document: PolicyDocument
            do { document = try PolicyDocument(parsing: text, source: "OpenSearch domain \(domain.id) access policy") } catch {
                context.problem("\(error)")
                continue
            }
            // Statements granting any es: action to an open principal that no restricting condition or Deny narrows.
            let open = ResourcePolicyAnalysis(document: document, ownerAccount: domain.scope.account).publicStatements.map(\.statement).filter { s in
                s.actions.patterns.contains { PolicyMatch.action("es:ESHttpGet", matches: $0) || $0.lowercased().hasPrefix("es:") } && !s.actions.isNegated
            }
            guard !open.isEmpty else { continue }
            let resource = ResourceRef(id: domain.id, kind: "opensearch-domain", name: domain.id, arn: domain.arn,
                                       account: domain.scope.account, region: domain.scope.region)
            let reachable = context.exposure.contains { $0.endpoint.kind == .search && $0.endpoint.resourceId == domain.id }
            var evidence = open.map { "\($0.label): Allow \($0.actions.patterns.joined(separator: ", ")) to any principal, no restricting condition" }
            evidence.append("no VPC: the public endpoint \(domain.endpoint ?? "?") has no security group\(reachable ? " and the internet reaches it" : "")")
            // Fine-grained access control still asks every user for credentials: one level lower (AWS "Fine-grained access control").
            if domain.fineGrainedAccessControl { evidence.append("fine-grained access control is on: users still authenticate to the domain") }
            out.append(finding(resource, severity: domain.fineGrainedAccessControl ? .high : nil,
                               title: "\(domain.id) is a public OpenSearch domain whose access policy allows anyone",
                               detail: "open-access-policy", evidence: evidence,
                               fix: Fix(summary: "Restrict the access policy to named principals or an aws:SourceIp condition, or move the domain into a VPC.",
                                        cli: "aws opensearch update-domain-config --region \(domain.scope.region) --domain-name \(domain.id) --access-policies file://restricted-policy.json",
                                        terraform: "resource \"aws_opensearch_domain_policy\" \"\(FixText.terraformName(domain.id))\" {\n  domain_name     = \"\(domain.id)\"\n  access_policies = jsonencode({ /* named principals or aws:SourceIp */ })\n}")))
        }
        return out
    }
}
