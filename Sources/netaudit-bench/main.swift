import AWSImport
import Diff
import Policy
import Foundation
import NetModel
import Reachability
import SnapshotStore
import SyntheticAccount

/// netaudit-bench: the speed targets of the issues, measured on the synthetic account.
///
/// Usage: swift run -c release netaudit-bench [import|query|matrix|scan|diff|all]
///        swift build -c release && .build/release/netaudit-bench --shape realistic|benchmark --enis N [--keep DIR] [--netaudit BINARY]
/// Prints one line per figure; the synthetic account is generated (untimed) in a temporary folder.

/// Times `body` and prints the figure; a failure stops the benchmark with one line naming the step (exit 2).
func measure<T>(_ label: String, target: Double, _ body: () throws -> T) -> T {
    let clock = ContinuousClock()
    var result: T?
    var failure: (any Error)?
    let elapsed = clock.measure {
        do { result = try body() } catch { failure = error }
    }
    guard let result else {
        FileHandle.standardError.write(Data("netaudit-bench: \(label.trimmingCharacters(in: .whitespaces)): \(failure.map { "\($0)" } ?? "no result")\n".utf8))
        exit(2)
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let verdict = seconds <= target ? "ok" : "SLOWER THAN TARGET"
    print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%8.3f s   (target < %.2f s, ", seconds, target) + verdict + ")")
    return result
}

func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "generate" {
    // netaudit-bench generate DIR [--shape S --enis N]: write the synthetic account's AWS CLI JSON, for whole-process timings.
    guard let dir = CommandLine.arguments.dropFirst(2).first else { print("usage: netaudit-bench generate DIR [--shape S --enis N]"); exit(2) }
    try (WholeProcessBench.account(Array(CommandLine.arguments.dropFirst(3))) ?? .benchmark).write(to: URL(fileURLWithPath: dir))
    exit(0)
}
if let bench = WholeProcessBench.fromArguments(Array(CommandLine.arguments.dropFirst())) {
    // netaudit-bench --shape realistic --enis N [--keep DIR] [--netaudit BINARY]: issue 13's table, whole processes.
    try bench.main()
    exit(0)
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

let account = SyntheticAccount.benchmark
let input = work.appendingPathComponent("input")
try account.write(to: input)
print("synthetic account: \(account.vpcs) VPCs, \(account.vpcs * account.subnetsPerVPC) subnets, "
      + "\(account.vpcs * account.interfacesPerVPC) ENIs, \(account.vpcs * account.securityGroupsPerVPC) SGs, "
      + "\(account.vpcs * account.securityGroupsPerVPC * account.rulesPerSecurityGroup) rules, \(account.vpcs - 1) peerings")

let snapshotPath = work.appendingPathComponent("synthetic.db").path
measure("import (parse + map + write snapshot)", target: 5) {
    let result = try Importer().importPaths([input.path])
    let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [account.account], regions: [account.region],
                                toolVersion: NetauditVersion.current)
    try SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments), to: snapshotPath)
}

/// A query as `netaudit query` answers it: from the pair's neighbourhood in the snapshot.
func neighbourhoodQuery(_ spec: QuerySpec, _ reader: SnapshotReader) throws -> (solver: Solver, pairs: [PairAnswer]) {
    try Solver.focused(spec, neighbourhood: { try reader.neighbourhood($0) }, everything: { try reader.queryInventory() },
                       loadGroups: { try reader.securityGroups(ids: $0) })
}

