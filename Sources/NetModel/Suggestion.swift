/// "Did you mean" for near-misses of known names: the closest known word within two edits (or one sharing a
/// prefix of four letters), nil when none is close.
public enum Suggestion {
    public static func nearest(_ word: String, in known: some Sequence<String>) -> String? {
        // Names are short: a long word is near nothing, and the edit distance would cost length × length.
        guard word.utf8.count <= 128 else { return nil }
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in known {
            let c = Array(candidate.lowercased())
            guard abs(w.count - c.count) <= max(2, c.count / 3) else { continue }
            let d = distance(w, c)
            let close = d <= 2 || (w.count >= 4 && c.starts(with: w.prefix(4)) && d <= max(2, c.count / 3))
            if close, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or nothing.
    public static func hint(_ word: String, in known: some Sequence<String>) -> String {
        nearest(word, in: known).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
