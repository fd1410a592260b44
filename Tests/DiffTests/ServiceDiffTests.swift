import AWSImport
import Foundation
import NetModel
import Testing
@testable import Diff

/// Changes of managed services read as one modification each, in their own words (fixture `service-workloads`).
@Suite("Managed service changes")
struct ServiceDiffTests {
    let base: Inventory

    init() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSImportTests/Fixtures/service-workloads").path
        base = try Importer().importPaths([fixture]).inventory
    }

    @Test("an EKS endpoint narrowed, an OpenSearch policy edited, a cache group changed, a function URL added, an Aurora member added")
    func serviceEdits() throws {
        var new = base
        let shop = try #require(new.eksClusters.firstIndex { $0.id == "shop" })
        new.eksClusters[shop].publicAccessCidrs = ["198.51.100.0/24"]
        let logs = try #require(new.openSearchDomains.firstIndex { $0.id == "logs" })
        new.openSearchDomains[logs].accessPolicy = #"{"Statement":[]}"#
        let carts = try #require(new.cacheClusters.firstIndex { $0.id == "carts-0001-001" })
        new.cacheClusters[carts].securityGroupIds = ["sg-app"]
        let worker = try #require(new.lambdaFunctions.firstIndex { $0.id == "orders-worker" })
        new.lambdaFunctions[worker].functionUrl = FunctionURL(url: "https://w.lambda-url.eu-west-1.on.aws/", authType: "NONE")
        new.dbClusters[0].members.append(DBClusterMember(instanceId: "ledger-3", isWriter: false))
        let changes = ConfigDiff.compare(base, new)
        let byId = Dictionary(changes.map { ($0.resource, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byId["shop"]?.kind == "eks-cluster" && byId["shop"]?.details == ["public access CIDRs: 0.0.0.0/0 → 198.51.100.0/24"])
        #expect(byId["logs"]?.kind == "opensearch-domain" && byId["logs"]?.details.count == 1)
        #expect(byId["carts-0001-001"]?.details.first?.hasPrefix("security groups:") == true)
        #expect(byId["orders-worker"]?.details.first?.contains("AuthType NONE") == true)
        #expect(byId["ledger"]?.details == ["member added: ledger-3 (reader)"])
        #expect(changes.count == 5)
    }

    @Test("a removed cache cluster and an added OpenSearch domain are listed with their kind")
    func addedAndRemoved() {
        var new = base
        new.cacheClusters.removeAll { $0.id == "sessions" }
        new.openSearchDomains.append(OpenSearchDomain(id: "metrics", scope: base.openSearchDomains[0].scope))
        let changes = ConfigDiff.compare(base, new)
        #expect(changes.contains { $0.resource == "sessions" && $0.kind == "cache-cluster" && $0.change == .removed })
        #expect(changes.contains { $0.resource == "metrics" && $0.kind == "opensearch-domain" && $0.change == .added })
    }
}
