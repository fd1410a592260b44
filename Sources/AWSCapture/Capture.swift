import AWSImport
import Foundation
import HTTPClient
import NetModel
import SigV4
import JSON

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
    /// Services not to call (`directconnect` against an emulator that lacks it), by the name in `aws-shapes.json`
    /// (`ec2`, `elbv2`, `rds`, `lambda`, `s3`, ...); their resources are absent, and no warning says so.
    public var skippedServices: Set<String> = []
    /// Capture every account of the organization the credentials manage (`--org`), not just their own.
    public var organization: OrganizationOptions? = nil
    /// `ExternalId` for `roleArn` (with `organization`: for each member's role instead).
    public var externalId: String? = nil
    /// Client-side rate limits (per account, region and action); nil sends as fast as the HTTP concurrency allows.
    public var rateLimits: RateLimits? = .aws

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
    /// Retries so far (throttling, transient errors).
    public var retries = 0
    /// Organization captures: accounts finished and listed, and the estimated seconds left.
    public var accountsDone: Int? = nil
    public var accountsTotal: Int? = nil
    public var eta: TimeInterval? = nil
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
    /// The account captured (an organization's: the caller's) and the caller's ARN.
    public var account: String
    public var callerArn: String
    public var duration: TimeInterval
    /// Organization captures: which accounts were listed, captured and not captured.
    public var organization: OrganizationSummary? = nil
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
    private var accountsDone = 0
    private var accountsTotal: Int? = nil
    private let started = Date()
    let progress: (@Sendable (CaptureProgress) -> Void)?
    let counter: CallCounter?

    init(progress: (@Sendable (CaptureProgress) -> Void)?, counter: CallCounter? = nil) {
        self.progress = progress
        self.counter = counter
    }

    /// Organization captures: how many accounts there are, and one more finished.
    func accounts(total: Int) { lock.lock(); accountsTotal = total; lock.unlock() }
    func accountFinished() {
        lock.lock()
        accountsDone += 1
        let p = report(region: "global")
        lock.unlock()
        progress?(p)
    }

    func add(_ doc: CapturedDocument) { lock.lock(); documents.append(doc); lock.unlock() }
    func warn(_ w: CaptureWarning) { lock.lock(); warnings.append(w); lock.unlock() }

    func page(_ json: JSONValue, region: String, keys: [String]) {
        lock.lock()
        calls += 1
        if case .object(let o) = json {
            for key in keys { if case .array(let items)? = o[key] { resources[key, default: 0] += items.count } }
        }
        let p = report(region: region)
        lock.unlock()
        progress?(p)
    }

    /// The progress so far (called with the lock held).
    private func report(region: String) -> CaptureProgress {
        var p = CaptureProgress(callsDone: calls, region: region, resources: resources)
        p.retries = counter?.snapshot.retries ?? 0
        if let total = accountsTotal {
            p.accountsDone = accountsDone
            p.accountsTotal = total
            p.eta = ProgressEstimate.remaining(elapsed: Date().timeIntervalSince(started), done: accountsDone, total: total)
        }
        return p
    }

    var result: ([CapturedDocument], [CaptureWarning]) { lock.lock(); defer { lock.unlock() }; return (documents, warnings) }

    /// The documents converted into the model through the importer, in a stable order; the warnings sorted and added.
    func imported() throws(CaptureError) -> (ImportResult, [CaptureWarning]) {
        let (documents, warnings) = result
        let files = documents.sorted { $0.displayPath < $1.displayPath }.map { d in
            InputFile(displayPath: d.displayPath, account: d.account, region: d.region, callFolder: d.callFolder,
                      baseName: d.baseName, contents: Array(d.json.canonicalText.utf8))
        }
        var imported: ImportResult
        do { imported = try Importer().importFiles(files) } catch { throw .importFailed(error.description) }
        let sorted = warnings.sorted { ($0.source, $0.code) < ($1.source, $1.code) }
        imported.inventory.warnings += sorted
        return (imported, sorted)
    }
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
    let setup = try CaptureSetup(options)
    defer { setup.shutdown() }
    let (credentials, source) = try await setup.credentials()
    let sink = CaptureSink(progress: progress, counter: setup.counter)
    if let organization = options.organization {
        return try await captureOrganization(options, organization, setup: setup, credentials: credentials, source: source,
                                             sink: sink, started: started)
    }
    let homeRegion = setup.homeRegion
    let client = AWSClient(transport: setup.transport, credentials: credentials, endpointURL: setup.endpoint, retry: options.retry,
                           counter: setup.counter)
    let account = AccountCapture(client: client, sink: sink, pageSize: options.pageSize, skippedServices: options.skippedServices)

    // Who are we? Wrong keys fail here, once, clearly.
    let id: (account: String, arn: String)
    do { id = try await account.identity(homeRegion: homeRegion) } catch {
        if error.isAuthenticationFailure { throw .invalidCredentials(call: "sts GetCallerIdentity", detail: error.description) }
        throw .identityFailed(error.code == "MalformedResponse" ? "the answer names no account" : error.description)
    }

    var limited = client
    limited.limiter = setup.limiter
    limited.account = id.account
    let calls = AccountCapture(client: limited, sink: sink, pageSize: options.pageSize, skippedServices: options.skippedServices)
    var regions = setup.explicitRegions
    if setup.allRegions {
        do { regions += try await calls.enabledRegions(homeRegion: homeRegion) } catch {
            if error.isAuthenticationFailure { throw .invalidCredentials(call: "ec2 DescribeRegions", detail: error.description) }
            throw .configuration("cannot list regions (ec2 DescribeRegions): \(error.description)")
        }
    }
    if regions.isEmpty { regions = [homeRegion] }
    regions = Array(Set(regions)).sorted()
    await calls.run(account: id.account, regions: regions, homeRegion: homeRegion)

    let (imported, warnings) = try sink.imported()
    let metadata = SnapshotMetadata(createdAt: Date(), source: .live, accounts: [id.account], regions: regions,
                                    toolVersion: NetauditVersion.current, origin: setup.origin(options))
    let counts = setup.counter.snapshot
    return CaptureResult(inventory: imported.inventory, rawDocuments: imported.rawDocuments, metadata: metadata,
                         warnings: warnings, callCount: counts.calls, requestCount: counts.requests, retryCount: counts.retries,
                         credentialSource: source.description, account: id.account, callerArn: id.arn,
                         duration: Date().timeIntervalSince(started))
}

