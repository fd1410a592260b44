import ArgumentParser
import Diff
import AWSImport
import Foundation
import IaCImport
import NetModel
import Policy
import Report
import SnapshotStore

/// `netaudit diff OLD.db NEW.db`: what changed between two snapshots — configuration, findings, and
/// the paths that opened or closed, each with the change that caused it.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two snapshots: configuration, findings, and paths opened or closed.",
        discussion: """
            Both snapshots must cover the same accounts and regions. Findings are compared by their stable ID; \
            reachability by the tier matrix (default tiers, or the policy file's `tiers:`), TCP.
            Exit codes: 0 nothing new at or above --fail-on (default high), 1 a new finding or a newly opened \
            internet path is (paths to admin, database and Security Hub EC2.19 ports are critical, others high), 2 error.
            """
    )

    @Argument(help: "The earlier snapshot file.")
    var old: String

    @Argument(help: "The later snapshot file, or a Terraform plan / CloudFormation template laid over OLD (what the change will do).")
    var new: String

    @OptionGroup var template: TemplateOptions

    @OptionGroup var storage: StoreOptions

    @Option(help: "A policy file (YAML): tiers, rule settings, allow-lists, suppressions (applied to both snapshots).")
    var policy: String?

    @Option(help: "Output format: table, json, markdown or sarif (the new and widened findings, for pull-request annotations).")
    var format: DiffFormat = .table

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a new finding or opened internet path is at or above: critical, high, medium, low or none.")
    var failOn: String = "high"

    func run() throws {
        let threshold = try Gate.threshold(parsing: failOn)
        let policyFile = try policy.map(PolicyFile.load) ?? PolicyFile()
        let oldReader = try storage.open(old)
        let oldInventory: Inventory, newInventory: Inventory
        if storage.isSnapshot(new) || !FileManager.default.fileExists(atPath: new) {
            let newReader = try storage.open(new)
            try Compatibility.check(old: try oldReader.metadata(), oldPath: old, new: try newReader.metadata(), newPath: new)
            (oldInventory, newInventory) = try Self.load(oldReader, newReader)
        } else {
            // A plan or template: the account after apply is OLD with the change laid over it.
            oldInventory = try oldReader.inventory()
            newInventory = try TemplateOptions.overlay([new], onto: oldInventory, metadata: try oldReader.metadata(),
                                                       importer: template.importer(Importer())).result.inventory
        }
        let result = try SnapshotDiff.run(old: oldInventory, new: newInventory, oldName: old, newName: new,
                                          policy: policyFile, threshold: threshold, today: RuleEngine.today())
        let text = DiffRenderer.render(result, format: format)
        print(text, terminator: "")
        if result.gating.failed { throw ExitCode(1) }
    }

    /// Reads both snapshots side by side.
    private static func load(_ a: any SnapshotSource, _ b: any SnapshotSource) throws -> (Inventory, Inventory) {
        let slots = LoadSlots()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            slots.set(i, Result { () throws -> Inventory in try (i == 0 ? a : b).inventory() })
        }
        guard let first = slots.get(0), let second = slots.get(1) else { throw ValidationError("cannot read the snapshots") }
        return (try first.get(), try second.get())
    }
}

/// The two loaded inventories, written by concurrent readers.
private final class LoadSlots: @unchecked Sendable {
    private var slots: [Int: Result<Inventory, any Error>] = [:]
    private let lock = NSLock()
    func set(_ i: Int, _ value: Result<Inventory, any Error>) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> Result<Inventory, any Error>? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

extension DiffFormat: ExpressibleByArgument {}
