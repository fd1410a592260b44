import Foundation

/// Policy variables in condition values and resources: `${aws:username}`, `${aws:PrincipalTag/team}`, a default
/// after a comma (`${aws:username, 'anonymous'}`), and the literals `${*}`, `${?}`, `${$}` (IAM User Guide, "IAM
/// policy elements: Variables and tags").
public enum PolicyVariables {
    /// A value with its variables replaced.
    public enum Substitution: Sendable, Hashable {
        case value(String)
        /// A variable's key is absent and has no default: the value matches nothing.
        case noMatch
        /// A variable's key is not known in this context (or has several values).
        case unknown
    }

    public static func substitute(_ text: String, in context: RequestContext) -> Substitution {
        guard text.contains("${") else { return .value(text) }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                out += rest[open.lowerBound...]
                return .value(out)
            }
            let body = rest[open.upperBound..<close]
            rest = rest[rest.index(after: close)...]
            switch body {
            case "*", "?", "$": out += body; continue
            default: break
            }
            let parts = body.split(separator: ",", maxSplits: 1)
            let key = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let fallback = parts.count == 2 ? defaultValue(parts[1]) : nil
            switch context.state(of: key) {
            case .present(let values) where values.count == 1: out += values[0]
            case .present: return .unknown
            case .absent:
                guard let fallback else { return .noMatch }
                out += fallback
            case .unknown: return .unknown
            }
        }
        return .value(out + rest)
    }

    /// `'anonymous'` after the comma, without its quotes.
    private static func defaultValue(_ text: Substring) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 2, t.hasPrefix("'"), t.hasSuffix("'") else { return nil }
        return String(t.dropFirst().dropLast())
    }
}
