import AWSImport
import Foundation
import HTTPClient
import NetModel
import SigV4

/// What to capture and how.
///
/// Credentials are resolved like the AWS CLI: `profile` (or `AWS_PROFILE`), otherwise
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, the shared config and credentials
/// files (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `role_arn` + `source_profile`), then
/// container credentials and IMDSv2. With `roleArn`, those credentials assume that role first
/// (cross-account scans).
public struct CaptureOptions: Sendable {
    /// A named profile from the shared files (`--profile`).
    public var profile: String?
    /// Regions to scan; `["all"]` means every enabled region (EC2 DescribeRegions); empty means the
    /// default region (`AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`).
    public var regions: [String]
    /// One endpoint for every service (`--endpoint-url`, else `AWS_ENDPOINT_URL`), e.g. a moto server.
    public var endpointURL: String?
    /// A role to assume before capturing (`--role-arn`).
    public var roleArn: String?
    /// Page size for paginated calls (`MaxResults`/`MaxRecords`/...); nil lets the service choose.
    public var pageSize: Int?
    /// Retries (AWS SDK standard mode: 3 attempts, full-jitter exponential backoff from 100 ms).
    public var retry: RetryPolicy
    /// HTTP settings: timeouts, concurrency, CA bundle, proxies.
    public var http: HTTPClientConfiguration
    /// The environment to read credentials, regions and endpoints from (defaults to the process's).
    public var environment: [String: String]
    /// Overrides the HTTP transport (tests, proxies); nil uses libcurl with `http`.
    public var transport: (any HTTPTransport)?
    /// Services not to call (`directconnect` against an emulator that lacks it); their resources are absent.
    public var skippedServices: Set<String> = []

    public init(profile: String? = nil, regions: [String] = [], endpointURL: String? = nil, roleArn: String? = nil,
                pageSize: Int? = nil, retry: RetryPolicy = RetryPolicy(), http: HTTPClientConfiguration = HTTPClientConfiguration(),
                environment: [String: String]? = nil, transport: (any HTTPTransport)? = nil) {
        self.profile = profile
        self.regions = regions
        self.endpointURL = endpointURL
        self.roleArn = roleArn
        self.pageSize = pageSize
        self.retry = retry
        self.http = http
        self.environment = environment ?? ProcessInfo.processInfo.environment
        self.transport = transport
    }
}

/// Progress while capturing (for a status line).
public struct CaptureProgress: Sendable {
    /// API calls finished (pages included).
    public var callsDone: Int
    /// The region of the last finished call (`global` for IAM and S3).
    public var region: String
    /// Resources seen so far per document kind (`SecurityGroups`, `Reservations`, ...).
    public var resources: [String: Int]
}

/// The outcome of a capture: the same model, raw documents and metadata an import produces.
public struct CaptureResult: Sendable {
    /// The normalized model; `inventory.warnings` holds the import's and the capture's warnings.
    public var inventory: Inventory
    /// Every response converted to the JSON the AWS CLI prints (what an import would store).
    public var rawDocuments: [RawDocument]
    /// `source: .live`, accounts, regions, origin (endpoint and profile, never credentials).
    public var metadata: SnapshotMetadata
    /// Calls that failed without stopping the capture (access denied, service errors, ...).
    public var warnings: [CaptureWarning]
    /// API calls made (each page counts), HTTP requests sent (retries included), and retries.
    public var callCount: Int
    public var requestCount: Int
    public var retryCount: Int
    /// Where the credentials came from.
    public var credentialSource: String
    /// The account captured and the caller's ARN.
    public var account: String
    public var callerArn: String
    public var duration: TimeInterval
}

/// Why a capture could not run at all. Descriptions never contain credentials.
public enum CaptureError: Error, Sendable, Hashable, CustomStringConvertible {
    case noCredentials
    case configuration(String)
    /// The credentials were rejected (wrong secret key, unknown key, expired token).
    case invalidCredentials(call: String, detail: String)
    case assumeRoleFailed(roleArn: String, detail: String)
    /// STS GetCallerIdentity failed otherwise (network, endpoint).
    case identityFailed(String)
    case noRegion
    case invalidRegion(String)
    /// The captured documents did not import (a bug: please report).
    case importFailed(String)

