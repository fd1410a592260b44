import Foundation

/// A minimal JSON value for writing synthetic documents (literals make the generator readable).
public indirect enum JSON: Sendable, ExpressibleByDictionaryLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])

    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    subscript(key: String) -> JSON? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.0 == key }?.1
        }
        set {
            guard case .object(var members) = self, let newValue else { return }
            members.removeAll { $0.0 == key }
            members.append((key, newValue))
            self = .object(members)
        }
    }

    /// Pretty enough JSON text, as the AWS CLI prints it (two-space indent not needed for parsing).
    public var text: String {
        var out = ""
        write(&out)
        return out
    }

    private func write(_ out: inout String) {
        switch self {
        case .string(let s): out += "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .number(let n): out += n == n.rounded() ? String(Int(n)) : String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() { if i > 0 { out += ",\n" }; item.write(&out) }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out += ", " }
                out += "\"\(k)\": "
                v.write(&out)
            }
            out += "}"
        }
    }
}
