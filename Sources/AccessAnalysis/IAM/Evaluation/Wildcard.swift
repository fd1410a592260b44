/// IAM glob matching: `*` matches any run of characters (including none), `?` exactly one.
enum Wildcard {
    /// Whether `text` matches `pattern`; `ignoringCase` folds ASCII letters.
    static func matches(_ pattern: some StringProtocol, _ text: some StringProtocol, ignoringCase: Bool = false) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        func same(_ a: UInt8, _ b: UInt8) -> Bool {
            a == b || (ignoringCase && fold(a) == fold(b))
        }
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "*") {
                starP = pi; starT = ti; pi += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "?") || same(p[pi], t[ti]) {
                // `?` takes one whole character: skip UTF-8 continuation bytes with it.
                if p[pi] == UInt8(ascii: "?") { ti += 1; while ti < t.count, t[ti] & 0xC0 == 0x80 { ti += 1 } } else { ti += 1 }
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1; starT += 1; ti = starT
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// Whether the text holds a wildcard character.
    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.contains("*") || text.contains("?")
    }

    private static func fold(_ c: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) ? c | 0x20 : c
    }
}

/// Matching of IAM action names and resource ARNs against statement patterns.
public enum PolicyMatch {
    /// Whether an action such as `s3:GetObject` matches a pattern such as `s3:Get*`.
    ///
    /// Action names are case-insensitive; `*` alone matches every action.
    public static func action(_ action: String, matches pattern: String) -> Bool {
        pattern == "*" || Wildcard.matches(pattern, action, ignoringCase: true)
    }

    /// Whether a resource ARN matches a pattern such as `arn:aws:s3:::bucket/*`.
    ///
    /// ARNs are compared segment by segment; the service segment is case-insensitive and
    /// the others case-sensitive. A wildcard in the resource segment may span `:` and `/`.
    /// A pattern or resource that is not a six-part ARN is matched as a whole, case-sensitively.
    public static func resource(_ resource: String, matches pattern: String) -> Bool {
        if pattern == "*" { return true }
        let p = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let r = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard p.count == 6, r.count == 6 else { return Wildcard.matches(pattern, resource) }
        for i in 0..<6 where !Wildcard.matches(p[i], r[i], ignoringCase: i == 2) {
            return false
        }
        return true
    }
}

extension PatternList {
    /// Whether the list covers `action` (honouring `NotAction`).
    public func coversAction(_ action: String) -> Bool {
        let hit = patterns.contains { PolicyMatch.action(action, matches: $0) }
        return isNegated ? !hit : hit
    }

    /// Whether the list covers `resource` (honouring `NotResource`).
    public func coversResource(_ resource: String) -> Bool {
        let hit = patterns.contains { PolicyMatch.resource(resource, matches: $0) }
        return isNegated ? !hit : hit
    }
}

extension Statement {
    /// Whether the statement applies to the action and resource, conditions aside.
    ///
    /// A statement without `Resource`/`NotResource` applies to any resource.
    public func applies(toAction action: String, resource: String) -> Bool {
        actions.coversAction(action) && (resources?.coversResource(resource) ?? true)
    }
}
