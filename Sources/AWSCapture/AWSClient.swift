import AWSImport
import Foundation
import HTTPClient
import SigV4
import JSON

/// An error answer from an AWS API (or a request that got no answer).
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The AWS error code (`AccessDenied`, `Throttling`, ...), or `HTTPError`/`NetworkError`.
    public var code: String
    /// The message, with anything that looks like a credential redacted.
    public var message: String
    /// HTTP status (0 when no response arrived).
    public var status: Int
    /// For S3 redirects: the bucket's region (`x-amz-bucket-region` or `<Region>`).
    public var region: String? = nil

    public init(code: String, message: String, status: Int, region: String? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.region = region
    }

    public var description: String { "\(code) (HTTP \(status)): \(message)" }

    /// The code of a call not made because its service is skipped.
    public static let skipped = "Skipped"

    /// Denied by IAM policy or SCP.
    public var isAccessDenied: Bool {
        ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError",
         "Forbidden"].contains(code) || (status == 403 && !isAuthenticationFailure)
    }

    /// The credentials themselves are wrong (bad key, bad secret, expired token).
    public var isAuthenticationFailure: Bool {
        ["SignatureDoesNotMatch", "InvalidClientTokenId", "AuthFailure", "InvalidAccessKeyId", "IncompleteSignature",
         "ExpiredToken", "ExpiredTokenException", "InvalidToken", "UnrecognizedClientException",
         "InvalidSignatureException", "MissingAuthenticationToken"].contains(code)
    }

    /// The service or region is not available (opt-in region, unknown endpoint).
    public var isUnsupportedRegion: Bool {
        ["OptInRequired", "InvalidAction", "UnknownEndpoint", "UnsupportedOperation", "InvalidClientTokenId.Region"].contains(code)
            || (status == 0 && message.contains("resolve host"))
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "NetworkError", "IDPCommunicationError",
    ]

    /// AWS SDK "standard" retry mode: throttling, transient errors, 5xx and network failures.
    public var isRetryable: Bool {
        AWSServiceError.throttlingCodes.contains(code) || AWSServiceError.transientCodes.contains(code)
            || [500, 502, 503, 504].contains(status) || (status == 0 && code == "NetworkError")
    }
}

/// Replaces credential-looking values in a message (`Authorization`, security tokens, secret keys).
public enum Redactor {
    public static func redact(_ text: String, secrets: [String] = []) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "(redacted)")
        }
        let patterns = [
            #"(?i)(authorization\s*[:=]\s*)[^\n,]*(,[^\n]*)?"#,
            #"(?i)(x-amz-security-token\s*[:=]\s*)[^\s&,]+"#,
            #"(?i)(aws_secret_access_key\s*[:=]\s*)[^\s&,]+"#,
            #"(?i)(aws_session_token\s*[:=]\s*)[^\s&,]+"#,
            #"(?i)(Signature=)[0-9a-f]+"#,
            #"(?i)(<SecretAccessKey>)[^<]*"#,
            #"(?i)(<SessionToken>)[^<]*"#,
        ]
        for p in patterns {
            out = out.replacingOccurrences(of: p, with: "$1(redacted)", options: .regularExpression)
        }
        return out
    }
}

/// Retry behaviour (AWS SDK "standard" mode).
public struct RetryPolicy: Sendable {
    /// Attempts per call, the first included.
    public var maxAttempts: Int
    /// Backoff base in seconds: attempt n waits a random time in [0, min(base * 2^n, maxBackoff)].
    public var baseDelay: Double
    public var maxBackoff: Double

    public init(maxAttempts: Int = 3, baseDelay: Double = 0.1, maxBackoff: Double = 20) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
    }
}

