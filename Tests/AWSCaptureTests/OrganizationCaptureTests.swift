import AWSCapture
import Foundation
import NetModel
import Testing

/// `snapshot --org` against a real moto server: Organizations ListAccounts, AssumeRole into each member (assumed-role
/// credentials of account X make moto's calls land in account X), signatures and IAM policies checked.
@Suite(.serialized)
struct OrganizationCaptureTests {
    struct Org: Decodable {
        struct Key: Decodable { var AccessKeyId: String, SecretAccessKey: String }
        var management: String, members: [String], missing: String, vpcs: [String: String], peering: String, credentials: Key
    }

    /// An organization of three members (`moto_setup.py org 3 auth`) and the options capturing it as its auditor user.
    static func organization(_ server: MotoServer, regions: String, _ organization: OrganizationOptions) throws -> (Org, CaptureOptions) {
        let org = try JSONDecoder().decode(Org.self, from: Data(try server.setup("org", "3", "auth", regions).utf8))
        var env = motoEnvironment
        env["AWS_ACCESS_KEY_ID"] = org.credentials.AccessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = org.credentials.SecretAccessKey
        var options = CaptureOptions(regions: [regions], endpointURL: server.url, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001),
                                     environment: env)
        options.skippedServices = motoMissingServices
        options.organization = organization
        return (org, options)
    }

    @Test("every account in one snapshot; the account whose role is missing is a warning naming it; peering across accounts resolves")
    func organizationInOneSnapshot() async throws {
        try await MotoServer.with { server in
            let (org, options) = try OrganizationCaptureTests.organization(server, regions: "us-east-1,eu-west-1", OrganizationOptions())
            let progress = ProgressLog()
            let result = try await capture(options) { progress.add($0) }

            let summary = try #require(result.organization)
            let reachable = [org.management] + org.members.filter { $0 != org.missing }
            #expect(summary.callerAccount == org.management && summary.listed == 4)
            #expect(summary.captured == reachable.sorted() && summary.failed == [org.missing])
            #expect(result.metadata.accounts == ([org.management] + org.members).sorted())
            #expect(result.metadata.regions == ["eu-west-1", "us-east-1"])

            // The one warning: the missing role's account, named, AssumeRole denied.
            #expect(result.warnings.count == 1, "\(result.warnings)")
            let warning = try #require(result.warnings.first)
            #expect(warning.code == "account-not-captured" && warning.source == "\(org.missing) sts AssumeRole")
            #expect(warning.message.contains("account \(org.missing) (member-2)") && warning.message.contains("AccessDenied"))

            // Each member's resources in its own account (its documents under live/<account>/...), none from the missing one.
            let inv = result.inventory
            for (account, vpc) in org.vpcs {
                #expect(inv.vpcs.first { $0.id == vpc }?.scope == ResourceScope(account: account, region: "us-east-1"))
            }
            #expect(inv.vpcs.contains { $0.scope == ResourceScope(account: org.members[1], region: "eu-west-1") && $0.cidrBlocks.contains { $0.description == "10.72.0.0/16" } })
            #expect(Set(inv.scopes.map(\.account)) == Set(reachable))
            let identities = result.rawDocuments.filter { $0.source.hasSuffix("/sts-get-caller-identity.json") }.map(\.source).sorted()
            #expect(identities == reachable.sorted().map { "live/\($0)/sts-get-caller-identity.json" })

            // The peering, requested by member 0 and accepted by member 1, is one connection joining both accounts' VPCs.
            let peering = try #require(inv.vpcPeeringConnections.first { $0.id == org.peering })
            #expect(inv.vpcPeeringConnections.filter { $0.id == org.peering }.count == 1)
            #expect(peering.requester.vpcId == org.vpcs[org.members[0]] && peering.requester.ownerId == org.members[0])
            #expect(peering.accepter.vpcId == org.vpcs[org.members[1]] && peering.accepter.ownerId == org.members[1])
            #expect(peering.isActive)

            // Progress counted the accounts.
            let last = try #require(progress.all.last)
            #expect(last.accountsTotal == 4 && last.accountsDone == 4 && last.eta == 0, "the caller's account and three members")
        }
    }

    @Test("--exclude and --accounts choose the accounts; one not in the organization is a warning")
    func selectedAccounts() async throws {
        try await MotoServer.with { server in
            let (org, base) = try OrganizationCaptureTests.organization(server, regions: "us-east-1", OrganizationOptions())
            var options = base
            options.organization = OrganizationOptions(accounts: [org.members[0], "999999999999"])
            let result = try await capture(options)
            #expect(result.organization?.captured == [org.members[0]] && result.organization?.failed == [])
            #expect(result.warnings.map(\.code) == ["account-not-in-organization"], "\(result.warnings)")
            #expect(result.warnings.first?.source == "999999999999 organizations ListAccounts")
            #expect(Set(result.inventory.scopes.map(\.account)) == [org.members[0]])
        }
    }
}

/// Progress reports as they arrive.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [CaptureProgress] = []
    func add(_ p: CaptureProgress) { lock.lock(); items.append(p); lock.unlock() }
    var all: [CaptureProgress] { lock.lock(); defer { lock.unlock() }; return items }
}