if which == "query" || which == "all" {
    // One interface to another across a peering connection: an app instance in VPC 10, the database in VPC 11.
    let single = measure("query incl. snapshot load (one pair, peered VPCs)", target: 0.1) { () -> [PairAnswer] in
        let reader = try SnapshotReader(path: snapshotPath)
        let spec = QuerySpec(from: "eni-00002712", to: "eni-00002afc", proto: .tcp, ports: PortSet(5432))
        return try neighbourhoodQuery(spec, reader).pairs
    }
    print("  \(single.count) pair, reachable: \(single.first?.reachable ?? false)")
    // A whole app service in VPC 10 to the database group in VPC 11.
    let answer = measure("query incl. snapshot load (200 pairs, peered VPCs)", target: 0.1) { () -> [PairAnswer] in
        let reader = try SnapshotReader(path: snapshotPath)
        let spec = QuerySpec(from: "vpc-10-sg-2", to: "vpc-11-sg-19", proto: .tcp, ports: PortSet(5432))
        return try neighbourhoodQuery(spec, reader).pairs
    }
    print("  \(answer.count) pairs, \(answer.filter(\.reachable).count) reachable")
    if ProcessInfo.processInfo.environment["BENCH_SPLIT"] != nil {
        let reader = try SnapshotReader(path: snapshotPath)
        let light = measure("  light load only", target: 0.1) { try reader.queryInventory() }
        _ = measure("  solver construction", target: 0.1) { Solver(inventory: light) }
        let spec = QuerySpec(from: "vpc-10-sg-2", to: "vpc-11-sg-19", proto: .tcp, ports: PortSet(5432))
        _ = measure("  focused answer", target: 0.1) { try Solver.focused(spec, inventory: light) { try reader.securityGroups(ids: $0) } }
    }
}
if let loops = ProcessInfo.processInfo.environment["BENCH_QUERY_LOOP"].flatMap(Int.init) {
    // For profilers: the single-pair query, repeated.
    let reader = try SnapshotReader(path: snapshotPath)
    let spec = QuerySpec(from: "eni-00002712", to: "eni-00002afc", proto: .tcp, ports: PortSet(5432))
    for _ in 0..<loops { _ = try neighbourhoodQuery(spec, reader) }
}
if which == "matrix" || which == "all" {
    let solver = Solver(inventory: try SnapshotReader(path: snapshotPath).inventory())
    let tiers = solver.defaultTiers()
    if ProcessInfo.processInfo.environment["BENCH_SPLIT"] != nil {
        _ = measure("  matrix without internet", target: 2) { solver.matrix(Array(tiers.dropFirst())) }
        _ = measure("  matrix 100 tiers", target: 2) { solver.matrix(Array(tiers.prefix(100))) }
    }
    let matrix = measure("full tier matrix (default tiers)", target: 2) { solver.matrix(tiers) }
    print("  \(tiers.count) tiers, \(matrix.cells.count) pairs can talk")
}
if which == "scan" || which == "all" {
    let findings = measure("scan (load + policy engine, default policy)", target: 10) { () -> Int in
        let inventory = try SnapshotReader(path: snapshotPath).inventory()
        return try RuleEngine.scan(inventory, policy: PolicyFile(), source: snapshotPath, today: RuleEngine.today()).findings.count
    }
    print("  \(findings) findings")
}
if which == "diff" || which == "all" {
    // Two snapshots differing in 50 security group rules (a port moved on the first rule of 50 groups).
    let old = try SnapshotReader(path: snapshotPath).inventory()
    var new = old
    for i in 0..<50 where !new.securityGroups[i * 80].ingress.isEmpty {
        new.securityGroups[i * 80].ingress[0].fromPort = 3306
        new.securityGroups[i * 80].ingress[0].toPort = 3306
    }
    let newPath = work.appendingPathComponent("synthetic-new.db").path
    try SnapshotWriter.write(Snapshot(metadata: try SnapshotReader(path: snapshotPath).metadata(), inventory: new), to: newPath)
    let changed = measure("diff of two snapshots (50 rules changed), incl. load", target: 5) { () -> Int in
        let a = try SnapshotReader(path: snapshotPath).inventory(), b = try SnapshotReader(path: newPath).inventory()
        return try SnapshotDiff.run(old: a, new: b, oldName: "old", newName: "new", policy: PolicyFile(), threshold: .high,
                                     today: RuleEngine.today()).changes.count
    }
    print("  \(changed) resources changed")
}
print(String(format: "peak memory: %.0f MiB (target < 1024 MiB)", peakMemoryMiB()))
