/// Shell-style wildcard patterns: `*` matches any run of characters (also none), `?` exactly one.
///
/// Every other character matches itself; matching is case-sensitive and covers the whole string.
public struct Glob: Sendable, Hashable, Codable, CustomStringConvertible {
    public let pattern: String
    private let chars: [Character]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.chars = Array(pattern)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }

    public var description: String { pattern }

    /// Whether `text`, as a whole, matches the pattern.
    public func matches(_ text: String) -> Bool {
        let s = Array(text)
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < s.count {
            if p < chars.count, chars[p] == "?" || (chars[p] != "*" && chars[p] == s[t]) {
                p += 1
                t += 1
            } else if p < chars.count, chars[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                // Backtrack: let the last `*` swallow one more character.
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < chars.count, chars[p] == "*" { p += 1 }
        return p == chars.count
    }

    public static func == (a: Glob, b: Glob) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
