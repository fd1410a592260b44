import NetModel

/// Maps ELBv2 listener rules (`aws elbv2 describe-rules`) and the actions of rules and listeners
/// (`DefaultActions`), as the AWS CLI prints them (botocore `elbv2` shapes `Rule`, `RuleCondition`, `Action`).
enum ELBRulesMapper {
    /// `{"Rules": [...]}`: each rule goes to the listener its ARN names, whatever the file is called.
    static func rules(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("Rules") {
            let arn = try item.requiredString("RuleArn")
            let isDefault = try item.bool("IsDefault") ?? false
            let rule = ListenerRule(arn: arn, priority: try item.string("Priority") ?? (isDefault ? "default" : "?"), isDefault: isDefault,
                                    conditions: try conditions(item), actions: try actions(item, "Actions"))
            guard let listener = rule.listenerArn else {
                throw .invalidValue(file: ctx.file.displayPath, path: item.path, message: "'\(arn)' is not a listener rule ARN")
            }
            if !(try item.array("Transforms")).isEmpty {
                c.warn(ctx.file, "unmodelled-feature",
                       "\(rule.label) of \(listener) rewrites requests (Transforms: host-header-rewrite, url-rewrite): not modelled; it does not change which target group the rule forwards to")
            }
            c.rulesByListener[listener, default: []].append(rule)
        }
    }

    /// The conditions of a rule: `Field` with `Values`, or the `*Config` forms.
    static func conditions(_ rule: Node) throws(ImportError) -> [RuleCondition] {
        var out: [RuleCondition] = []
        for cond in try rule.array("Conditions") {
            let field = try cond.string("Field") ?? ""
            var values = try cond.strings("Values")
            var regex = try cond.strings("RegexValues")
            var header: String?
            for key in ["PathPatternConfig", "HostHeaderConfig", "HttpRequestMethodConfig", "SourceIpConfig"] {
                guard let config = cond[key] else { continue }
                for v in try config.strings("Values") where !values.contains(v) { values.append(v) }
                regex += try config.strings("RegexValues")
            }
            if let config = cond["HttpHeaderConfig"] {
                header = try config.string("HttpHeaderName")
                for v in try config.strings("Values") where !values.contains(v) { values.append(v) }
                regex += try config.strings("RegexValues")
            }
            if let config = cond["QueryStringConfig"] {
                for pair in try config.array("Values") {
                    let value = try pair.string("Value") ?? ""
                    values.append((try pair.string("Key")).map { "\($0)=\(value)" } ?? value)
                }
            }
            out.append(RuleCondition(field: field, values: values, headerName: header, regexValues: regex.isEmpty ? nil : regex))
        }
        return out
    }

    /// `Actions` of a rule or `DefaultActions` of a listener.
    static func actions(_ parent: Node, _ key: String) throws(ImportError) -> [ListenerAction] {
        var out: [ListenerAction] = []
        for a in try parent.array(key) {
            let type = try a.string("Type") ?? ""
            var groups: [WeightedTargetGroup] = []
            for weighted in try a["ForwardConfig"]?.array("TargetGroups") ?? [] {
                if let tg = try weighted.string("TargetGroupArn") { groups.append(WeightedTargetGroup(arn: tg, weight: try weighted.int("Weight"))) }
            }
            // `TargetGroupArn` and a one-group `ForwardConfig` may both be printed for the same group.
            if let tg = try a.string("TargetGroupArn"), !groups.contains(where: { $0.arn == tg }) { groups.insert(WeightedTargetGroup(arn: tg), at: 0) }
            if groups.count == 1 { groups[0].weight = nil }
            var provider: String?
            if let oidc = a["AuthenticateOidcConfig"] { provider = try oidc.string("Issuer") }
            if let cognito = a["AuthenticateCognitoConfig"] { provider = try cognito.string("UserPoolArn") }
            if let jwt = a["JwtValidationConfig"] { provider = try jwt.string("Issuer") }
            out.append(ListenerAction(type: type, order: try a.int("Order"), targetGroups: groups,
                                      redirect: try a["RedirectConfig"].map(redirectText),
                                      fixedResponseStatus: try a["FixedResponseConfig"]?.string("StatusCode"),
                                      authenticationProvider: provider))
        }
        return out
    }

    /// `RedirectConfig` as a URL with AWS's placeholders: `HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)`.
    /// AWS "Listener rules for your Application Load Balancer" (redirect actions): components left out keep the
    /// request's value (`#{protocol}`, `#{host}`, `#{port}`, `/#{path}`, `#{query}`).
    static func redirectText(_ config: Node) throws(ImportError) -> String {
        let proto = try config.string("Protocol") ?? "#{protocol}"
        let host = try config.string("Host") ?? "#{host}"
        let port = try config.string("Port") ?? "#{port}"
        let path = try config.string("Path") ?? "/#{path}"
        let query = try config.string("Query") ?? "#{query}"
        let status = try config.string("StatusCode")
        return "\(proto)://\(host):\(port)\(path)" + (query.isEmpty ? "" : "?\(query)") + (status.map { " (\($0))" } ?? "")
    }
}
