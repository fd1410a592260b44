import Foundation
import NetModel

/// Tells which plain environment variables hold a credential, from the original (un-redacted) values, and keeps
/// only why: the variable's name, the reason and, for a connection URL, its scheme, host and port. The value itself
/// never leaves this type.
///
/// AWS "Pass sensitive data to an Amazon ECS container" and "Securing Lambda environment variables": credentials
/// belong in `secrets`/`valueFrom` (Secrets Manager, SSM SecureString), not in `environment`.
enum PlainSecretDetector {
    /// Words in a variable name that say its value is a credential.
    static let secretWords = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"]
    /// Name endings that say the value points at a credential, or describes one, rather than being it.
    static let referenceSuffixes = ["_NAME", "_ARN", "_ID", "_PATH", "_FILE", "_TTL", "_EXPIRY", "_EXPIRATION", "_LENGTH", "_HEADER",
                                    "_REGION", "_ENABLED", "_ENDPOINT", "_URI", "_TYPE", "_VERSION", "_LOCATION", "_KEY_ID"]

    /// Every variable of `variables` (name, value) whose value looks like a credential, in order.
    static func detect(_ variables: [(name: String, value: String)]) -> [PlainSecret] {
        variables.compactMap { detect(name: $0.name, value: $0.value) }
    }

    /// The secret a variable holds, if it looks like one.
    static func detect(name: String, value: String) -> PlainSecret? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains("-----BEGIN"), trimmed.contains("PRIVATE KEY") { return PlainSecret(variable: name, reason: .privateKey) }
        if isAccessKeyId(trimmed) || (name.uppercased().contains("SECRET_ACCESS_KEY") && isSecretAccessKey(trimmed)) {
            return PlainSecret(variable: name, reason: .awsAccessKey)
        }
        if let url = urlWithPassword(trimmed) {
            return PlainSecret(variable: name, reason: .urlWithPassword, scheme: url.scheme, host: url.host, port: url.port)
        }
        if hasSecretName(name), isLiteral(trimmed) { return PlainSecret(variable: name, reason: .secretName) }
        return nil
    }

    /// Whether the name says "credential" (`DB_PASSWORD`, `JwtSecret`, `GITHUB_TOKEN`) and not "where the credential is".
    static func hasSecretName(_ name: String) -> Bool {
        let upper = name.uppercased().replacingOccurrences(of: "-", with: "_")
        guard secretWords.contains(where: upper.contains) else { return false }
        return !referenceSuffixes.contains(where: upper.hasSuffix)
    }

    /// A value that is the credential itself: not a reference (an ARN, a path, a `${placeholder}`), a flag or a number.
    static func isLiteral(_ value: String) -> Bool {
        let lower = value.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "none", "null", "enabled", "disabled"].contains(lower) { return false }
        if lower.hasPrefix("arn:") || value.hasPrefix("/") || value.hasPrefix("${") || value.hasPrefix("{{resolve:") { return false }
        if value.allSatisfy(\.isNumber) { return false }
        return true
    }

    /// AWS "Manage access keys for IAM users": long-term IDs start `AKIA`, temporary ones `ASIA`, then 16 characters.
    static func isAccessKeyId(_ value: String) -> Bool {
        guard value.count == 20, value.hasPrefix("AKIA") || value.hasPrefix("ASIA") else { return false }
        return value.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    /// A secret access key: 40 characters of base64.
    static func isSecretAccessKey(_ value: String) -> Bool {
        value.count == 40 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
    }

    /// `scheme://user:password@host[:port][/...]`: the scheme, host and port, when the user info has a non-empty password.
    /// User info holding `/` is not taken as one (`https://host:443/a@b` is a path); so a password with a raw `/` is missed.
    static func urlWithPassword(_ value: String) -> (scheme: String, host: String, port: Int?)? {
        guard let sep = value.range(of: "://") else { return nil }
        let scheme = String(value[..<sep.lowerBound])
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) else { return nil }
        let rest = value[sep.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let userInfo = rest[..<at]
        guard !userInfo.contains("/"), let colon = userInfo.firstIndex(of: ":"), userInfo.index(after: colon) < userInfo.endIndex else { return nil }
        let authority = rest[rest.index(after: at)...].prefix { !"/?#".contains($0) }
        var host = Substring(authority)
        var port: Int?
        if let c = authority.lastIndex(of: ":"), !authority.hasSuffix("]"), let p = Int(authority[authority.index(after: c)...]), (0...65535).contains(p) {
            host = authority[..<c]
            port = p
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-_[]:,".contains($0) }) else { return nil }
        return (scheme.lowercased(), host.lowercased(), port)
    }
}
