import AWSCapture
import AWSImport
import Foundation
import HTTPClient
import NetModel
import SnapshotStore
import Testing

/// Live capture against a real moto server (no fakes): the workshop architecture, equality with an
/// import of AWS CLI dumps, access denied, throttling, pagination, wrong keys, SigV4 checking.
@Suite(.serialized)
struct LiveCaptureTests {
    func options(_ server: MotoServer, env: [String: String] = motoEnvironment, pageSize: Int? = nil) -> CaptureOptions {
        var o = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url, pageSize: pageSize,
                               retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001), environment: env)
        o.skippedServices = motoMissingServices
        return o
    }

    @Test func workshopCaptureHasEveryKindAndMatchesCLIImport() async throws {
        try await MotoServer.with { server in
            _ = try server.setup("workshop")
            let result = try await capture(options(server))
            let inv = result.inventory
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            #expect(result.account == "123456789012")
            #expect(result.metadata.source == .live)
            #expect(result.metadata.origin == [server.url])
            #expect(!result.metadata.origin.joined().contains("testing"))

            // Network.
            let vpc = try #require(inv.vpcs.first { $0.cidrBlocks.map(\.description).contains("10.0.0.0/16") })
            let subnets = inv.subnets.filter { $0.vpcId == vpc.id }
            #expect(subnets.count >= 6)
            #expect(inv.internetGateways.contains { $0.attachedVpcIds.contains(vpc.id) })
            #expect(inv.natGateways.count == 1)
            let routes = inv.routeTables.filter { $0.vpcId == vpc.id }.flatMap(\.routes)
            #expect(routes.contains { "\($0.target)".contains("igw-") })
            #expect(routes.contains { "\($0.target)".contains("nat-") })

            // Security groups referencing each other.
            #expect(inv.securityGroups.count >= 5)
            let sgRefs = inv.securityGroups.flatMap(\.ingress).filter { "\($0)".contains("sg-") }
            #expect(!sgRefs.isEmpty)

            // Instances, ENIs, public IPs.
            #expect(inv.instances.count >= 2)
            #expect(inv.instances.contains { $0.publicIp != nil })
            let eniIds = Set(inv.networkInterfaces.map(\.id))
            #expect(inv.instances.allSatisfy { !$0.networkInterfaceIds.isEmpty && $0.networkInterfaceIds.allSatisfy(eniIds.contains) })

            // Load balancing.
            let lb = try #require(inv.loadBalancers.first)
            #expect(!lb.listeners.isEmpty)
            let tg = try #require(inv.targetGroups.first)
            #expect(!tg.targets.isEmpty)

            // RDS, Lambda.
            let db = try #require(inv.dbInstances.first)
            let group = try #require(inv.dbSubnetGroups.first { $0.id == db.subnetGroupName })
            #expect(group.subnetIds.count >= 2)
            #expect(inv.lambdaFunctions.count == 1)

            // IAM roles with attached AWS managed policies and their documents.
            let ec2Role = try #require(inv.iamPrincipals.first { $0.name == "demo-app-s3-dynamo-iam-role" })
            #expect(ec2Role.attachedPolicyArns.contains("arn:aws:iam::aws:policy/AmazonS3FullAccess"))
            let s3Full = try #require(inv.managedPolicies.first { $0.id == "arn:aws:iam::aws:policy/AmazonS3FullAccess" })
            #expect(s3Full.document != nil)

            // S3: both buckets with policy, ACL, Block Public Access.
            #expect(inv.buckets.count == 2)
            let front = try #require(inv.buckets.first { $0.id == "demo-app-frontend-s3-bucket-6789" })
            #expect(front.policy != nil)
            #expect(!(front.grants ?? []).isEmpty)
            #expect(inv.buckets.contains { $0.publicAccessBlock != nil })

            // Equality with an import of the AWS CLI's output of the same server.
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-cli-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dump) }
            _ = try server.setup("cli-dump", dump)
            var imported = try Importer().importPaths([dump]).inventory
            var live = inv
            imported.warnings = []
            live.warnings = []
            #expect(live == imported, "live capture and CLI import differ")
            if live != imported {
                for kind in ResourceKind.allCases where live.count(of: kind) != imported.count(of: kind) {
                    Issue.record("\(kind): live \(live.count(of: kind)) vs import \(imported.count(of: kind))")
                }
            }
            #expect(result.rawDocuments.count >= 25)
            #expect(!result.rawDocuments.contains { $0.content.contains("testing\"") && $0.content.contains("SecretAccessKey") })
        }
    }

    @Test func netauditSnapshotBinaryWritesASnapshot() async throws {
        try await MotoServer.with { server in
            _ = try server.setup("workshop")
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-live-\(UUID()).db").path
            defer { try? FileManager.default.removeItem(atPath: out) }
            let run = try Binary.run(["snapshot", "--out", out, "--endpoint-url", server.url, "--regions", "us-east-1"],
                                     environment: motoEnvironment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Captured account 123456789012"))
            #expect(!run.stderr.contains("capturing:"), "no progress line when stderr is not a terminal")
            let reader = try SnapshotReader(path: out)
            #expect(try reader.metadata().source == .live)
            let inv = try reader.inventory()
            #expect(inv.loadBalancers.count == 1)
            #expect(inv.buckets.count == 2)
            #expect(try reader.rawDocumentCount() > 20)
        }
    }

    @Test func paginationFollowsEveryPage() async throws {
        try await MotoServer.with { server in
            _ = try server.setup("instances", "23")
            let calls = Counter()
            let result = try await capture(options(server, pageSize: 5)) { p in calls.set(p.resources["Reservations"] ?? 0) }
            let inVpc = result.inventory.instances.filter { ($0.privateIp ?? "").hasPrefix("10.50.") }
            #expect(inVpc.count == 23)
            #expect(result.callCount > 25, "23 instances in pages of 5 need several DescribeInstances calls")
        }
    }

    @Test func accessDeniedBecomesAWarningAndSignaturesAreAccepted() async throws {
        try await MotoServer.with(signatureChecking: true) { server in
            let keys = try server.setup("restricted-user")
            let json = try JSONSerialization.jsonObject(with: Data(keys.utf8)) as! [String: String]
            var env = motoEnvironment
            env["AWS_ACCESS_KEY_ID"] = json["AccessKeyId"]!
            env["AWS_SECRET_ACCESS_KEY"] = json["SecretAccessKey"]!
            let result = try await capture(options(server, env: env))
            // Our signatures were accepted (moto verifies them): the capture has the default VPC.
            #expect(!result.inventory.vpcs.isEmpty)
            let denied = result.warnings.filter { $0.code == "access-denied" }
            #expect(denied.contains { $0.source.contains("DescribeNetworkAcls") && $0.source.contains("us-east-1") }, "\(result.warnings)")
            #expect(result.inventory.networkACLs.isEmpty)
            // Every other call (STS, EC2, ELBv2, RDS, Lambda, ElastiCache, EKS, OpenSearch, IAM, S3, S3 Control) was signed acceptably.
            #expect(!result.warnings.contains { $0.code == "auth-failed" }, "\(result.warnings)")
            #expect(result.warnings.count == 1, "\(result.warnings)")
            #expect(result.inventory.iamPrincipals.contains { $0.name == "auditor" })
            #expect(result.inventory.warnings.contains { $0.code == "access-denied" })

            // The same key with a wrong secret: one clear fatal error, no secret in it.
            env["AWS_SECRET_ACCESS_KEY"] = "wrong-secret-value-123"
            do {
                _ = try await capture(options(server, env: env))
                Issue.record("a wrong secret key must fail")
            } catch let error as CaptureError {
                guard case .invalidCredentials = error else { Issue.record("unexpected \(error)"); return }
                #expect(error.description.contains("rejected"))
                #expect(!error.description.contains("wrong-secret-value-123"))
                #expect(!error.description.contains(json["SecretAccessKey"]!))
            }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-bad-\(UUID()).db").path
            let run = try Binary.run(["snapshot", "--out", out, "--endpoint-url", server.url, "--regions", "us-east-1"], environment: env)
            #expect(run.status == 2)
            #expect(run.stderr.contains("netaudit: error: the AWS credentials were rejected"), "\(run.stderr)")
            #expect(!run.stderr.contains("wrong-secret-value-123"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func throttlingTwiceThenSuccessIsRetried() async throws {
        try await MotoServer.with { server in
            _ = try server.setup("workshop")
            let proxy = try ThrottleProxy(upstream: server.url, action: "DescribeVpcs", count: 2)
            defer { proxy.stop() }
            var opts = options(server)
            opts.endpointURL = proxy.url
            let result = try await capture(opts)
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            #expect(result.retryCount == 2)
            #expect(result.inventory.vpcs.count == 2)
        }
    }

    @Test func throttlingBeyondTheAttemptsIsAWarning() async throws {
        try await MotoServer.with { server in
            let proxy = try ThrottleProxy(upstream: server.url, action: "DescribeSubnets", count: 100)
            defer { proxy.stop() }
            var opts = options(server)
            opts.endpointURL = proxy.url
            let result = try await capture(opts)
            #expect(result.warnings.map(\.code) == ["throttled"])
            #expect(result.warnings.first?.source == "ec2 DescribeSubnets (us-east-1)")
            #expect(!result.inventory.vpcs.isEmpty)
        }
    }

    @Test func httpProxyFromTheEnvironmentIsUsed() async throws {
        try await MotoServer.with { server in
            let proxy = try ThrottleProxy(upstream: server.url, action: "DescribeVpcs", count: 1)
            defer { proxy.stop() }
            var opts = options(server)
            opts.http = HTTPClientConfiguration(environment: ["HTTP_PROXY": proxy.url])
            let result = try await capture(opts)
            // Only the proxy throttles: one retry proves every request went through it.
            #expect(result.retryCount == 1)
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            opts.http = HTTPClientConfiguration(environment: ["HTTP_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"])
            #expect(try await capture(opts).retryCount == 0)
        }
    }

    @Test func allRegionsComeFromDescribeRegions() async throws {
        try await MotoServer.with { server in
            var opts = options(server)
            opts.regions = ["all"]
            let result = try await capture(opts)
            #expect(result.metadata.regions.count > 15)
            #expect(result.metadata.regions.contains("eu-west-1"))
            #expect(result.warnings.isEmpty, "\(result.warnings.prefix(3))")
            #expect(Set(result.inventory.vpcs.map(\.scope.region)).count == result.metadata.regions.count)
        }
    }

    @Test func unreachableEndpointIsAClearError() async throws {
        var opts = CaptureOptions(regions: ["us-east-1"], endpointURL: "http://127.0.0.1:\(try MotoServer.freePort())",
                                  retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.001), environment: motoEnvironment)
        opts.http.connectTimeout = 2
        do {
            _ = try await capture(opts)
            Issue.record("must fail")
        } catch let error as CaptureError {
            guard case .identityFailed = error else { Issue.record("unexpected \(error)"); return }
        }
    }

    @Test func missingRegionAndCredentialsAreClear() async throws {
        let noRegion = CaptureOptions(environment: ["AWS_CONFIG_FILE": "/dev/null", "HOME": "/nonexistent"])
        await #expect(throws: CaptureError.noRegion) { _ = try await capture(noRegion) }
        let bad = CaptureOptions(regions: ["not_a_region"], environment: motoEnvironment)
        await #expect(throws: CaptureError.invalidRegion("not_a_region")) { _ = try await capture(bad) }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func set(_ v: Int) { lock.lock(); value = max(value, v); lock.unlock() }
    var current: Int { lock.lock(); defer { lock.unlock() }; return value }
}

/// scripts/capture/throttle_proxy.py in front of a moto server.
final class ThrottleProxy: @unchecked Sendable {
    let process = Process()
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    init(upstream: String, action: String, count: Int) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/capture/throttle_proxy.py", upstream, action, String(count)]
        process.currentDirectoryURL = MotoServer.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let p = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw MotoServer.Missing(description: "throttle proxy did not start")
        }
        port = p
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}

/// The built `netaudit` binary (next to the test bundle, else .build-capture or .build).
enum Binary {
    static let path: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("netaudit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        for p in [".build-capture/debug/netaudit", ".build/debug/netaudit"] {
            let c = MotoServer.packageRoot.appendingPathComponent(p).path
            if FileManager.default.isExecutableFile(atPath: c) { return c }
        }
        return MotoServer.packageRoot.appendingPathComponent(".build/debug/netaudit").path
    }()

    static func run(_ arguments: [String], environment: [String: String], directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("AWS_") { env[key] = nil }
        env.merge(environment) { $1 }
        return try ChildProcess.run(URL(fileURLWithPath: path), arguments, directory: directory, environment: env)
    }
}
