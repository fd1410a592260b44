import Foundation

/// A PostgreSQL connection URL (`postgres://user:password@host:port/database?options`), and the same URL
/// with its password replaced by `***` for messages.
public struct StoreURL: Sendable, Hashable, CustomStringConvertible {
    /// The URL as given (with the password): only ever handed to libpq.
    let text: String
    /// The password in the URL (as written and percent-decoded), if any: removed from every message.
    let secrets: [String]

    /// Checks the scheme; libpq parses the rest (`PostgresConnection` reports what it rejects).
    public init(_ text: String) throws(PostgresError) {
        self.text = text
        secrets = Self.secrets(in: text)
        guard Self.isPostgres(text) else {
            throw .badURL(url: Self.redacting(text, secrets), reason: "the scheme must be postgres:// or postgresql://")
        }
    }

    /// Whether a `--store` value names PostgreSQL (rather than being a mistyped file path).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The URL with the password shown as `***`.
    public var description: String {
        var out = text
        if let raw = Self.rawPassword(in: text), let scheme = out.range(of: "://"),
           let at = out[scheme.upperBound...].range(of: ":\(raw)@") {
            out.replaceSubrange(at, with: ":***@")
        }
        if let query = Self.queryPassword(in: out), let range = out.range(of: "password=\(query)") {
            out.replaceSubrange(range, with: "password=***")
        }
        return out
    }

    /// `message` with the password (as written and decoded) replaced by `***`.
    func redact(_ message: String) -> String { Self.redacting(message, secrets) }

    /// The text between `user:` and `@` in the authority, as written.
    static func rawPassword(in text: String) -> String? {
        guard let scheme = text.range(of: "://") else { return nil }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        return String(userInfo[userInfo.index(after: colon)...])
    }

    /// The value of a `password=` query option, as written.
    static func queryPassword(in text: String) -> String? {
        guard let range = text.range(of: "password=") else { return nil }
        let end = text[range.upperBound...].firstIndex(of: "&") ?? text.endIndex
        return String(text[range.upperBound..<end])
    }

    /// Every form of the password the URL holds, longest first (so no part of one is left behind).
    static func secrets(in text: String) -> [String] {
        let raw = [rawPassword(in: text), queryPassword(in: text)].compactMap { $0 }.filter { !$0.isEmpty }
        let all = Set(raw + raw.compactMap { $0.removingPercentEncoding }.filter { !$0.isEmpty })
        return all.sorted { $0.count > $1.count }
    }

    static func redacting(_ text: String, _ secrets: [String]) -> String {
        var out = text
        for secret in secrets { out = out.replacingOccurrences(of: secret, with: "***") }
        return out
    }
}
