import AWSImport
import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// The EKS, OpenSearch and datastore-tier rules on the `service-workloads` fixture, each on and off.
@Suite("Managed service rules")
struct ServiceRulesTests {
    static func inventory() throws -> Inventory {
        let fixture = WorkshopScanTests.root.appendingPathComponent("Tests/AWSImportTests/Fixtures/service-workloads").path
        return try Importer().importPaths([fixture]).inventory
    }

    static func findings(_ rule: String, _ inv: Inventory, policy: PolicyFile = PolicyFile()) throws -> [Finding] {
        try WorkshopScanTests.scan(inv, policy: policy).findings.filter { $0.ruleId == rule }
    }

    @Test("eks-public-endpoint-open: a public endpoint admitting 0.0.0.0/0 is high; one limited to a CIDR is not reported")
    func eksOpen() throws {
        var inv = try Self.inventory()
        let found = try Self.findings("eks-public-endpoint-open", inv)
        #expect(found.map(\.resource.id) == ["shop"])
        let f = try #require(found.first)
        #expect(f.severity == .high && f.evidence.contains("publicAccessCidrs: 0.0.0.0/0"))
        #expect(f.fix.cli?.contains("endpointPublicAccess=false,endpointPrivateAccess=true") == true)
        #expect(f.fix.terraform?.contains("endpoint_public_access  = false") == true)
        let shop = try #require(inv.eksClusters.firstIndex { $0.id == "shop" })
        inv.eksClusters[shop].publicAccessCidrs = ["198.51.100.0/24"]
        #expect(try Self.findings("eks-public-endpoint-open", inv).isEmpty)
        inv.eksClusters[shop].publicAccessCidrs = ["0.0.0.0/0"]
        inv.eksClusters[shop].endpointPublicAccess = false
        #expect(try Self.findings("eks-public-endpoint-open", inv).isEmpty)
    }

    @Test("opensearch-open-access-policy: a public domain allowing * without a restricting condition is critical; a source-IP condition or a VPC keeps it quiet")
    func openSearchOpen() throws {
        var inv = try Self.inventory()
        let found = try Self.findings("opensearch-open-access-policy", inv)
        // catalog (in a VPC) and audit (aws:SourceIp pinned) are not reported.
        #expect(found.map(\.resource.id) == ["logs"])
        let f = try #require(found.first)
        #expect(f.severity == .critical && f.evidence.contains { $0.contains("any principal") } && f.evidence.contains { $0.contains("internet reaches it") })
        let logs = try #require(inv.openSearchDomains.firstIndex { $0.id == "logs" })
        inv.openSearchDomains[logs].fineGrainedAccessControl = true
        #expect(try Self.findings("opensearch-open-access-policy", inv).first?.severity == .high)
        inv.openSearchDomains[logs].accessPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"es:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}}]}"#
        #expect(try Self.findings("opensearch-open-access-policy", inv).isEmpty)
        inv.openSearchDomains[logs].accessPolicy = "{not json"
        let result = try WorkshopScanTests.scan(inv)
        #expect(!result.findings.contains { $0.ruleId == "opensearch-open-access-policy" })
        #expect(result.warnings.contains { $0.contains("logs") })
    }

    @Test("datastore-unexpected-tier: tiers outside allow.database_tiers that reach a cache or search port, path-aware; off without the allow list")
    func datastoreTiers() throws {
        let inv = try Self.inventory()
        #expect(try Self.findings("datastore-unexpected-tier", inv).isEmpty)
        var policy = PolicyFile()
        policy.databaseTiers = ["frontend"]
        let found = try Self.findings("datastore-unexpected-tier", inv, policy: policy)
        let pairs = Set(found.map { "\($0.resource.id)|" + ($0.title.split(separator: " ").dropFirst().first.map { "tier:\($0)" } ?? "") })
        // carts admits only the app security group: the frontend tier and the internal EKS cluster, which also carries sg-app.
        #expect(pairs.filter { $0.hasPrefix("carts|") } == ["carts|tier:internal"])
        #expect(pairs.contains("catalog|tier:orders-api") && pairs.contains("catalog|tier:orders-worker"))
        #expect(pairs.contains("sessions|tier:orders-api") && !pairs.contains("sessions|tier:frontend"))
        let f = try #require(found.first { $0.resource.id == "sessions" })
        #expect(f.title.contains("tcp/11211") && f.resource.kind == "cache-cluster")
        policy.databaseTiers = ["frontend", "orders-api", "orders-worker", "hooks", "shop", "internal", "ledger-1", "ledger-2", "carts", "catalog", "sessions", "logs", "audit", "eks-default-1"]
        #expect(try Self.findings("datastore-unexpected-tier", inv, policy: policy).isEmpty)
    }

    @Test("the exposure rule sees public service endpoints: the function URL and the public domain are web ports reachable from the internet")
    func exposure() throws {
        let found = try Self.findings("internet-exposed-port", try Self.inventory())
        let resources = Set(found.map(\.resource.id))
        #expect(resources.isSuperset(of: ["hooks", "logs", "shop"]))
        #expect(!resources.contains("carts") && !resources.contains("catalog") && !resources.contains("sessions"))
        let hooks = try #require(found.first { $0.resource.id == "hooks" })
        #expect(hooks.resource.kind == "lambda-function" && hooks.fix.summary.contains("--auth-type AWS_IAM"))
        #expect(hooks.evidence.contains { $0.contains("function URL") })
    }
}
