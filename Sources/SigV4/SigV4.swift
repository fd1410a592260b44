import Foundation

/// AWS credentials. `description` never shows the secret or the session token.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = (sessionToken?.isEmpty ?? true) ? nil : sessionToken
    }

    public var description: String {
        let shown = accessKeyId.count > 4 ? String(accessKeyId.prefix(4)) + "…" : "…"
        return "AWSCredentials(accessKeyId: \(shown), secret: (redacted)\(sessionToken == nil ? "" : ", session token: (redacted)"))"
    }
}

/// An HTTP request as seen by the signer: the path and query are *not* percent-encoded by the caller
/// unless they already were on the wire (query values are decoded before canonical encoding).
public struct SignableRequest: Sendable {
    public var method: String
    /// The path as it goes on the wire (unencoded characters are encoded in the canonical form).
    public var path: String
    /// The raw query string, without `?` (may be empty).
    public var query: String
    /// Headers in order; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// The intermediate and final values of one signature (kept for tests; never log them).
public struct SigningResult: Sendable {
    public var canonicalRequest: String
    public var stringToSign: String
    public var signature: String
    public var authorization: String
}

/// AWS Signature Version 4 (header signing).
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String
    /// Remove `.`/`..` segments and repeated slashes from the path (every service but S3).
    public var normalizePath: Bool
    /// Add `x-amz-content-sha256` (S3 requires it).
    public var addContentSHA256: Bool
    /// Add `X-Amz-Security-Token` after signing instead of signing it (some STS flows; not used by netaudit).
    public var omitSessionTokenFromSignature: Bool

    public init(credentials: AWSCredentials, region: String, service: String, normalizePath: Bool = true,
                addContentSHA256: Bool = false, omitSessionTokenFromSignature: Bool = false) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.normalizePath = normalizePath
        self.addContentSHA256 = addContentSHA256
        self.omitSessionTokenFromSignature = omitSessionTokenFromSignature
    }

    /// Signs `request` in place: adds `X-Amz-Security-Token` (with a session token), `X-Amz-Date`,
    /// `x-amz-content-sha256` (when asked) and `Authorization`.
    @discardableResult
    public func sign(_ request: inout SignableRequest, date: Date = Date()) -> SigningResult {
        let amzDate = SigV4Signer.amzDate(date)
        let day = String(amzDate.prefix(8))
        let payloadHash = Crypto.hex(Crypto.sha256(request.body))
        if let token = credentials.sessionToken, !omitSessionTokenFromSignature {
            request.headers.append((name: "X-Amz-Security-Token", value: token))
        }
        request.headers.append((name: "X-Amz-Date", value: amzDate))
        if addContentSHA256 {
            request.headers.append((name: "x-amz-content-sha256", value: payloadHash))
        }
        let (canonicalHeaders, signedHeaders) = SigV4Signer.canonicalHeaders(request.headers)
        let canonicalRequest = [
            request.method.uppercased(),
            SigV4Signer.canonicalURI(request.path, normalize: normalizePath),
            SigV4Signer.canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, Crypto.hex(Crypto.sha256(Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let key = SigV4Signer.signingKey(secret: credentials.secretAccessKey, day: day, region: region, service: service)
        let signature = Crypto.hex(Crypto.hmacSHA256(key: key, data: Array(stringToSign.utf8)))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        if let token = credentials.sessionToken, omitSessionTokenFromSignature {
            let at = request.headers.firstIndex { $0.name == "X-Amz-Date" } ?? request.headers.endIndex
            request.headers.insert((name: "X-Amz-Security-Token", value: token), at: at)
        }
        request.headers.append((name: "Authorization", value: authorization))
        return SigningResult(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
                             authorization: authorization)
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    public static func signingKey(secret: String, day: String, region: String, service: String) -> [UInt8] {
        var key = Crypto.hmacSHA256(key: Array(("AWS4" + secret).utf8), data: Array(day.utf8))
        key = Crypto.hmacSHA256(key: key, data: Array(region.utf8))
        key = Crypto.hmacSHA256(key: key, data: Array(service.utf8))
        return Crypto.hmacSHA256(key: key, data: Array("aws4_request".utf8))
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ v: Int?) -> String { let v = v ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    /// Lower-case names, sorted; values trimmed with inner whitespace runs collapsed; repeated names
    /// joined with commas in their order.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (String, String) {
        var values: [String: [String]] = [:]
        for (name, value) in headers {
            let collapsed = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                .joined(separator: " ")
            values[name.lowercased(), default: []].append(collapsed)
        }
        let names = values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let canonical = names.map { "\($0):\(values[$0]!.joined(separator: ","))\n" }.joined()
        return (canonical, names.joined(separator: ";"))
    }

    /// Each path segment URI-encoded; with `normalize`, dot segments and empty segments removed.
    static func canonicalURI(_ path: String, normalize: Bool) -> String {
        if path.isEmpty { return "/" }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if normalize {
            let trailingSlash = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
            var out: [String] = []
            for s in segments {
                if s.isEmpty || s == "." { continue }
                if s == ".." { _ = out.popLast(); continue }
                out.append(s)
            }
            var joined = "/" + out.map { uriEncode($0) }.joined(separator: "/")
            if trailingSlash && !out.isEmpty { joined += "/" }
            return joined
        }
        segments = segments.map { uriEncode($0) }
        return segments.joined(separator: "/")
    }

    /// Query parameters decoded, re-encoded and sorted by name then value.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = percentDecode(String(kv[0]))
            let v = kv.count > 1 ? percentDecode(String(kv[1])) : ""
            pairs.append((uriEncode(k), uriEncode(v)))
        }
        pairs.sort { a, b in
            a.0 == b.0 ? Array(a.1.utf8).lexicographicallyPrecedes(Array(b.1.utf8))
                : Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
        }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986 encoding as AWS wants it: everything but `A-Za-z0-9-._~` (and `/` when `keepSlash`).
    public static func uriEncode(_ text: String, keepSlash: Bool = false) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: out.append(b)
            case 0x2F where keepSlash: out.append(b)
            default:
                out.append(0x25); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes (and `+` as is: AWS query strings encode spaces as %20).
    public static func percentDecode(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x41 + 10
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x25, i + 2 < bytes.count, let h = value(bytes[i + 1]), let l = value(bytes[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `application/x-www-form-urlencoded` body for query-protocol calls, parameters in the given order.
    public static func formBody(_ parameters: [(String, String)]) -> String {
        parameters.map { "\(uriEncode($0.0))=\(uriEncode($0.1))" }.joined(separator: "&")
    }
}
