/// A plain environment variable whose value looked like a credential. The value itself is dropped
/// at import; what is kept says why it was flagged and, for a connection URL, where it points.
public struct PlainSecret: Sendable, Hashable, Codable {
    /// Why the value was judged a secret.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A URL with a password in its user info (`postgresql://user:pass@host/db`).
        case urlWithPassword = "url-with-password"
        /// A variable named like PASSWORD, SECRET, TOKEN or API_KEY with a literal value.
        case secretName = "secret-name"
        /// A PEM private key.
        case privateKey = "private-key"
        /// An AWS access key ID or secret access key.
        case awsAccessKey = "aws-access-key"
    }

    public var variable: String
    public var reason: Reason
    /// For a connection URL: its scheme (`postgresql`, `mysql`, `redis`, ...), host and port; never the password.
    public var scheme: String?
    public var host: String?
    public var port: Int?

    public init(variable: String, reason: Reason, scheme: String? = nil, host: String? = nil, port: Int? = nil) {
        self.variable = variable
        self.reason = reason
        self.scheme = scheme
        self.host = host
        self.port = port
    }
}
