import ArgumentParser
import AWSCapture
import HTTPClient

/// The live-capture flags shared by `snapshot` and `scan`.
struct CaptureFlags: ParsableArguments {
    @Option(help: "A named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "Regions to capture: a,b,c or 'all' (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).")
    var regions: String?

    @Option(help: "One endpoint URL for every service (e.g. a moto server); default AWS_ENDPOINT_URL or AWS.")
    var endpointURL: String?

    @Option(help: "Assume this role first (cross-account capture).")
    var roleArn: String?

    @Flag(help: "Capture every active account of the organization (run from the management or a delegated administrator account).")
    var org = false

    @Option(help: "With --org: the role assumed in each member account (default OrganizationAccountAccessRole; a read-only audit role is better).")
    var orgRole: String?

    @Option(help: "ExternalId for AssumeRole: of each member's role with --org, else of --role-arn.")
    var externalId: String?

    @Option(help: "With --org: only these account IDs (a,b,c).")
    var accounts: String?

    @Option(help: "With --org: every account except these IDs (a,b,c).")
    var exclude: String?

    @Option(help: "With --org: accounts captured at the same time.")
    var accountConcurrency: Int = 8

    @Option(help: "Services not to call (a,b: directconnect, elbv2, rds, lambda, s3, ...); their resources are absent.")
    var skipServices: String?

    @Option(help: "Page size for paginated calls (default: the service's).")
    var pageSize: Int?

    @Option(help: "Concurrent HTTP requests.")
    var concurrency: Int = 8

    @Flag(help: "No client-side rate limits (token buckets per account, region and API action); retries alone meet throttling.")
    var noRateLimit = false

    func validate() throws {
        if !org {
            for (flag, value) in [("--org-role", orgRole), ("--accounts", accounts), ("--exclude", exclude)] where value != nil {
                throw ValidationError("\(flag) needs --org")
            }
        }
        if accounts != nil && exclude != nil { throw ValidationError("--accounts and --exclude cannot be combined") }
        guard accountConcurrency >= 1, concurrency >= 1 else { throw ValidationError("--concurrency and --account-concurrency must be at least 1") }
    }

    func options() -> CaptureOptions {
        var options = CaptureOptions(profile: profile, regions: regions.map { [$0] } ?? [], endpointURL: endpointURL, roleArn: roleArn,
                                     pageSize: pageSize, http: HTTPClientConfiguration(maxConcurrency: concurrency))
        options.externalId = externalId
        options.skippedServices = CaptureFlags.ids(skipServices)
        if noRateLimit { options.rateLimits = nil }
        if org {
            options.organization = OrganizationOptions(roleName: orgRole ?? OrganizationOptions.defaultRoleName, externalId: externalId,
                                                       accounts: CaptureFlags.ids(accounts), excluded: CaptureFlags.ids(exclude),
                                                       accountConcurrency: accountConcurrency)
        }
        return options
    }

    /// The items of a comma-separated list.
    static func ids(_ list: String?) -> Set<String> {
        Set((list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
