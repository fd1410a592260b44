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

    @Option(help: "Page size for paginated calls (default: the service's).")
    var pageSize: Int?

    @Option(help: "Concurrent HTTP requests.")
    var concurrency: Int = 8

    func options() -> CaptureOptions {
        CaptureOptions(profile: profile, regions: regions.map { [$0] } ?? [], endpointURL: endpointURL, roleArn: roleArn,
                       pageSize: pageSize, http: HTTPClientConfiguration(maxConcurrency: concurrency))
    }
}