    public var description: String {
        switch self {
        case .noCredentials:
            "no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, use --profile, or configure ~/.aws/credentials"
        case .configuration(let m): "AWS configuration: \(m)"
        case .invalidCredentials(let call, let detail):
            "the AWS credentials were rejected (\(call): \(detail)); check the access key and secret key"
        case .assumeRoleFailed(let arn, let detail): "cannot assume role \(arn): \(detail)"
        case .identityFailed(let m): "cannot reach AWS STS (GetCallerIdentity): \(m)"
        case .noRegion: "no region: pass --regions, or set AWS_REGION / AWS_DEFAULT_REGION or the profile's region"
        case .invalidRegion(let r): "'\(r)' is not an AWS region name"
        case .importFailed(let m): "the captured documents did not import: \(m)"
        }
    }
}

/// One converted document, placed like the import's folder layout.
struct CapturedDocument: Sendable {
    var account: String
    var region: String?
    var callFolder: String?
    var baseName: String
    var json: JSONValue

    var displayPath: String {
        "live/" + ([account, region, callFolder].compactMap { $0 } + [baseName + ".json"]).joined(separator: "/")
    }
}

/// Thread-safe sink for documents, warnings and progress.
final class CaptureSink: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [CapturedDocument] = []
    private var warnings: [CaptureWarning] = []
    private var resources: [String: Int] = [:]
    private var calls = 0
    let progress: (@Sendable (CaptureProgress) -> Void)?

    init(progress: (@Sendable (CaptureProgress) -> Void)?) { self.progress = progress }

    func add(_ doc: CapturedDocument) { lock.lock(); documents.append(doc); lock.unlock() }
    func warn(_ w: CaptureWarning) { lock.lock(); warnings.append(w); lock.unlock() }

    func page(_ json: JSONValue, region: String, keys: [String]) {
        lock.lock()
        calls += 1
        if case .object(let o) = json {
            for key in keys { if case .array(let items)? = o[key] { resources[key, default: 0] += items.count } }
        }
        let p = CaptureProgress(callsDone: calls, region: region, resources: resources)
        lock.unlock()
        progress?(p)
    }

    var result: ([CapturedDocument], [CaptureWarning]) { lock.lock(); defer { lock.unlock() }; return (documents, warnings) }
}

