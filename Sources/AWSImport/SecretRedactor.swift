import Foundation
import JSON

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
        var walker = Walker()
        let out = walker.walk(root, &redaction) ?? root
        redaction.paths.sort()  // members are walked in hash order; the warning is the same on every run
        return (out, redaction)
    }

    /// Whether a string can hold a secret the text patterns find: a quoted member, an XML element or a PEM block.
    /// One pass over the bytes; almost every string of a document (IDs, addresses, names) fails it.
    static func mayHoldSecret(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(mayHoldSecret) ?? Array(s.utf8).withUnsafeBufferPointer(mayHoldSecret)
    }

    private static func mayHoldSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for (i, b) in bytes.enumerated() {
            if b == 0x22 { return true }
            // "PRIVATE KEY" (PEM) and "pre_shared_key" both hold "KEY"/"key" after an ASCII letter, space or underscore.
            if (b == UInt8(ascii: "K") || b == UInt8(ascii: "k")), i + 2 < bytes.count,
               bytes[i + 1] | 0x20 == UInt8(ascii: "e"), bytes[i + 2] | 0x20 == UInt8(ascii: "y") { return true }
        }
        return false
    }

    /// The walk of one document: the path to the current value as a stack, rendered only for a redacted value,
    /// and the secret-name verdict of each member name met (documents repeat the same few names).
    private struct Walker {
        enum Step { case key(String), index(Int) }
        var steps: [Step] = []
        var secretNames: [String: Bool] = [:]

        var path: String {
            var out = ""
            for step in steps {
                switch step {
                case .key(let k): out += out.isEmpty ? k : ".\(k)"
                case .index(let i): out += "[\(i)]"
                }
            }
            return out
        }

        mutating func isSecret(_ key: String) -> Bool {
            if let known = secretNames[key] { return known }
            let verdict = SecretRedactor.isSecretName(key)
            secretNames[key] = verdict
            return verdict
        }

        /// Nil when nothing beneath `value` changed.
        mutating func walk(_ value: JSONValue, _ r: inout Redaction) -> JSONValue? {
            switch value {
            case .string(let s):
                // Only strings that could hold a quoted member, an XML element or a PEM block are searched.
                guard SecretRedactor.mayHoldSecret(s), let cleaned = redactText(s) else { return nil }
                let here = path
                r.paths.append(here.isEmpty ? "(top level)" : here)
                return .string(cleaned.text)
            case .array(let items):
                var out: [JSONValue]? = nil
                for (i, item) in items.enumerated() {
                    steps.append(.index(i))
                    defer { steps.removeLast() }
                    guard let changed = walk(item, &r) else { continue }
                    if out == nil { out = items }
                    out?[i] = changed
                }
                return out.map(JSONValue.array)
            case .object(let members):
                var out: JSONObject? = nil
                for (position, (key, child)) in members.enumerated() {
                    steps.append(.key(key))
                    defer { steps.removeLast() }
                    guard let changed = member(key, child, &r) else { continue }
                    if out == nil { out = members }
                    out?.setValue(changed, at: position)
                }
                return out.map(JSONValue.object)
            default:
                return nil
            }
        }

        /// One member: a secret by name, an environment list, an SSM parameter, or something to walk into.
        mutating func member(_ key: String, _ value: JSONValue, _ r: inout Redaction) -> JSONValue? {
            if isSecret(key) {
                switch value {
                case .string(let s) where !s.isEmpty && s != placeholder: return hide(path, &r)
                case .number: return hide(path, &r)
                case .object(var o):
                    // `UserData: {"Value": "…"}` of describe-instance-attribute.
                    guard let v = o["Value"], v != .null else { return walk(value, &r) }
                    o["Value"] = hide("\(path).Value", &r)
                    return .object(o)
                default: return walk(value, &r)
                }
            }
            // Only names of 9 to 11 letters can be "environment", "parameter" or "parameters".
            let name = (9...11).contains(key.utf8.count) ? key.lowercased() : ""
            if name == "environment" {
                // Lambda `Environment.Variables`, or a name/value list (ECS task definitions, container overrides).
                if case .object(var env) = value, case .object(let vars)? = env["Variables"] {
                    var hidden: [String: JSONValue] = [:]
                    for k in vars.dictionary.keys.sorted() { hidden[k] = hide("\(path).Variables.\(k)", &r) }
                    env["Variables"] = .object(hidden)
                    return .object(env)
                }
                if case .array(let items) = value { return .array(nameValueList(items, path, &r)) }
            }
            if name == "parameter" || name == "parameters" {
                // SSM `get-parameter(s)`: the value of a SecureString, and of any parameter to be safe.
                if case .object = value { return parameterValue(value, path, &r) ?? walk(value, &r) }
                if case .array(let items) = value {
                    var changed = false
                    var out = items
                    for (i, item) in items.enumerated() {
                        steps.append(.index(i))
                        defer { steps.removeLast() }
                        guard let p = parameterValue(item, path, &r) ?? walk(item, &r) else { continue }
                        changed = true
                        out[i] = p
                    }
                    return changed ? .array(out) : nil
                }
            }
            return walk(value, &r)
        }
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
