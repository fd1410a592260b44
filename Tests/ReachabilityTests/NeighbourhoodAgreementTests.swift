import AWSImport
import Foundation
import NetModel
import SnapshotStore
import Testing
@testable import Reachability

/// Issue 13: `query` loads only the pair's neighbourhood from SQLite. On every shipped sample, a synthetic account
/// and generated topologies (transit gateways, NLBs, NAT, peering), many questions — internet both ways, kinds that
/// match many resources, names, IDs, addresses, ECS services, terms that fail — answered from the neighbourhood
/// equal, byte for byte in JSON (or error for error), the answers on the whole account loaded in full.
@Suite("Queries on the pair's neighbourhood answer as on the whole account")
struct NeighbourhoodAgreementTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("snapshots")

    /// What one comparison found.
    struct Outcome {
        var asked = 0
        /// Questions answered from the neighbourhood (the rest fell back to the whole account).
        var partial = 0
        var disagreements: [String] = []
        /// The most interfaces a neighbourhood held, and the account's.
        var largestNeighbourhood = 0
        var interfaces = 0
    }

    @Test("every shipped sample", arguments: ["workshop", "terraform-three-tier", "todo-ecs"])
    func sample(name: String) throws {
        let inventory = try Importer().importPaths([Self.samples.appendingPathComponent(name).path]).inventory
        let outcome = try Self.compare(inventory)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) of \(outcome.asked) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        #expect(outcome.partial > outcome.asked / 2, "only \(outcome.partial) of \(outcome.asked) answered from the neighbourhood")
    }

    @Test("a synthetic account shaped like real ones: neighbourhoods are a small part of it")
    func synthetic() throws {
        let inventory = try SyntheticInventory.realistic(vpcs: 6, interfacesPerVPC: 40, securityGroupsPerVPC: 8)
        let outcome = try Self.compare(inventory)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) of \(outcome.asked) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        #expect(outcome.partial > outcome.asked / 2)
        // A VPC's interfaces are the largest neighbourhood asked about here: one sixth of the account, plus its peers'.
        #expect(outcome.largestNeighbourhood < outcome.interfaces / 2, "\(outcome.largestNeighbourhood) of \(outcome.interfaces) interfaces loaded")
    }

    @Test("generated topologies with transit gateways, NLBs, NAT gateways and peering", arguments: [UInt64(3), 11])
    func generated(seed: UInt64) throws {
        let outcome = try Self.compare(TopologyGenerator.make(seed: seed, features: .all).inventory)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.count) of \(outcome.asked) differ:\n\(outcome.disagreements.prefix(5).joined(separator: "\n"))")
        #expect(outcome.partial > outcome.asked / 2)
    }

    /// Writes the inventory to a snapshot and asks every question both ways.
    static func compare(_ inventory: Inventory) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-neigh-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.db").path
        let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [], regions: [], toolVersion: "test")
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: inventory, rawDocuments: []), to: path)
        let reader = try SnapshotReader(path: path)
        let whole = Solver(inventory: try reader.inventory())
        var outcome = Outcome()
        outcome.interfaces = whole.topology.inventory.networkInterfaces.count
        for spec in questions(whole) {
            outcome.asked += 1
            let expected = answer { () throws -> (Solver, [PairAnswer]) in
                let selector = whole.selector
                let (from, to) = (try selector.resolve(spec.from), try selector.resolve(spec.to))
                return (whole, whole.answer(from: from, to: to, proto: spec.proto, ports: spec.ports))
            }
            var fellBack = false
            let got = answer {
                try Solver.focused(spec, neighbourhood: { seeds in
                    let partial = try reader.neighbourhood(seeds)
                    outcome.largestNeighbourhood = max(outcome.largestNeighbourhood, partial?.networkInterfaces.count ?? 0)
                    return partial
                }, everything: {
                    fellBack = true
                    return try reader.queryInventory()
                }, loadGroups: { try reader.securityGroups(ids: $0) })
            }
            if !fellBack { outcome.partial += 1 } else if ProcessInfo.processInfo.environment["NEIGH_DEBUG"] != nil { print("FALLBACK \(spec.from) -> \(spec.to)") }
            if got != expected {
                outcome.disagreements.append("\(spec.from) → \(spec.to) \(spec.ports.map(\.description) ?? "any"):\n  whole: \(expected.prefix(600))\n  neighbourhood: \(got.prefix(600))")
            }
        }
        return outcome
    }

    /// The answer as `query --format json` prints it, or the error's message.
    static func answer(_ body: () throws -> (Solver, [PairAnswer])) -> String {
        do {
            let (solver, pairs) = try body()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let spec = QuerySpec(from: "", to: "")
            return String(decoding: try encoder.encode(QueryAnswer(spec: spec, pairs: pairs, notes: solver.catalog.notes)), as: UTF8.self)
        } catch {
            return "error: \(error)"
        }
    }

    /// Terms of every sort the model offers, each asked from and to the internet and to two other terms, on a port
    /// that changes from question to question.
    static func questions(_ solver: Solver) -> [QuerySpec] {
        let inv = solver.topology.inventory
        let endpoints = solver.catalog.endpoints
        var terms = ["internet", "alb", "nlb", "elb", "rds", "lambda", "nat", "ecs", "task", "onprem", "eks", "elasticache",
                     "ec2", "asg", "tag:Name", "10.0.0.0/8", "8.8.8.8", "no-such-thing"]
        terms += endpoints.map(\.name) + endpoints.map(\.id) + endpoints.map(\.resourceId)
        terms += endpoints.flatMap { ($0.privateAddresses + $0.publicAddresses + $0.ipv6Addresses).prefix(2).map(\.description) }
        terms += inv.securityGroups.flatMap { [$0.id, $0.name] } + inv.subnets.flatMap { [$0.id, $0.tags.name].compactMap { $0 } }
        terms += inv.vpcs.flatMap { [$0.id, $0.tags.name].compactMap { $0 } }
        terms += inv.ecsServices.flatMap { [$0.name, "ecs-service:\($0.name)"] } + inv.ecsTasks.map(\.shortId)
        // A part of a name (matched only on the whole account) and a name in other case and spacing.
        terms += endpoints.prefix(3).map { String($0.name.prefix(4)) } + endpoints.prefix(3).map { $0.name.uppercased().replacingOccurrences(of: "-", with: " ") }
        var seen = Set<String>()
        terms = terms.filter { !$0.isEmpty && seen.insert($0).inserted }
        // Large models: every kind of term, but not every one of each.
        if terms.count > 50 { terms = Array(terms.prefix(25)) + stride(from: 25, to: terms.count, by: terms.count / 25).map { terms[$0] } }
        let ports: [PortSet?] = [nil, PortSet(22), PortSet(80), PortSet(443), PortSet(3306), PortSet(5432), PortSet(8000), PortSet(5000)]
        var out: [QuerySpec] = []
        for (i, term) in terms.enumerated() {
            for (j, other) in [(term, "internet"), ("internet", term), (term, terms[(i + 1) % terms.count]), (terms[(i * 7 + 3) % terms.count], term)].enumerated() {
                out.append(QuerySpec(from: other.0, to: other.1, proto: .tcp, ports: ports[(i + j) % ports.count]))
            }
        }
        return out
    }
}
