/// How a value is printed.
public enum JSONStyle: Sendable, Hashable {
    /// No whitespace; members in their order, numbers as written.
    case compact
    /// Two-space indentation, `"key": value`, empty containers as `[]` and `{}`, no trailing newline; order and numbers as written.
    case pretty
    /// A canonical form for storing and comparing: compact, keys sorted (a repeated key once, its last value),
    /// numbers through `Double` (integral values below 10^15 as integers: `2.0` prints `2`).
    case canonical
}

extension JSONValue {
    /// The value as JSON text in UTF-8, written byte by byte (a 100k-interface report is megabytes).
    public func bytes(_ style: JSONStyle = .compact) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, style: style, indent: 0)
        return out
    }

    /// The value as JSON text.
    public func text(_ style: JSONStyle = .compact) -> String { String(decoding: bytes(style), as: UTF8.self) }

    /// `text(.canonical)`: compact, sorted keys, normalised numbers.
    public var canonicalText: String { text(.canonical) }

    private func write(into out: inout [UInt8], style: JSONStyle, indent level: Int) {
        switch self {
        case .null: JSONValue.append("null", to: &out)
        case .bool(let b): JSONValue.append(b ? "true" : "false", to: &out)
        case .number(let n): out.append(contentsOf: (style == .canonical ? n.normalizedText : n.text).utf8)
        case .string(let s): JSONQuoting.append(s, to: &out, shortControls: false)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(style, level + 1, &out)
                item.write(into: &out, style: style, indent: level + 1)
            }
            if !items.isEmpty { JSONValue.newline(style, level, &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            let members = style == .canonical ? JSONValue.sortedUnique(object.members) : object.members
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(style, level + 1, &out)
                JSONQuoting.append(member.key, to: &out, shortControls: false)
                out.append(UInt8(ascii: ":"))
                if style == .pretty { out.append(UInt8(ascii: " ")) }
                member.value.write(into: &out, style: style, indent: level + 1)
            }
            if !members.isEmpty { JSONValue.newline(style, level, &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Members sorted by key, each key once with the value of its last occurrence.
    private static func sortedUnique(_ members: [JSONObject.Member]) -> [JSONObject.Member] {
        let sorted = members.enumerated().sorted { $0.element.key < $1.element.key || ($0.element.key == $1.element.key && $0.offset < $1.offset) }
        var out: [JSONObject.Member] = []
        out.reserveCapacity(sorted.count)
        for (_, member) in sorted {
            if let last = out.last, last.key == member.key { out[out.count - 1] = member } else { out.append(member) }
        }
        return out
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Pretty style only: a line break and the indentation of `level`.
    private static func newline(_ style: JSONStyle, _ level: Int, _ out: inout [UInt8]) {
        guard style == .pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
