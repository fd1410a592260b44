/// A JSON value with ordered object keys, so reports print their fields in a fixed, readable order.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.bytes() == b.bytes() }
    func hash(into hasher: inout Hasher) { hasher.combine(bytes()) }

    /// A string, or null for nil.
    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation, no trailing newline.
    func rendered() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// `rendered()` as UTF-8, written byte by byte (no intermediate strings: a 100k-interface report is megabytes).
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        return out
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func indent(_ level: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private func write(into out: inout [UInt8], indent level: Int) {
        switch self {
        case .null: JSONValue.append("null", to: &out)
        case .bool(let b): JSONValue.append(b ? "true" : "false", to: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { JSONValue.append("[]", to: &out); return }
            JSONValue.append("[\n", to: &out)
            for (i, item) in items.enumerated() {
                JSONValue.indent(level + 1, &out)
                item.write(into: &out, indent: level + 1)
                JSONValue.append(i == items.count - 1 ? "\n" : ",\n", to: &out)
            }
            JSONValue.indent(level, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { JSONValue.append("{}", to: &out); return }
            JSONValue.append("{\n", to: &out)
            for (i, (key, value)) in fields.enumerated() {
                JSONValue.indent(level + 1, &out)
                JSONValue.quote(key, into: &out)
                JSONValue.append(": ", to: &out)
                value.write(into: &out, indent: level + 1)
                JSONValue.append(i == fields.count - 1 ? "\n" : ",\n", to: &out)
            }
            JSONValue.indent(level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, every other byte of the UTF-8 as is.
    private static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &out)
            case UInt8(ascii: "\\"): append("\\\\", to: &out)
            case UInt8(ascii: "\n"): append("\\n", to: &out)
            case UInt8(ascii: "\r"): append("\\r", to: &out)
            case UInt8(ascii: "\t"): append("\\t", to: &out)
            case 0..<0x20:
                append("\\u00", to: &out)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xf)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
