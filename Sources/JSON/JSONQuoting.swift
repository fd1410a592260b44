/// JSON strings as both writers quote them: the `JSONValue` writer and `SortedJSONEncoder`.
enum JSONQuoting {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `value` quoted into `out`: quotes, backslashes and control characters escaped, every other byte of the
    /// UTF-8 (slashes included) as it is. Backspace and form feed are `\b` and `\f` if `shortControls` (as
    /// Foundation's encoder writes them), otherwise `\u0008` and `\u000c` like the other control characters.
    static func append(_ value: String, to out: inout [UInt8], shortControls: Bool) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var clean = utf8.startIndex
            for i in utf8.indices {
                let c = utf8[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i]))
                clean = i + 1
                switch c {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0x08 where shortControls: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C where shortControls: out.append(contentsOf: #"\f"#.utf8)
                default:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
