import Foundation

/// Removes secret values from documents before they are stored.
enum SecretRedactor {
    static let placeholder = "(redacted by netaudit)"

    /// Lambda environment variables often hold credentials: keep their names, drop their values.
    static func redactLambda(_ root: JSONValue) -> JSONValue {
        guard case .object(var top) = root, case .array(let functions) = top["Functions"] else { return root }
        top["Functions"] = .array(functions.map { fn in
            guard case .object(var f) = fn, case .object(var env) = f["Environment"],
                  case .object(let vars) = env["Variables"] else { return fn }
            env["Variables"] = .object(vars.mapValues { _ in .string(placeholder) })
            f["Environment"] = .object(env)
            return .object(f)
        })
        return .object(top)
    }

    /// Members holding secrets wherever they sit in a document (`ClientSecret` of an `authenticate-oidc` action in
    /// `describe-listeners` / `describe-rules` output): their values dropped, their paths returned (never the values).
    static func redactMembers(_ root: JSONValue, named names: Set<String>) -> (JSONValue, [String]) {
        var removed: [String] = []
        func walk(_ value: JSONValue, _ path: String) -> JSONValue {
            switch value {
            case .object(let members):
                var out: [String: JSONValue] = [:]
                for (key, child) in members {
                    let here = path.isEmpty ? key : "\(path).\(key)"
                    if names.contains(key), child != .null {
                        out[key] = .string(placeholder)
                        removed.append(here)
                    } else {
                        out[key] = walk(child, here)
                    }
                }
                return .object(out)
            case .array(let items):
                return .array(items.enumerated().map { walk($1, "\(path)[\($0)]") })
            default:
                return value
            }
        }
        let out = walk(root, "")
        return (out, removed.sorted())
    }

    /// Pre-shared keys in text that is kept raw without being understood (unrecognised or malformed documents,
    /// possibly truncated mid-key): the content of `<pre_shared_key>` elements and `"PreSharedKey"` strings.
    /// Nil when there is none.
    static func redactText(_ text: String) -> String? {
        guard text.contains("pre_shared_key") || text.contains("PreSharedKey") else { return nil }
        var out = text
        let patterns = [(#"(<pre_shared_key>)[^<]*"#, "$1" + placeholder),
                        (#"(\\?"PreSharedKey\\?"\s*:\s*\\?")(?:[^"\\]|\\.)*"#, "$1" + placeholder)]
        for (pattern, template) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        return out == text ? nil : out
    }

    /// VPN connections carry pre-shared keys in `CustomerGatewayConfiguration` (the device configuration XML)
    /// and `Options.TunnelOptions[].PreSharedKey`: drop them, keep everything else. Returns what was removed,
    /// named by connection and member (never the values).
    static func redactVPN(_ root: JSONValue) -> (JSONValue, [String]) {
        guard case .object(var top) = root, case .array(let connections) = top["VpnConnections"] else { return (root, []) }
        var removed: [String] = []
        top["VpnConnections"] = .array(connections.enumerated().map { index, item in
            guard case .object(var conn) = item else { return item }
            var id = "VpnConnections[\(index)]"
            if case .string(let s)? = conn["VpnConnectionId"] { id = s }
            var members: [String] = []
            if let config = conn["CustomerGatewayConfiguration"], config != .null, config != .string("") {
                conn["CustomerGatewayConfiguration"] = .string(placeholder)
                members.append("CustomerGatewayConfiguration")
            }
            if case .object(var options)? = conn["Options"], case .array(let tunnels)? = options["TunnelOptions"] {
                options["TunnelOptions"] = .array(tunnels.enumerated().map { t, tunnel in
                    guard case .object(var o) = tunnel, let key = o["PreSharedKey"], key != .null else { return tunnel }
                    o["PreSharedKey"] = .string(placeholder)
                    members.append("Options.TunnelOptions[\(t)].PreSharedKey")
                    return .object(o)
                })
                conn["Options"] = .object(options)
            }
            if !members.isEmpty { removed.append("\(id) \(members.joined(separator: ", "))") }
            return .object(conn)
        })
        return (.object(top), removed)
    }
}
