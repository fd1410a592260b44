import Foundation
import Findings
import NetModel

/// AWS CLI commands and Terraform snippets for the fixes rules propose.
enum FixText {
    /// Revoke a world-open ingress rule, and allow it from a narrower source instead.
    static func narrowIngress(group: SecurityGroup, rule: SecurityGroupRule, replacement: String?) -> Fix {
        let proto = rule.ipProtocol == .all ? "-1" : rule.ipProtocol.description
        let ports = rule.portRange.map { $0 == .all ? "" : " --port \($0)" } ?? ""
        let cidr = rule.peer.description
        let flag = cidr.contains(":") ? "--ip-permissions IpProtocol=\(proto)\(rule.fromPort.map { ",FromPort=\($0)" } ?? "")\(rule.toPort.map { ",ToPort=\($0)" } ?? ""),Ipv6Ranges=[{CidrIpv6=\(cidr)}]" : "--protocol \(proto)\(ports) --cidr \(cidr)"
        var cli = "aws ec2 revoke-security-group-ingress --region \(group.scope.region) --group-id \(group.id) \(flag)"
        let source = replacement ?? "203.0.113.0/24"
        let sourceFlag = source.hasPrefix("sg-") ? "--source-group \(source)" : "--cidr \(source)"
        let authorizePorts = rule.portRange.map { $0 == .all ? "" : " --port \($0)" } ?? ""
        cli += "\naws ec2 authorize-security-group-ingress --region \(group.scope.region) --group-id \(group.id) --protocol \(proto)\(authorizePorts) \(sourceFlag)"
        let resourceName = terraformName(group.displayName)
        let sourceAttribute = source.hasPrefix("sg-") ? "referenced_security_group_id = \"\(source)\"" : "cidr_ipv4                    = \"\(source)\""
        let terraform = """
            # Remove the rule that opens \(describe(rule)) to \(cidr), then:
            resource "aws_vpc_security_group_ingress_rule" "\(resourceName)_\(rule.fromPort.map(String.init) ?? "all")" {
              security_group_id            = "\(group.id)"
              ip_protocol                  = "\(proto)"
            \(rule.portRange.map { $0 == .all ? "" : "  from_port                    = \($0.lower)\n  to_port                      = \($0.upper)\n" } ?? "")  \(sourceAttribute)
            }
            """
        let narrower = replacement.map { $0.hasPrefix("sg-") ? "security group \($0)" : $0 } ?? "the addresses that need it (your office or VPN range)"
        return Fix(summary: "Revoke \(describe(rule)) from \(cidr) on \(group.id) (\(group.displayName)) and allow it only from \(narrower).",
                   cli: cli, terraform: terraform)
    }

    /// Make an HTTP listener redirect to HTTPS (AWS "Listeners for your Application Load Balancers": a redirect
    /// default action, `HTTP_301`), and turn the rules that forward on it into redirects too.
    static func redirectListenerToHTTPS(_ lb: LoadBalancer, _ listener: Listener, httpsPort: Int, forwardingRules: [ListenerRule]) -> Fix {
        let redirect = "Type=redirect,RedirectConfig={Protocol=HTTPS,Port=\(httpsPort),StatusCode=HTTP_301}"
        var cli = "aws elbv2 modify-listener --region \(lb.scope.region) --listener-arn \(listener.arn) --default-actions \"\(redirect)\""
        for rule in forwardingRules where !rule.isDefault {
            cli += "\naws elbv2 modify-rule --region \(lb.scope.region) --rule-arn \(rule.arn) --actions \"\(redirect)\""
        }
        let name = terraformName("\(lb.name)_http")
        let terraform = """
            resource "aws_lb_listener" "\(name)" {
              load_balancer_arn = "\(lb.id)"
              port              = \(listener.port)
              protocol          = "HTTP"

              default_action {
                type = "redirect"
                redirect {
                  port        = "\(httpsPort)"
                  protocol    = "HTTPS"
                  status_code = "HTTP_301"
                }
              }
            }
            \(forwardingRules.contains { !$0.isDefault } ? "# and in each aws_lb_listener_rule of this listener that forwards: action { type = \"redirect\" ... } as above, or remove the rule" : "")
            """
        let rules = forwardingRules.filter { !$0.isDefault }.map(\.label)
        let also = rules.isEmpty ? "" : ", and make \(rules.joined(separator: ", ")) redirect too (or delete them)"
        return Fix(summary: "Make \(lb.name)'s HTTP:\(listener.port) listener redirect to HTTPS:\(httpsPort) (HTTP_301) instead of forwarding\(also).",
                   cli: cli, terraform: terraform.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func describe(_ rule: SecurityGroupRule) -> String {
        switch rule.ipProtocol {
        case .all: return "all traffic"
        case .tcp, .udp: return rule.portRange.map { $0 == .all ? "all \(rule.ipProtocol) ports" : "\(rule.ipProtocol)/\($0)" } ?? "\(rule.ipProtocol)"
        default: return "protocol \(rule.ipProtocol)"
        }
    }

    static func terraformName(_ s: String) -> String {
        let cleaned = String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return cleaned.first?.isLetter == true ? cleaned : "r_" + cleaned
    }
}