/// What every capture resolves first: the transport, the endpoint, the regions asked for, the home region.
struct CaptureSetup: Sendable {
    let options: CaptureOptions
    let transport: any HTTPTransport
    let ownedTransport: CurlTransport?
    let endpoint: String?
    let counter = CallCounter()
    /// One limiter for every client of the capture, with the transport's connections as its request slots.
    let limiter: RateLimiter?
    let profile: String?
    /// Regions named explicitly (without `all`), and whether `all` was asked for.
    let explicitRegions: [String]
    let allRegions: Bool
    let homeRegion: String

    init(_ options: CaptureOptions) throws(CaptureError) {
        self.options = options
        limiter = options.rateLimits.map { RateLimiter(limits: $0, concurrency: options.http.maxConcurrency) }
        let env = options.environment
        endpoint = (options.endpointURL ?? env["AWS_ENDPOINT_URL"]).flatMap { $0.isEmpty ? nil : $0 }
        if let t = options.transport { transport = t; ownedTransport = nil } else {
            let t = CurlTransport(configuration: options.http)
            ownedTransport = t
            transport = t
        }
        let named = options.regions.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        profile = options.profile ?? env["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        let defaultRegion = CredentialResolver.defaultRegion(environment: env, profile: profile)
        explicitRegions = named.filter { $0 != "all" }
        allRegions = named.contains("all")
        if let first = explicitRegions.first { homeRegion = first }
        else if let d = defaultRegion { homeRegion = d }
        else if allRegions { homeRegion = "us-east-1" }
        else { ownedTransport?.shutdown(); throw .noRegion }
        let known = ShapeModel.bundled.services.keys
        if let unknown = options.skippedServices.sorted().first(where: { !known.contains($0) }) {
            ownedTransport?.shutdown()
            throw .configuration("--skip-services: unknown service '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        do { try options.organization?.validate() } catch {
            ownedTransport?.shutdown()
            throw error
        }
        for r in explicitRegions where !InputFile.isRegionName(r) {
            ownedTransport?.shutdown()
            throw .invalidRegion(r)
        }
    }

    func shutdown() { ownedTransport?.shutdown() }

    var resolver: CredentialResolver {
        CredentialResolver(environment: options.environment, transport: transport, endpointURL: endpoint, retry: options.retry, counter: counter)
    }

    /// The caller's credentials, after `--role-arn` when given.
    func credentials() async throws(CaptureError) -> (AWSCredentials, CredentialSource) {
        var (credentials, source) = try await resolver.resolve(profile: options.profile, region: homeRegion)
        if let roleArn = options.roleArn {
            credentials = try await resolver.assumeRole(roleArn, with: credentials, region: homeRegion, externalId: options.organization == nil ? options.externalId : nil)
            source = .assumedRole(roleArn: roleArn, via: source.description)
        }
        return (credentials, source)
    }

    /// Where the snapshot came from (endpoint, profile, role; never credentials).
    func origin(_ options: CaptureOptions) -> [String] {
        var origin = [endpoint ?? "aws"]
        if let profile { origin.append("profile:\(profile)") }
        if let roleArn = options.roleArn { origin.append("role:\(roleArn)") }
        return origin
    }
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