/// Counts calls and HTTP requests (thread-safe).
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var _calls = 0
    private var _requests = 0
    private var _retries = 0
    func request() { lock.lock(); _requests += 1; lock.unlock() }
    func retry() { lock.lock(); _retries += 1; lock.unlock() }
    func call() -> Int { lock.lock(); defer { lock.unlock() }; _calls += 1; return _calls }
    var snapshot: (calls: Int, requests: Int, retries: Int) { lock.lock(); defer { lock.unlock() }; return (_calls, _requests, _retries) }
}

/// Signs, sends, retries and decodes AWS API calls into AWS CLI-shaped JSON.
struct AWSClient: Sendable {
    let transport: any HTTPTransport
    let credentials: AWSCredentials
    /// One endpoint for every service (moto, LocalStack, a VPC endpoint), or nil for AWS's.
    let endpointURL: String?
    let retry: RetryPolicy
    let counter: CallCounter
    let shapes = ShapeModel.bundled
    /// Client-side rate limits (nil: none); `account` names the account the credentials act in.
    var limiter: RateLimiter? = nil
    var account = ""
    /// Services not to call (`--skip-services`): their calls fail at once with `AWSServiceError.skipped`, which no
    /// warning reports.
    var skippedServices: Set<String> = []

    /// Throws `skipped` for a service not to call.
    func checkNotSkipped(_ service: String) throws(AWSServiceError) {
        if skippedServices.contains(service) { throw AWSServiceError(code: AWSServiceError.skipped, message: "\(service) skipped", status: 0) }
    }

    /// The bucket a request takes its token from, when limited.
    func bucket(_ service: String, _ operation: String, _ region: String, _ parameters: [(String, String)] = []) -> BucketKey? {
        guard limiter != nil else { return nil }
        return RateLimits.key(account: account, region: region, service: service, action: operation, parameters: parameters)
    }

