/// One HTTP request. Header values may hold secrets (signatures, tokens): never print a request.
public struct HTTPRequest: Sendable {
    public var method: String
    /// Absolute URL, already percent-encoded.
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased, in arrival order.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }
}

/// A request that got no HTTP response.
public enum HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection (refused, DNS, proxy): retryable.
    case connection(String)
    /// Connect or total timeout: retryable.
    case timeout(String)
    /// TLS handshake or certificate verification failed: not retryable.
    case tls(String)
    /// Anything else libcurl reports.
    case transport(code: Int, message: String)

    /// Worth another attempt.
    public var isTransient: Bool {
        switch self {
        case .connection, .timeout: true
        case .tls: false
        case .transport(let code, _): code == 55 || code == 56 || code == 52 // send/recv error, empty reply
        }
    }

    public var description: String {
        switch self {
        case .connection(let m): "connection failed: \(m)"
        case .timeout(let m): "timed out: \(m)"
        case .tls(let m): "TLS error: \(m)"
        case .transport(let code, let m): "HTTP transport error \(code): \(m)"
        }
    }
}

/// The seam between the AWS client and the network, so the client can be driven by anything that answers HTTP.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}

/// Connection settings.
public struct HTTPClientConfiguration: Sendable {
    /// Seconds to establish a connection.
    public var connectTimeout: Double
    /// Seconds for the whole request.
    public var totalTimeout: Double
    /// Requests in flight at once (one worker thread and one reusable connection set each).
    public var maxConcurrency: Int
    /// A PEM bundle of trusted CAs; nil uses the system bundle (`AWS_CA_BUNDLE` when set).
    public var caBundle: String?
    /// Environment used for proxies and the CA bundle (defaults to the process environment).
    public var environment: [String: String]

    public init(connectTimeout: Double = 10, totalTimeout: Double = 120, maxConcurrency: Int = 8,
                caBundle: String? = nil, environment: [String: String]? = nil) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxConcurrency = max(1, maxConcurrency)
        let env = environment ?? HTTPClientConfiguration.processEnvironment()
        self.environment = env
        self.caBundle = caBundle ?? env["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }

    /// The proxy for a URL from `HTTPS_PROXY`/`HTTP_PROXY` (either case), unless `NO_PROXY` matches its host.
    public func proxy(for url: String) -> String? {
        let lower = url.lowercased()
        let names = lower.hasPrefix("https:") ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
        guard let proxy = names.lazy.compactMap({ self.environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        if let host = HTTPClientConfiguration.host(of: lower), let noProxy = environment["NO_PROXY"] ?? environment["no_proxy"] {
            for entry in noProxy.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !entry.isEmpty {
                if entry == "*" { return nil }
                let suffix = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
                if host == suffix || host.hasSuffix("." + suffix) { return nil }
            }
        }
        return proxy
    }

    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var rest = url[scheme.upperBound...]
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { return String(rest[rest.index(after: rest.startIndex)..<close]) }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return String(rest)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
