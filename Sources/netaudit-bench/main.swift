import AWSImport
import Foundation
import NetModel
import SnapshotStore
import SyntheticAccount

/// netaudit-bench: the speed targets of the issues, measured on the synthetic account.
///
/// Usage: swift run -c release netaudit-bench [import|all]
/// Prints one line per figure; the synthetic account is generated (untimed) in a temporary folder.

func measure<T>(_ label: String, target: Double, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    var result: T?
    let elapsed = try clock.measure { result = try body() }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let verdict = seconds <= target ? "ok" : "SLOWER THAN TARGET"
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.3f s   (target < %.2f s, ", seconds, target) + verdict + ")")
    return result!
}

func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
let work = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

let account = SyntheticAccount.benchmark
let input = work.appendingPathComponent("input")
try account.write(to: input)
print("synthetic account: \(account.vpcs) VPCs, \(account.vpcs * account.subnetsPerVPC) subnets, "
      + "\(account.vpcs * account.interfacesPerVPC) ENIs, \(account.vpcs * account.securityGroupsPerVPC) SGs, "
      + "\(account.vpcs * account.securityGroupsPerVPC * account.rulesPerSecurityGroup) rules")

let snapshotPath = work.appendingPathComponent("synthetic.db").path
if which == "import" || which == "all" {
    measure("import (parse + map + write snapshot)", target: 5) {
        let result = try! Importer().importPaths([input.path])
        let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [account.account], regions: [account.region],
                                    toolVersion: NetauditVersion.current)
        try! SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments), to: snapshotPath)
    }
    let inventory = measure("load snapshot model", target: 1) { try! SnapshotReader(path: snapshotPath).inventory() }
    print("  loaded \(inventory.networkInterfaces.count) ENIs, \(inventory.securityGroups.count) SGs")
}
print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
