import AWSImport
import Foundation
import IaCImport
import NetModel
import Testing
@testable import Reachability

/// Issue 13: the matrix works out flows between interfaces with the ports-only `SummaryEvaluator`. On the shipped
/// samples, the IaC fixtures (unknown-before-apply values among them), a small synthetic account (peering, NACL
/// denies, security group references) and generated topologies (transit gateways, NLBs, NAT gateways, IPv6), its
/// matrix equals the full analyzer's cell for cell, and every flow it takes has the analyzer's summary answer.
@Suite("The matrix's summary evaluator answers as the full analyzer")
struct SummaryEvaluatorTests {
    static let protocols: [IPProtocol] = [.tcp, .udp, .icmp, .all]

    /// What one comparison found.
    struct Outcome {
        var cells = 0
        var unknownCells = 0
        /// Interface pairs the summary evaluator took, of all asked.
        var taken = 0
        var asked = 0
        var disagreements: [String] = []
    }

    @Test("every shipped sample", arguments: ["workshop", "terraform-three-tier", "todo-ecs"])
    func sample(name: String) throws {
        let outcome = Self.compare(try Importer().importPaths([NeighbourhoodAgreementTests.samples.appendingPathComponent(name).path]).inventory)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        #expect(outcome.cells > 0 && outcome.taken > 0, "\(outcome.cells) cells, \(outcome.taken) of \(outcome.asked) pairs taken")
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IaCImportTests/Fixtures")

    @Test("every IaC fixture", arguments: ["asg-behind-alb.plan.json", "micro-blog.yaml", "resource-policies.yaml", "three-tier-modules.plan.json",
                                           "todo-app.yaml", "unknown-before-apply.plan.json", "workshop-opens-mysql.plan.json"])
    func fixture(name: String) throws {
        let path = Self.fixtures.appendingPathComponent(name).path
        let inventory = try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path]).inventory
        let outcome = Self.compare(inventory)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        // The plan with values unknown before apply has `?` cells, which the full analyzer decides.
        if name == "unknown-before-apply.plan.json" { #expect(outcome.unknownCells > 0) }
    }

    @Test("a small synthetic account: peering, NACL denies, security group references, public addresses")
    func synthetic() throws {
        let outcome = Self.compare(try SyntheticInventory.realistic(vpcs: 3, interfacesPerVPC: 30, securityGroupsPerVPC: 6))
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        // Between interfaces the summary evaluator decides nearly everything; the internet is the analyzer's.
        #expect(outcome.taken > outcome.asked * 3 / 4, "\(outcome.taken) of \(outcome.asked) pairs taken")
        #expect(outcome.cells > 0)
    }

    @Test("generated topologies: transit gateways, NLBs, NAT gateways, IPv6, asymmetric routes", arguments: Array(UInt64(1)...12))
    func generated(seed: UInt64) {
        let outcome = Self.compare(TopologyGenerator.make(seed: seed, features: .all).inventory)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        #expect(outcome.taken > 0)
    }

    /// The matrices of the default tiers both ways, on every protocol, and every endpoint pair the summary evaluator takes.
    static func compare(_ inventory: Inventory) -> Outcome {
        var outcome = Outcome()
        for proto in protocols {
            let fast = Solver(inventory: inventory), full = Solver(inventory: inventory)
            let tiers = fast.defaultTiers()
            let summary = fast.matrix(tiers, proto: proto, only: nil, evaluation: .summary)
            let expected = full.matrix(full.defaultTiers(), proto: proto, only: nil, evaluation: .full)
            outcome.cells += summary.cells.count
            outcome.unknownCells += summary.cells.filter { $0.unknown != nil }.count
            if summary.cells != expected.cells {
                let extra = Set(summary.cells).subtracting(expected.cells), missing = Set(expected.cells).subtracting(summary.cells)
                outcome.disagreements.append("\(proto) matrix: \(extra.count) cells only in the summary one (\(Array(extra.prefix(2)))), \(missing.count) only in the full one (\(Array(missing.prefix(2))))")
            }
            let evaluator = SummaryEvaluator(analyzer: full.analyzer, proto: proto)
            let endpoints = tiers.flatMap(\.endpoints)
            for s in endpoints {
                for d in endpoints where s.id != d.id {
                    outcome.asked += 1
                    guard let source = SummarySide(s, evaluator), let destination = SummarySide(d, evaluator),
                          let got = evaluator.allowedPorts(from: source, to: destination) else { continue }
                    outcome.taken += 1
                    let want = full.analyzer.analyze(from: s, to: d, proto: proto, ports: nil, explain: false)
                    // A summary answer is a decided one: exactly these ports, from every address, nothing unknown.
                    if Region(ports: got) != want.allowed || want.verdict != (got.isEmpty ? .blocked : .reachable) || !want.unknowns.isEmpty
                        || !want.undecided.isEmpty {
                        outcome.disagreements.append("\(proto) \(s.id) → \(d.id): summary \(got), analyzer \(want.verdict) \(want.allowed.ports) \(want.unknowns)")
                    }
                }
            }
        }
        return outcome
    }
}
