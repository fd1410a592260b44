import Foundation

/// Removes secret values from every document before it is stored, modelled or kept raw: the mapping reads the
/// original tree, the snapshot only ever sees the redacted one.
enum SecretRedactor {
    static let placeholder = "(redacted by netaudit)"

    /// What one document lost: the paths of the redacted values (never the values).
    struct Redaction: Sendable, Hashable {
        var paths: [String] = []

        /// The `secret-redacted` warning's message: the first few paths and how many there were.
        var summary: String {
            let shown = paths.prefix(5).joined(separator: "; ")
            return "secret values not stored: \(shown)\(paths.count > 5 ? "; … (\(paths.count) in all)" : "")"
        }
    }

    /// Member names (lower-cased) whose values are secrets wherever they sit: passwords, client secrets, tokens,
    /// pre-shared and private keys, Secrets Manager values, EC2 user data (`describe-instance-attribute`,
    /// launch template data), a VPN connection's device configuration (it carries the pre-shared keys).
    static let secretSuffixes = ["password", "passwd", "passphrase", "secret", "secretstring", "secretbinary", "token",
                                 "privatekey", "presharedkey", "authkey", "apikey", "userdata",
                                 "customergatewayconfiguration"]
    /// Names that end like a secret but are not one: pagination and idempotency tokens.
    static let notSecret: Set<String> = ["nexttoken", "clienttoken", "continuationtoken", "paginationtoken",
                                         "starttoken", "nextcontinuationtoken"]

    static func isSecretName(_ key: String) -> Bool {
        let name = key.lowercased().replacingOccurrences(of: "_", with: "")
        return !notSecret.contains(name) && secretSuffixes.contains { name.hasSuffix($0) }
    }

    /// The document with every secret-bearing value replaced by the placeholder, and the paths replaced. The tree
    /// is rebuilt only along the paths that changed.
    static func redact(_ root: JSONValue) -> (JSONValue, Redaction) {
        var redaction = Redaction()
        let out = walk(root, "", &redaction) ?? root
        redaction.paths.sort()  // members are walked in hash order; the warning is the same on every run
        return (out, redaction)
    }

    /// Nil when nothing beneath `value` changed.
    private static func walk(_ value: JSONValue, _ path: String, _ r: inout Redaction) -> JSONValue? {
        switch value {
        case .string(let s):
            // Only strings that could hold a quoted member, an XML element or a PEM block are searched.
            guard s.utf8.contains(0x22) || s.contains("PRIVATE KEY") || s.contains("pre_shared_key"), let cleaned = redactText(s) else { return nil }
            r.paths.append(path.isEmpty ? "(top level)" : path)
            return .string(cleaned.text)
        case .array(let items):
            var out: [JSONValue]? = nil
            for (i, item) in items.enumerated() {
                guard let changed = walk(item, "\(path)[\(i)]", &r) else { continue }
                if out == nil { out = items }
                out?[i] = changed
            }
            return out.map(JSONValue.array)
        case .object(let members):
            var out: [String: JSONValue]? = nil
            for (key, child) in members {
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let changed = member(key, child, here, &r) else { continue }
                if out == nil { out = members }
                out?[key] = changed
            }
            return out.map(JSONValue.object)
        default:
            return nil
        }
    }

    /// One member: a secret by name, an environment list, an SSM parameter, or something to walk into.
    private static func member(_ key: String, _ value: JSONValue, _ path: String, _ r: inout Redaction) -> JSONValue? {
        let name = key.lowercased()
        if isSecretName(key) {
            switch value {
            case .string(let s) where !s.isEmpty && s != placeholder: return hide(path, &r)
            case .number: return hide(path, &r)
            case .object(var o):
                // `UserData: {"Value": "…"}` of describe-instance-attribute.
                guard let v = o["Value"], v != .null else { return walk(value, path, &r) }
                o["Value"] = hide("\(path).Value", &r)
                return .object(o)
            default: return walk(value, path, &r)
            }
        }
        if name == "environment" {
            // Lambda `Environment.Variables`, or a name/value list (ECS task definitions, container overrides).
            if case .object(var env) = value, case .object(let vars)? = env["Variables"] {
                var hidden: [String: JSONValue] = [:]
                for k in vars.keys.sorted() { hidden[k] = hide("\(path).Variables.\(k)", &r) }
                env["Variables"] = .object(hidden)
                return .object(env)
            }
            if case .array(let items) = value { return .array(nameValueList(items, path, &r)) }
        }
        if name == "parameter" || name == "parameters" {
            // SSM `get-parameter(s)`: the value of a SecureString, and of any parameter to be safe.
            if case .object = value { return parameterValue(value, path, &r) ?? walk(value, path, &r) }
            if case .array(let items) = value {
                var changed = false
                let out = items.enumerated().map { i, item in
                    let p = parameterValue(item, "\(path)[\(i)]", &r) ?? walk(item, "\(path)[\(i)]", &r)
                    if p != nil { changed = true }
                    return p ?? item
                }
                return changed ? .array(out) : nil
            }
        }
        return walk(value, path, &r)
    }

