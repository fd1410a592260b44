import AWSImport
import Foundation
import NetModel
import SigV4

/// Which accounts an organization capture listed, captured and could not capture.
public struct OrganizationSummary: Sendable, Hashable {
    /// The management (or delegated administrator) account the capture ran from.
    public var callerAccount: String
    /// Accounts ListAccounts returned, active or not.
    public var listed: Int
    /// Accounts captured, and those selected but not captured (each named by a warning).
    public var captured: [String]
    public var failed: [String]
}

/// `snapshot --org`: lists the organization's accounts from the caller's (management or delegated administrator)
/// account, assumes `roleName` in each other account and captures it like a single account, all into one sink, so one
/// import builds one model across them. An account that cannot be entered (AssumeRole denied, role missing, regions
/// not listable) is a warning naming it; the others go on.
func captureOrganization(_ options: CaptureOptions, _ organization: OrganizationOptions, setup: CaptureSetup,
                         credentials: AWSCredentials, source: CredentialSource, sink: CaptureSink,
                         started: Date) async throws(CaptureError) -> CaptureResult {
    let home = setup.homeRegion
    var management = AWSClient(transport: setup.transport, credentials: credentials, endpointURL: setup.endpoint,
                               retry: options.retry, counter: setup.counter)
    let caller: (account: String, arn: String)
    do {
        caller = try await AccountCapture(client: management, sink: sink, pageSize: nil, skippedServices: [])
            .identity(homeRegion: home, store: false)
    } catch {
        if error.isAuthenticationFailure { throw .invalidCredentials(call: "sts GetCallerIdentity", detail: error.description) }
        throw .identityFailed(error.description)
    }
    management.limiter = setup.limiter
    management.account = caller.account

    let listed: [OrganizationAccount]
    do { listed = try await management.organizationAccounts(homeRegion: home) } catch {
        if error.isAuthenticationFailure { throw .invalidCredentials(call: "organizations ListAccounts", detail: error.description) }
        throw .configuration("cannot list the organization's accounts (organizations ListAccounts): \(error.description); "
                             + "run from the management account or a delegated administrator")
    }
    let (selected, missing) = organization.select(listed)
    for id in missing {
        sink.warn(CaptureWarning(source: "\(id) organizations ListAccounts", code: "account-not-in-organization",
                                 message: "account \(id) is not an active account of the organization; it is not captured"))
    }
    guard !selected.isEmpty else { throw .configuration("no active account of the organization is selected (--accounts/--exclude)") }
    sink.accounts(total: selected.count)

    var resolver = setup.resolver
    resolver.limiter = setup.limiter
    resolver.limitAccount = caller.account
    let member = MemberCapture(options: options, organization: organization, setup: setup, credentials: credentials,
                               callerAccount: caller.account, partition: ARNParts.partition(caller.arn), resolver: resolver, sink: sink)
    var outcomes: [String: [String]?] = [:]
    await withTaskGroup(of: (String, [String]?).self) { group in
        var pending = selected[...]
        func startNext() {
            guard let next = pending.popFirst() else { return }
            group.addTask { (next.id, await member.capture(next)) }
        }
        for _ in 0..<organization.accountConcurrency { startNext() }
        while let (id, regions) = await group.next() {
            outcomes[id] = regions
            sink.accountFinished()
            startNext()
        }
    }

    let (imported, warnings) = try sink.imported()
    let captured = outcomes.filter { $0.value != nil }.keys.sorted()
    let failed = outcomes.filter { $0.value == nil }.keys.sorted()
    let regions = Set(outcomes.values.compactMap { $0 }.flatMap { $0 }).sorted()
    var origin = setup.origin(options)
    origin += ["organization:\(caller.account)", "org-role:\(organization.roleName)"]
    let metadata = SnapshotMetadata(createdAt: Date(), source: .live, accounts: selected.map(\.id), regions: regions,
                                    toolVersion: NetauditVersion.current, origin: origin)
    let counts = setup.counter.snapshot
    var result = CaptureResult(inventory: imported.inventory, rawDocuments: imported.rawDocuments, metadata: metadata,
                               warnings: warnings, callCount: counts.calls, requestCount: counts.requests, retryCount: counts.retries,
                               credentialSource: source.description, account: caller.account, callerArn: caller.arn,
                               duration: Date().timeIntervalSince(started))
    result.organization = OrganizationSummary(callerAccount: caller.account, listed: listed.count, captured: captured, failed: failed)
    return result
}

/// One member account of an organization capture: into it, then the same calls as a single-account capture.
struct MemberCapture: Sendable {
    let options: CaptureOptions
    let organization: OrganizationOptions
    let setup: CaptureSetup
    let credentials: AWSCredentials
    let callerAccount: String
    let partition: String
    let resolver: CredentialResolver
    let sink: CaptureSink

    /// Captures `account`; returns its regions, or nil when it could not be entered (a warning names it).
    func capture(_ account: OrganizationAccount) async -> [String]? {
        let name = account.name == account.id ? account.id : "\(account.id) (\(account.name))"
        func fail(_ call: String, _ detail: String) -> [String]? {
            sink.warn(CaptureWarning(source: "\(account.id) \(call)", code: "account-not-captured",
                                     message: "account \(name): \(detail); the account is missing from the snapshot"))
            return nil
        }
        var memberCredentials = credentials
        if account.id != callerAccount {
            let roleArn = organization.roleArn(account: account.id, partition: partition)
            do {
                memberCredentials = try await resolver.assumeRole(roleArn, with: credentials, region: setup.homeRegion,
                                                                  externalId: organization.externalId,
                                                                  sessionName: "netaudit-org-\(callerAccount)")
            } catch {
                return fail("sts AssumeRole", "cannot assume \(roleArn): \(CaptureError.detail(error))")
            }
        }
        var client = AWSClient(transport: setup.transport, credentials: memberCredentials, endpointURL: setup.endpoint,
                               retry: options.retry, counter: setup.counter)
        client.limiter = setup.limiter
        client.account = account.id
        let calls = AccountCapture(client: client, sink: sink, pageSize: options.pageSize, skippedServices: options.skippedServices)
        do {
            let id = try await calls.identity(homeRegion: setup.homeRegion)
            guard id.account == account.id else {
                return fail("sts GetCallerIdentity", "its role's credentials act in account \(id.account)")
            }
        } catch {
            return fail("sts GetCallerIdentity", error.description)
        }
        var regions = setup.explicitRegions
        if setup.allRegions {
            do { regions += try await calls.enabledRegions(homeRegion: setup.homeRegion) } catch {
                return fail("ec2 DescribeRegions", "cannot list its regions: \(error.description)")
            }
        }
        if regions.isEmpty { regions = [setup.homeRegion] }
        regions = Array(Set(regions)).sorted()
        await calls.run(account: account.id, regions: regions, homeRegion: setup.homeRegion, label: account.id)
        return regions
    }
}

/// Parts of an ARN.
enum ARNParts {
    /// `aws`, `aws-cn`, `aws-us-gov` from `arn:<partition>:...`; `aws` when the ARN is not one.
    static func partition(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 1 && parts[0] == "arn" && !parts[1].isEmpty ? String(parts[1]) : "aws"
    }
}

extension CaptureError {
    /// The reason alone (AssumeRole's AWS error), without the leading "cannot assume role".
    static func detail(_ error: CaptureError) -> String {
        switch error {
        case .assumeRoleFailed(_, let detail), .invalidCredentials(_, let detail): detail
        default: error.description
        }
    }
}
