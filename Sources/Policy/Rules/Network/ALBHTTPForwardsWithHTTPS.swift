import Findings
import NetModel

/// An internet-facing Application Load Balancer has an HTTPS listener, yet its HTTP listener forwards requests
/// to targets (by its default action or any rule) instead of redirecting them to HTTPS.
///
/// AWS "Listeners for your Application Load Balancers" and "Listener rules for your Application Load Balancer":
/// a redirect action (`Protocol` HTTPS, `HTTP_301`) on the HTTP listener sends clients to the HTTPS listener;
/// a forward action serves them in clear text. Each forwarding rule is named in the evidence.
struct ALBHTTPForwardsWithHTTPS: Rule {
    static let info = RuleInfo(
        id: "alb-http-forwards-with-https", title: "Internet-facing ALB serves HTTP although it has an HTTPS listener", defaultSeverity: .low,
        rationale: "When a load balancer already terminates HTTPS, its HTTP listener should redirect to it: forwarding on HTTP serves the same application unencrypted, so credentials and cookies can travel in clear text.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for lb in context.inventory.loadBalancers where lb.type == "application" && lb.isInternetFacing {
            guard let https = lb.listeners.filter({ $0.protocolName.uppercased() == "HTTPS" }).min(by: { $0.port < $1.port }) else { continue }
            for http in lb.listeners where http.protocolName.uppercased() == "HTTP" {
                let forwarding = http.reachableRules.filter { !$0.forwardedTargetGroupArns.isEmpty }
                guard !forwarding.isEmpty else { continue }
                var evidence = ["\(lb.name) is internet-facing and has an HTTPS listener on \(https.port)"]
                evidence += forwarding.map { "HTTP:\(http.port) \($0.label): \($0.actionSummary)" }
                if !http.rulesKnown { evidence.append("HTTP:\(http.port)'s rules were not captured (elbv2 describe-rules): only its default action was judged") }
                let groups = Set(forwarding.flatMap(\.forwardedTargetGroupArns)).map(TargetGroup.name(fromArn:)).sorted()
                out.append(finding(
                    ResourceRef(id: lb.id, kind: "load-balancer", name: lb.name, arn: lb.id, account: lb.scope.account, region: lb.scope.region),
                    title: "\(lb.name)'s HTTP:\(http.port) listener forwards to \(groups.joined(separator: ", ")) instead of redirecting to HTTPS:\(https.port)",
                    detail: http.arn, evidence: evidence,
                    fix: FixText.redirectListenerToHTTPS(lb, http, httpsPort: https.port, forwardingRules: forwarding)))
            }
        }
        return out
    }
}