    private static func nameValueList(_ items: [JSONValue], _ path: String, _ r: inout Redaction) -> [JSONValue] {
        items.enumerated().map { i, item in
            guard case .object(var o) = item else { return item }
            for key in ["value", "Value"] where o[key] != nil && o[key] != .null {
                o[key] = hide("\(path)[\(i)].\(key)", &r)
            }
            return .object(o)
        }
    }

    private static func parameterValue(_ item: JSONValue, _ path: String, _ r: inout Redaction) -> JSONValue? {
        guard case .object(var o) = item, let v = o["Value"], v != .null else { return nil }
        o["Value"] = hide("\(path).Value", &r)
        return .object(o)
    }

    private static func hide(_ path: String, _ r: inout Redaction) -> JSONValue {
        r.paths.append(path)
        return .string(placeholder)
    }

    /// Secrets in text that is kept raw without being understood (malformed or truncated documents, possibly cut
    /// mid-value), and in any string of a parsed one: the content of `<pre_shared_key>` elements, PEM private key
    /// blocks, and the values of JSON members named like a secret. Nil when there is none; else the text and
    /// what kinds of secret were found (never the values).
    static func redactText(_ text: String) -> (text: String, kinds: [String])? {
        let lower = text.lowercased()
        guard lower.contains("pre_shared_key") || lower.contains("private key") || lower.contains("\"")
                && textPatterns.contains(where: { $0.hint.contains { lower.contains($0) } }) else { return nil }
        var out = text
        var kinds: [String] = []
        for pattern in textPatterns {
            guard pattern.hint.contains(where: { lower.contains($0) }) else { continue }
            let replaced = pattern.regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out),
                                                                  withTemplate: pattern.template)
            if replaced != out { kinds.append(pattern.kind); out = replaced }
        }
        return kinds.isEmpty ? nil : (out, kinds)
    }

    private struct TextPattern: @unchecked Sendable {
        let kind: String
        let hint: [String]
        let regex: NSRegularExpression
        let template: String
    }

    /// A JSON member name like a secret, in plain or escaped (JSON-in-a-string) text.
    private static let secretKey = #"\\?"(?i:[A-Za-z0-9_]*(?:password|passwd|passphrase|secret|secretstring|secretbinary|authtoken|sessiontoken|accesstoken|privatekey|presharedkey|authkey|apikey|userdata))\\?"\s*:\s*\\?""#

    private static let textPatterns: [TextPattern] = [
        ("pre-shared keys", ["pre_shared_key"], #"(<pre_shared_key>)[^<]*"#, "$1" + placeholder),
        ("private keys", ["private key"], #"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:(?!-----END)[\s\S])*(?:-----END [A-Z0-9 ]*PRIVATE KEY-----)?"#, placeholder),
        ("secret members", ["password", "passwd", "passphrase", "secret", "token", "privatekey", "presharedkey", "authkey", "apikey", "userdata"],
         "(" + secretKey + #")(?:[^"\\]|\\.)*"#, "$1" + placeholder),
        ("environment values", ["environment"], #"(\\?"[Nn]ame\\?"\s*:\s*\\?"[^"\\]*\\?"\s*,\s*\\?"[Vv]alue\\?"\s*:\s*\\?")(?:[^"\\]|\\.)*"#, "$1" + placeholder),
    ].compactMap { kind, hint, pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { TextPattern(kind: kind, hint: hint, regex: $0, template: template) }
    }
}