/// Captures an AWS account over its APIs into the model, like `netaudit import` of the same account's
/// AWS CLI output would (each response is converted to the JSON the CLI prints, then imported).
///
/// Calls that fail for access or service reasons become `CaptureWarning`s (`access-denied`,
/// `service-error`, `unsupported-region`, `throttled`, `network-error`) and the capture goes on;
/// rejected credentials, a failed role assumption or an unreachable STS throw.
public func capture(_ options: CaptureOptions,
                    progress: (@Sendable (CaptureProgress) -> Void)? = nil) async throws(CaptureError) -> CaptureResult {
    let started = Date()
    let env = options.environment
    let endpoint = (options.endpointURL ?? env["AWS_ENDPOINT_URL"]).flatMap { $0.isEmpty ? nil : $0 }
    var ownedTransport: CurlTransport? = nil
    let transport: any HTTPTransport
    if let t = options.transport { transport = t } else {
        let t = CurlTransport(configuration: options.http)
        ownedTransport = t
        transport = t
    }
    defer { ownedTransport?.shutdown() }
    let counter = CallCounter()

    let explicitRegions = options.regions.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    let profile = options.profile ?? env["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
    let defaultRegion = CredentialResolver.defaultRegion(environment: env, profile: profile)
    let homeRegion: String
    if let first = explicitRegions.first, first != "all" { homeRegion = first }
    else if let d = defaultRegion { homeRegion = d }
    else if explicitRegions == ["all"] { homeRegion = "us-east-1" }
    else { throw .noRegion }
    for r in explicitRegions where r != "all" {
        guard InputFile.isRegionName(r) else { throw .invalidRegion(r) }
    }

    let resolver = CredentialResolver(environment: env, transport: transport, endpointURL: endpoint, retry: options.retry, counter: counter)
    var (credentials, source) = try await resolver.resolve(profile: options.profile, region: homeRegion)
    if let roleArn = options.roleArn {
        credentials = try await resolver.assumeRole(roleArn, with: credentials, region: homeRegion)
        source = .assumedRole(roleArn: roleArn, via: source.description)
    }
    let client = AWSClient(transport: transport, credentials: credentials, endpointURL: endpoint, retry: options.retry, counter: counter)
    let sink = CaptureSink(progress: progress)

    // Who are we? Wrong keys fail here, once, clearly.
    let identity: JSONValue
    do {
        identity = try await client.query(service: "sts", operation: "GetCallerIdentity", region: homeRegion, parameters: [])
    } catch {
        if error.isAuthenticationFailure { throw .invalidCredentials(call: "sts GetCallerIdentity", detail: error.description) }
        throw .identityFailed(error.description)
    }
    _ = counter.call()
    guard case .object(let id) = identity, case .string(let account)? = id["Account"] else {
        throw .identityFailed("the answer names no account")
    }
    var callerArn = ""
    if case .string(let arn)? = id["Arn"] { callerArn = arn }
    sink.page(identity, region: "global", keys: [])
    sink.add(CapturedDocument(account: account, region: nil, callFolder: nil, baseName: "sts-get-caller-identity", json: identity))

    // Regions.
    var regions = explicitRegions.filter { $0 != "all" }
    if explicitRegions.contains("all") {
        do {
            let answer = try await client.query(service: "ec2", operation: "DescribeRegions", region: homeRegion, parameters: [])
            _ = counter.call()
            if case .object(let o) = answer, case .array(let items)? = o["Regions"] {
                for item in items { if case .object(let r) = item, case .string(let name)? = r["RegionName"] { regions.append(name) } }
            }
        } catch {
            if error.isAuthenticationFailure { throw .invalidCredentials(call: "ec2 DescribeRegions", detail: error.description) }
            throw .configuration("cannot list regions (ec2 DescribeRegions): \(error.description)")
        }
    }
    if regions.isEmpty { regions = [homeRegion] }
    regions = Array(Set(regions)).sorted()

    var runner = CallRunner(client: client, sink: sink, account: account, pageSize: options.pageSize)
    runner.skippedServices = options.skippedServices
    await withTaskGroup(of: Void.self) { group in
        for region in regions { runner.regional(region: region, in: &group) }
        runner.global(homeRegion: homeRegion, in: &group)
    }

    // Convert into the model through the importer, in a stable order.
    let (documents, warnings) = sink.result
    let files = documents.sorted { $0.displayPath < $1.displayPath }.map { d in
        InputFile(displayPath: d.displayPath, account: d.account, region: d.region, callFolder: d.callFolder,
                  baseName: d.baseName, contents: Array(d.json.canonicalText.utf8))
    }
    var imported: ImportResult
    do { imported = try Importer().importFiles(files) } catch { throw .importFailed(error.description) }
    let sortedWarnings = warnings.sorted { ($0.source, $0.code) < ($1.source, $1.code) }
    imported.inventory.warnings += sortedWarnings
    var origin = [endpoint ?? "aws"]
    if let profile { origin.append("profile:\(profile)") }
    if let roleArn = options.roleArn { origin.append("role:\(roleArn)") }
    let metadata = SnapshotMetadata(createdAt: Date(), source: .live, accounts: [account], regions: regions,
                                    toolVersion: NetauditVersion.current, origin: origin)
    let counts = counter.snapshot
    return CaptureResult(inventory: imported.inventory, rawDocuments: imported.rawDocuments, metadata: metadata,
                         warnings: sortedWarnings, callCount: counts.calls, requestCount: counts.requests, retryCount: counts.retries,
                         credentialSource: source.description, account: account, callerArn: callerArn,
                         duration: Date().timeIntervalSince(started))
}

extension InputFile {
    /// Region names (`us-east-1`), as the import recognises them.
    static func isRegionName(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count >= 3, parts.count <= 4, let last = parts.last, Int(last) != nil,
              parts[0].count == 2, parts[0].allSatisfy({ $0.isLowercase }) else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase } }
    }
}
