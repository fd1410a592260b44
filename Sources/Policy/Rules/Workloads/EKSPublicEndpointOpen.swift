import Findings
import NetModel
import Reachability

/// An EKS cluster's public API endpoint admits the whole internet.
struct EKSPublicEndpointOpen: Rule {
    static let info = RuleInfo(
        id: "eks-public-endpoint-open", title: "EKS public API endpoint open to the internet", defaultSeverity: .high,
        rationale: "AWS \"Cluster API server endpoint\": a public endpoint admits the CIDRs in publicAccessCidrs, 0.0.0.0/0 by default; the Kubernetes API server is then one credential or one vulnerability away from anyone. Limit the CIDRs or use the private endpoint only.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.inventory.eksClusters.compactMap { cluster -> Finding? in
            guard cluster.endpointPublicAccess else { return nil }
            let cidrs = cluster.publicAccessCidrs.isEmpty ? ["0.0.0.0/0"] : cluster.publicAccessCidrs
            let open = cidrs.filter { IPPrefix($0)?.length == 0 }
            guard !open.isEmpty else { return nil }
            let resource = ResourceRef(id: cluster.id, kind: "eks-cluster", name: cluster.id, arn: cluster.arn,
                                       account: cluster.scope.account, region: cluster.scope.region)
            let evidence = ["endpointPublicAccess: true", "publicAccessCidrs: \(cidrs.joined(separator: ", "))",
                            "endpointPrivateAccess: \(cluster.endpointPrivateAccess)"]
                + (cluster.endpoint.map { ["API endpoint \($0) answers on tcp/443"] } ?? [])
            let privateOnly = cluster.endpointPrivateAccess
            return finding(resource, title: "\(cluster.id)'s public API endpoint admits \(open.joined(separator: " and "))",
                           detail: "public-endpoint", evidence: evidence,
                           fix: Fix(summary: privateOnly
                                        ? "The private endpoint is on: turn the public one off, or limit it to your administrators' CIDRs."
                                        : "Limit publicAccessCidrs to your administrators' CIDRs (or enable the private endpoint and turn the public one off).",
                                    cli: "aws eks update-cluster-config --region \(cluster.scope.region) --name \(cluster.id) --resources-vpc-config "
                                        + (privateOnly ? "endpointPublicAccess=false,endpointPrivateAccess=true" : "endpointPublicAccess=true,publicAccessCidrs=\"<admin-cidr>\""),
                                    terraform: "resource \"aws_eks_cluster\" \"\(FixText.terraformName(cluster.id))\" {\n  vpc_config {\n    # ...\n"
                                        + (privateOnly ? "    endpoint_public_access  = false\n    endpoint_private_access = true\n"
                                                       : "    public_access_cidrs = [\"<admin-cidr>\"]\n") + "  }\n}"))
        }
    }
}
