/// Listener rules, conditions and actions as people read them in answers, findings and diffs.
extension ListenerRule {
    /// `rule /api/* (priority 100)`, `rule host api.example.com, from 10.0.0.0/8 (priority 5)`, or `default rule`.
    public var label: String {
        if isDefault { return "default rule" }
        let what = conditions.map(\.summary).joined(separator: ", ")
        return "rule \(what.isEmpty ? "without conditions" : what) (priority \(priority))"
    }

    /// What the rule does, in order: `authenticate-oidc (https://idp.example.com) then forward to web-tg`.
    public var actionSummary: String {
        let steps = orderedActions.map(\.summary)
        return steps.isEmpty ? "no action" : steps.joined(separator: " then ")
    }
}

extension RuleCondition {
    /// `/api/*`, `host api.example.com`, `header X-Env: blue`, `query version=2`, `method GET`, `from 10.0.0.0/8`.
    public var summary: String {
        let shown = values + (regexValues ?? []).map { "~\($0)" }
        let list = shown.joined(separator: " or ")
        switch field {
        case "path-pattern": return list
        case "host-header": return "host \(list)"
        case "http-header": return "header \(headerName ?? "?"): \(list)"
        case "query-string": return "query \(list)"
        case "http-request-method": return "method \(list)"
        case "source-ip": return "from \(list)"
        default: return "\(field) \(list)"
        }
    }
}

extension ListenerAction {
    /// `forward to web-tg`, `forward to blue-tg (weight 80), green-tg (weight 20)`, `redirect to HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)`,
    /// `fixed response 404`, `authenticate-cognito (arn:aws:cognito-idp:…)`.
    public var summary: String {
        switch type {
        case "forward":
            let weighted = targetGroups.count > 1 || targetGroups.contains { $0.weight == 0 }
            let groups = targetGroups.map { weighted ? "\($0.name) (weight \($0.weight ?? 1))" : $0.name }
            return "forward to \(groups.isEmpty ? "no target group" : groups.joined(separator: ", "))"
        case "redirect": return "redirect to \(redirect ?? "?")"
        case "fixed-response": return "fixed response \(fixedResponseStatus ?? "?")"
        default: return authenticationProvider.map { "\(type) (\($0))" } ?? type
        }
    }

    /// Whether the action redirects to HTTPS (`RedirectConfig.Protocol` = `HTTPS`).
    public var redirectsToHTTPS: Bool {
        type == "redirect" && (redirect?.uppercased().hasPrefix("HTTPS://") ?? false)
    }
}
