/// Foundation's pretty printing applied to compact JSON: the layout of `JSONEncoder`'s `.prettyPrinted`.
///
/// Two spaces of indentation a level, one member or element a line, `"key" : value` (a space each side of the
/// colon), and an empty array or object as its brackets on two lines with an empty line between (`[\n\n  ]`
/// nested, `[\n\n]` at the top). No trailing newline.
enum JSONPrettyPrinter {
    /// A line break and the indentation of up to 64 levels, appended as one slice.
    private static let newlineAndSpaces: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 128)

    /// `compact` (JSON without whitespace outside its strings, as `SortedJSONEncoder` and Foundation write it)
    /// laid out as Foundation's pretty printer lays it out.
    static func indent(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count + compact.count / 2)
        var level = 0
        let pad = newlineAndSpaces
        func newline(_ out: inout [UInt8]) {
            var indent = 2 * level
            out.append(contentsOf: pad[0..<1 + min(indent, pad.count - 1)])
            indent -= pad.count - 1
            while indent > 0 {  // deeper than the prepared spaces
                out.append(UInt8(ascii: " "))
                indent -= 1
            }
        }
        compact.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                i += 1
                switch c {
                case UInt8(ascii: "\""):
                    // The string as it is, up to its closing quote (a quote after a backslash is part of it).
                    let start = i - 1
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                        i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    i = min(i + 1, bytes.count)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    out.append(c)
                    if i < bytes.count, bytes[i] == c + 2 {  // `}` and `]` are two after `{` and `[`
                        out.append(UInt8(ascii: "\n"))
                        newline(&out)
                        out.append(c + 2)
                        i += 1
                    } else {
                        level += 1
                        newline(&out)
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    level -= 1
                    newline(&out)
                    out.append(c)
                case UInt8(ascii: ","):
                    out.append(c)
                    newline(&out)
                case UInt8(ascii: ":"):
                    out.append(UInt8(ascii: " "))
                    out.append(c)
                    out.append(UInt8(ascii: " "))
                default:
                    out.append(c)
                }
            }
        }
        return out
    }
}
