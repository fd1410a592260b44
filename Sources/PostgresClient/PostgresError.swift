/// Why talking to PostgreSQL failed: one short line naming the server (its URL with the password redacted)
/// and the problem.
public enum PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store URL is not a `postgres://` or `postgresql://` URL libpq can read.
    case badURL(url: String, reason: String)
    /// The server could not be reached or refused the login (connection refused, auth failure, no such database).
    case connectFailed(url: String, reason: String)
    /// A statement failed (its first words name it).
    case statementFailed(url: String, statement: String, reason: String)

    public var description: String {
        switch self {
        case .badURL(let url, let reason):
            "--store \(url): not a PostgreSQL URL (\(reason)); give postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        case .connectFailed(let url, let reason):
            "\(url): cannot connect to PostgreSQL: \(reason)"
        case .statementFailed(let url, let statement, let reason):
            "\(url): PostgreSQL \(statement) failed: \(reason)"
        }
    }
}
