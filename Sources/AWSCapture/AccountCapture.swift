import AWSImport
import Foundation

/// The calls of one account, shared by the single-account and the organization capture: who the credentials are,
/// which regions are enabled, then every regional and global listing into the sink.
struct AccountCapture: Sendable {
    let client: AWSClient
    let sink: CaptureSink
    let pageSize: Int?
    let skippedServices: Set<String>

    /// STS GetCallerIdentity, stored (unless `store` is false) as the account's `sts-get-caller-identity.json`: (account, caller ARN).
    func identity(homeRegion: String, store: Bool = true) async throws(AWSServiceError) -> (account: String, arn: String) {
        let identity = try await client.query(service: "sts", operation: "GetCallerIdentity", region: homeRegion, parameters: [])
        _ = client.counter.call()
        guard case .object(let id) = identity, case .string(let account)? = id["Account"] else {
            throw AWSServiceError(code: "MalformedResponse", message: "sts GetCallerIdentity: the answer names no account", status: 200)
        }
        sink.page(identity, region: "global", keys: [])
        if store { sink.add(CapturedDocument(account: account, region: nil, callFolder: nil, baseName: "sts-get-caller-identity", json: identity)) }
        return (account, CallRunner.string(id, "Arn") ?? "")
    }

    /// The account's enabled regions: EC2 DescribeRegions filtered on `opt-in-status` `opt-in-not-required` or
    /// `opted-in` (AWS "Specify which AWS Regions your account can use": opt-in regions not enabled answer no calls).
    func enabledRegions(homeRegion: String) async throws(AWSServiceError) -> [String] {
        let answer = try await client.query(service: "ec2", operation: "DescribeRegions", region: homeRegion,
                                            parameters: [("Filter.1.Name", "opt-in-status"), ("Filter.1.Value.1", "opt-in-not-required"),
                                                         ("Filter.1.Value.2", "opted-in")])
        _ = client.counter.call()
        return CallRunner.items(answer, "Regions").compactMap { r -> String? in
            guard let name = CallRunner.string(r, "RegionName") else { return nil }
            let status = CallRunner.string(r, "OptInStatus")
            return status == nil || status == "opt-in-not-required" || status == "opted-in" ? name : nil
        }
    }

    /// Every listing of `account` in `regions`, plus IAM and S3 from `homeRegion`. `label` prefixes warning sources
    /// (the account ID in an organization capture).
    func run(account: String, regions: [String], homeRegion: String, label: String? = nil) async {
        var skipping = client
        skipping.skippedServices = skippedServices
        var runner = CallRunner(client: skipping, sink: sink, account: account, pageSize: pageSize)
        runner.label = label
        await withTaskGroup(of: Void.self) { group in
            for region in regions { runner.regional(region: region, in: &group) }
            runner.global(homeRegion: homeRegion, in: &group)
        }
    }
}