    /// The base URL (scheme://host[:port]) and signing region for a service in a region.
    func endpoint(service: String, region: String, hostPrefix: String? = nil) -> (base: String, signingRegion: String) {
        let signingRegion = service == "iam" ? (region.hasPrefix("cn-") ? "cn-north-1" : region.hasPrefix("us-gov-") ? "us-gov-west-1" : "us-east-1") : region
        if var url = endpointURL {
            while url.hasSuffix("/") { url.removeLast() }
            if let prefix = hostPrefix, let hostStart = url.range(of: "://") {
                let host = url[hostStart.upperBound...].prefix { $0 != ":" && $0 != "/" }
                let isIP = host == "localhost" || host.allSatisfy { $0.isNumber || $0 == "." } || host.hasPrefix("[")
                if !isIP { url = String(url[..<hostStart.upperBound]) + prefix + String(url[hostStart.upperBound...]) }
            }
            return (url, signingRegion)
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let prefix = hostPrefix ?? ""
        switch service {
        case "iam": return ("https://iam.\(suffix)", signingRegion)
        case "s3control": return ("https://\(prefix)s3-control.\(region).\(suffix)", signingRegion)
        case "s3": return ("https://s3.\(region).\(suffix)", signingRegion)
        case "elbv2": return ("https://elasticloadbalancing.\(region).\(suffix)", signingRegion)
        default: return ("https://\(shapes.service(service).endpointPrefix).\(region).\(suffix)", signingRegion)
        }
    }

    /// One query-protocol call (EC2, IAM, STS, ELBv2, RDS), signed as a POST with a form body.
    func query(service: String, operation: String, region: String, parameters: [(String, String)]) async throws(AWSServiceError) -> JSONValue {
        try checkNotSkipped(service)
        let model = shapes.service(service)
        let body = SigV4Signer.formBody([("Action", operation), ("Version", model.apiVersion)] + parameters)
        let (base, signingRegion) = endpoint(service: service, region: region)
        let response = try await send(method: "POST", base: base, path: "/", query: "",
                                      headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                                      body: Array(body.utf8), signingName: model.signingName, signingRegion: signingRegion, s3: false,
                                      contentSHA256: false, bucket: bucket(service, operation, region, parameters))
        guard let json = XMLToCLIJSON(service: model).convert(operation: operation, body: response.body) else {
            throw AWSServiceError(code: "MalformedResponse", message: "\(service) \(operation): response is not XML", status: response.status)
        }
        return json
    }

    /// One REST call (S3, S3 Control, Lambda). `path` is unencoded; `query` is already encoded.
    /// GETs carry a signed `x-amz-content-sha256` (S3 requires it; for Lambda it is optional in AWS, and
    /// moto, which hashes a bodiless GET's headers as its payload, checks the header's value instead).
    func rest(service: String, operation: String, region: String, path: String, query: String = "",
              headers: [(String, String)] = [], hostPrefix: String? = nil) async throws(AWSServiceError) -> JSONValue {
        try checkNotSkipped(service)
        let model = shapes.service(service)
        let (base, signingRegion) = endpoint(service: service, region: region, hostPrefix: hostPrefix)
        let response = try await send(method: "GET", base: base, path: path, query: query, headers: headers, body: [],
                                      signingName: model.signingName, signingRegion: signingRegion, s3: service.hasPrefix("s3"),
                                      contentSHA256: true, bucket: bucket(service, operation, region))
        if model.protocol == "rest-json" {
            do { return try JSONParser.parse(response.body) } catch {
                throw AWSServiceError(code: "MalformedResponse", message: "\(service) \(operation): response is not JSON", status: response.status)
            }
        }
        guard let json = XMLToCLIJSON(service: model).convert(operation: operation, body: response.body) else {
            throw AWSServiceError(code: "MalformedResponse", message: "\(service) \(operation): response is not XML", status: response.status)
        }
        return json
    }

    /// Sends with retries; returns a 2xx response or throws the decoded AWS error.
    func send(method: String, base: String, path: String, query: String, headers: [(String, String)], body: [UInt8],
              signingName: String, signingRegion: String, s3: Bool,
              contentSHA256: Bool, bucket: BucketKey? = nil) async throws(AWSServiceError) -> HTTPResponse {
        let hostPort = base.range(of: "://").map { String(base[$0.upperBound...].prefix { $0 != "/" }) } ?? base
        let encodedPath = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { SigV4Signer.uriEncode(String($0)) }.joined(separator: "/")
        let url = base + encodedPath + (query.isEmpty ? "" : "?" + query)
        var attempt = 0
        while true {
            attempt += 1
            // A request slot and a token right before the wire, so requests reach AWS at the bucket's pace.
            let gate = bucket.flatMap { b in limiter.map { ($0, b) } }
            if let (limiter, bucket) = gate { await limiter.admit(bucket) }
            var signable = SignableRequest(method: method, path: encodedPath, query: query,
                                           headers: [(name: "Host", value: hostPort)] + headers.map { (name: $0.0, value: $0.1) }, body: body)
            let signer = SigV4Signer(credentials: credentials, region: signingRegion, service: signingName,
                                     normalizePath: !s3, addContentSHA256: s3 || contentSHA256)
            // Paths here are bucket names and API versions (unreserved characters): the canonical form
            // equals the wire form, single or double encoded.
            signer.sign(&signable)
            counter.request()
            let error: AWSServiceError
            let sent: Result<HTTPResponse, HTTPError>
            do { sent = .success(try await transport.send(HTTPRequest(method: method, url: url, headers: signable.headers, body: body))) }
            catch { sent = .failure(error) }
            if let (limiter, _) = gate { await limiter.finished() }
            switch sent {
            case .success(let response):
                if (200..<300).contains(response.status) { return response }
                error = AWSClient.decodeError(response, secrets: secrets)
            case .failure(let transportError):
                error = AWSServiceError(code: transportError.isTransient ? "NetworkError" : "TransportError",
                                        message: Redactor.redact(transportError.description, secrets: secrets), status: 0)
            }
            guard error.isRetryable, attempt < retry.maxAttempts else { throw error }
            counter.retry()
            let cap = min(retry.baseDelay * pow(2, Double(attempt - 1)), retry.maxBackoff)
            let delay = Double.random(in: 0...max(cap, 0))
            try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    var secrets: [String] { [credentials.secretAccessKey] + (credentials.sessionToken.map { [$0] } ?? []) }

    /// Reads the AWS error code and message from an XML or JSON error body.
    static func decodeError(_ response: HTTPResponse, secrets: [String]) -> AWSServiceError {
        var code = "", message = ""
        var region = response.header("x-amz-bucket-region")
        if let root = XMLTree.parse(response.body) {
            code = (root.name == "Code" ? root : root.descendant("Code"))?.text ?? ""
            message = root.descendant("Message")?.text ?? root.descendant("message")?.text ?? ""
            if region == nil { region = root.descendant("Region")?.text }
        } else if let json = try? JSONParser.parse(response.body), case .object(let o) = json {
            // `Type` (Lambda's "User"/"Service") says whose fault it is, not which error: never a code.
            if case .string(let t)? = o["__type"] ?? o["code"] ?? o["Code"] { code = t }
            if case .string(let m)? = o["message"] ?? o["Message"] { message = m }
        }
        // JSON and REST-JSON services name the error in this header first, as botocore reads it
        // (Lambda's throttling: `TooManyRequestsException` with a body of {"Type":"User"}).
        if let header = response.header("x-amzn-errortype"), !header.isEmpty {
            code = String(header.prefix { $0 != ":" })
        }
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        code = code.trimmingCharacters(in: .whitespacesAndNewlines)
        if code.isEmpty {
            switch response.status {
            case 403: code = "AccessDenied"
            case 404: code = "NotFound"
            case 429: code = "TooManyRequestsException"
            default: code = "HTTP\(response.status)"
            }
        }
        if message.isEmpty { message = String(decoding: response.body.prefix(300), as: UTF8.self) }
        return AWSServiceError(code: code, message: Redactor.redact(message.trimmingCharacters(in: .whitespacesAndNewlines), secrets: secrets),
                               status: response.status, region: region)
    }

    /// Follows a paginated query-protocol call to the end and merges the pages like the AWS CLI.
    func paginatedQuery(service: String, operation: String, region: String, parameters: [(String, String)] = [],
                        pageSize: Int? = nil, onPage: (@Sendable (JSONValue) -> Void)? = nil) async throws(AWSServiceError) -> JSONValue {
        let op = shapes.service(service).operations[operation]
        guard let paginator = op?.paginator else {
            let page = try await query(service: service, operation: operation, region: region, parameters: parameters)
            onPage?(page)
            return page
        }
        var params = parameters
        if let pageSize, let limit = paginator.limitKey { params.append((limit, String(pageSize))) }
        var token: String? = nil
        var merged: [String: JSONValue] = [:]
        var seen = Set<String>()
        repeat {
            var p = params
            if let token { p.append((paginator.inputToken, token)) }
            let page = try await query(service: service, operation: operation, region: region, parameters: p)
            onPage?(page)
            guard case .object(let o) = page else { return page }
            AWSClient.merge(o, into: &merged, paginator: paginator)
            token = nil
            if case .string(let next)? = o[paginator.outputToken], !next.isEmpty {
                if let more = paginator.moreResults, case .bool(false)? = o[more] { break }
                guard seen.insert(next).inserted else { break }  // a server repeating its token
                token = next
            }
        } while token != nil
        return .object(merged)
    }

    static func merge(_ page: JSONObject, into merged: inout [String: JSONValue], paginator: ShapeModel.Paginator) {
        for (key, value) in page.dictionary {
            if key == paginator.outputToken || key == paginator.moreResults { continue }
            if paginator.resultKey.contains(key), case .array(let items) = value {
                if case .array(let existing)? = merged[key] { merged[key] = .array(existing + items) } else { merged[key] = .array(items) }
            } else if merged[key] == nil {
                merged[key] = value
            }
        }
    }
}
