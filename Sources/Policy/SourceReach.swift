import NetModel
import Reachability

/// Who on the internet reaches an exposure: the whole internet (or ranges wider than a /8), or a few fixed ranges.
///
/// A port open to one office range or one /32 is not "reachable from anywhere": it is graded low, and the
/// policy file's `trusted_ranges` names ranges that are expected (no finding when every source lies in them).
struct SourceReach {
    /// The sources that get through, as the solver prints them (`0.0.0.0/0`, `::/0 except …`, `203.0.113.0/24`).
    var sources: [String]
    /// Whether some source is the whole internet or a range wider than /8.
    var isWide: Bool
    /// The narrow sources outside every trusted range.
    var untrusted: [String]

    /// A prefix at least this long is a fixed range, not "the internet".
    static let narrowestWide = 8

    init(_ sources: [String], trusted: [IPPrefix]) {
        self.sources = sources
        isWide = sources.contains { s in
            QueryAnswer.isWholeInternet(s) || (IPPrefix(s).map { $0.length < Self.narrowestWide } ?? true)
        }
        untrusted = sources.filter { s in
            guard let p = IPPrefix(s) else { return true }
            return !trusted.contains { $0.contains(p) }
        }
    }

    /// Whether nothing outside the trusted ranges gets through.
    var isTrusted: Bool { !isWide && untrusted.isEmpty }

    /// `anywhere on the internet`, `anywhere on the IPv4 internet (0.0.0.0/0)`, or `256 addresses (203.0.113.0/24)`.
    var phrase: String {
        let whole = sources.filter(QueryAnswer.isWholeInternet)
        if sources == ["0.0.0.0/0"] || (whole.count == sources.count && whole.count == 2) { return "anywhere on the internet" }
        if whole.count == sources.count && whole.count == 1 { return "anywhere on the \(whole[0].hasPrefix("::") ? "IPv6" : "IPv4") internet (\(whole[0]))" }
        if isWide { return sources.prefix(4).joined(separator: ", ") }
        let shown = untrusted.prefix(4).joined(separator: ", ") + (untrusted.count > 4 ? ", …" : "")
        let prefixes = untrusted.compactMap { IPPrefix($0) }
        if prefixes.count == untrusted.count, prefixes.allSatisfy(\.isV4) {
            let count = prefixes.reduce(UInt64(0)) { $0 + ($1.v4Size ?? 0) }
            return "\(count) address\(count == 1 ? "" : "es") (\(shown))"
        }
        return "\(untrusted.count) range\(untrusted.count == 1 ? "" : "s") (\(shown))"
    }
}
