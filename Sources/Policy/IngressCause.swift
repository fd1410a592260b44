import Findings
import NetModel

extension FindingCause {
    /// A security group ingress rule as the cause of findings: revoking or narrowing it closes them.
    ///
    /// The ID names the group, the protocol, the ports and the peer (`sg-0abc:ingress:tcp/22:0.0.0.0/0`),
    /// so it stays the same whichever resources the rule exposes.
    static func ingress(_ group: SecurityGroup, _ rule: SecurityGroupRule, title: String) -> FindingCause {
        let ports = rule.portRange.map { "/\($0)" } ?? ""
        return FindingCause(id: "\(group.id):ingress:\(rule.ipProtocol)\(ports):\(rule.peer)", resourceId: group.id,
                            label: "\(group.id) (\(group.displayName)) ingress \(FixText.describe(rule)) from \(rule.peer)"
                                + (rule.description.map { " (\($0))" } ?? ""),
                            title: title)
    }
}
