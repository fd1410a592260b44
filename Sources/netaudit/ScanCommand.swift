import ArgumentParser
import AWSCapture
import AWSImport
import Findings
import Foundation
import IaCImport
import NetModel
import Policy
import Report
import SnapshotStore

/// `netaudit scan`: evaluate a snapshot (or AWS CLI output, or a live capture) against the policy
/// engine and report findings with fixes; the exit code gates CI.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find exposures, public buckets, private-RDS and least-privilege problems, with fixes.",
        discussion: """
            Input: --snapshot SNAP.db, or folders of AWS CLI JSON (as for `netaudit import`), or nothing: \
            then a live capture (credentials like the AWS CLI) is saved under snapshots/ with a timestamped \
            name and evaluated. Exit codes: 0 nothing at or above --fail-on (default high), 1 something is, \
            2 error. Findings in a --baseline report (an earlier --format json output) do not gate; \
            suppressions come from the policy file.
            """
    )

    @Option(help: "A snapshot file to evaluate, or with --store the snapshot's name.")
    var snapshot: String?

    @OptionGroup var storage: StoreOptions

    @Argument(help: "Folders or files of AWS CLI JSON output, or CloudFormation templates, to evaluate instead of a snapshot.")
    var paths: [String] = []

    @OptionGroup var template: TemplateOptions

    @Option(help: "A policy file (YAML): tiers, intents, rule settings, allow-lists, workloads, suppressions.")
    var policy: String?

    @Option(help: "Output format: table, json, sarif, junit, markdown or html.")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above: critical, high, medium, low or none.")
    var failOn: String = "high"

    @Option(help: "An earlier JSON report: only findings absent from it gate (reports made before findings were grouped by cause still match).")
    var baseline: String?

    @Option(name: .customLong("group-by"), help: "cause: one finding per security group rule (or other cause) listing every resource it exposes; resource: one finding per resource.")
    var groupBy: GroupBy = .cause

    @Option(name: .customLong("max-file-mb"), help: "With paths: refuse input files larger than this many MiB before reading them (default 512).")
    var maxFileMB: Int = Importer.defaultMaxFileBytes >> 20

    @OptionGroup(title: "Live capture (when no snapshot or path is given)")
    var live: CaptureFlags

    func validate() throws {
        if snapshot != nil && !paths.isEmpty { throw ValidationError("give either --snapshot or paths, not both") }
        guard (1...65536).contains(maxFileMB) else { throw ValidationError("--max-file-mb: '\(maxFileMB)' is not a size between 1 and 65536 MiB") }
    }

    func run() async throws {
        let policyFile = try policy.map(PolicyFile.load) ?? PolicyFile()
        let gate = Gate(threshold: try Gate.threshold(parsing: failOn), baseline: try baseline.map(Baseline.load) ?? [])
        let (inventory, source, locations) = try await load()
        var result = try RuleEngine.scan(inventory, policy: policyFile, source: source, today: RuleEngine.today(), groupBy: groupBy)
        // Planned resources name where they are declared: an evidence line, and the SARIF location of the annotation.
        for i in result.findings.indices {
            for m in result.findings[i].members.indices {
                result.findings[i].members[m].resource.location = locations[result.findings[i].members[m].resource.id]
            }
            guard let at = locations[result.findings[i].resource.id] else { continue }
            result.findings[i].resource.location = at
            result.findings[i].evidence.append("declared at \(at.description)")
        }
        let color = output == nil && format == .table && Terminal.stdoutIsTTY && Terminal.colorAllowed
        let graph = format == .html ? GraphCommand.reportGraph(inventory: inventory, result: result, policy: policyFile) : nil
        let text = ReportRenderer.render(result, format: format, gate: gate, color: color, graph: graph)
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) }
            catch { throw ValidationError("cannot write \(output): \(error.localizedDescription)") }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        if gate.evaluate(result).failed { throw ExitCode(1) }
    }

    /// The model to evaluate and a name for it (the snapshot path, the import paths, or the saved live snapshot).
    private func load() async throws -> (Inventory, String, [String: SourceLocation]) {
        if let snapshot { return (try storage.open(snapshot).inventory(), snapshot, [:]) }
        if !paths.isEmpty {
            let planned = try template.load(paths, Importer(maxFileBytes: maxFileMB << 20), open: storage.open)
            return (planned.result.inventory, paths.joined(separator: " "), planned.locations)
        }
        TemporaryFiles.installSignalCleanup()
        let line = ProgressLine(enabled: Terminal.stderrIsTTY)
        let result = try await capture(live.options()) { line.update($0) }
        line.finish()
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let path: String
        if storage.store == nil {
            try FileManager.default.createDirectory(atPath: "snapshots", withIntermediateDirectories: true)
            path = "snapshots/\(result.account)-\(stamp).db"
        } else {
            path = "\(result.account)-\(stamp)"
        }
        try storage.write(Snapshot(metadata: result.metadata, inventory: result.inventory, rawDocuments: result.rawDocuments), to: path)
        for w in result.warnings { Terminal.warning("\(w.source): \(w.code): \(w.message)") }
        Terminal.printErr("netaudit: captured account \(result.account) into \(path)")
        return (result.inventory, path, [:])
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension GroupBy: ExpressibleByArgument {}
