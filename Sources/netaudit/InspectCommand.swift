import ArgumentParser
import Foundation
import JSON
import NetModel
import SnapshotStore

/// `netaudit inspect SNAP.db`: metadata, resource counts and warnings of a snapshot.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a snapshot's metadata, resource counts per kind, accounts × regions with their gaps, and capture warnings."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The snapshot file, or with --store the snapshot's name.")
    var snapshot: String

    @OptionGroup var storage: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let reader = try storage.open(snapshot)
        let metadata = try reader.metadata()
        let counts = try reader.tableCounts()
        let inventory = try reader.inventory()
        let warnings = inventory.warnings
        let raw = try reader.rawDocumentCount()
        let grid = ScopeGrid(metadata: metadata, inventory: inventory)
        switch format {
        case .json:
            try printJSON(metadata: metadata, counts: counts, warnings: warnings, raw: raw, grid: grid)
        case .text:
            printText(metadata: metadata, counts: counts, warnings: warnings, raw: raw, grid: grid)
        }
    }

    private func printText(metadata: SnapshotMetadata, counts: [String: Int], warnings: [CaptureWarning], raw: Int, grid: ScopeGrid) {
        print(Terminal.styled("Snapshot \(snapshot)", .bold))
        print("  created   \(ISO8601DateFormatter().string(from: metadata.createdAt)) (\(metadata.source.rawValue), netaudit \(metadata.toolVersion))")
        print("  accounts  \(metadata.accounts.isEmpty ? "unknown" : metadata.accounts.joined(separator: ", "))")
        print("  regions   \(metadata.regions.isEmpty ? "unknown" : metadata.regions.joined(separator: ", "))")
        print("  documents \(raw) raw documents kept")
        print(Terminal.styled("Resources", .bold))
        let width = counts.keys.map(\.count).max() ?? 0
        for kind in ResourceKind.allCases {
            let n = counts[kind.tableName] ?? 0
            let name = kind.tableName.padding(toLength: width, withPad: " ", startingAt: 0)
            print("  \(n == 0 ? Terminal.styled(name, .dim) : name)  \(String(n).leftPadded(to: 6))")
        }
        if grid.accounts.count > 1 || grid.regions.filter({ $0 != ResourceScope.globalRegion }).count > 1 {
            print(Terminal.styled("Accounts × regions (resources; ! = capture warnings there)", .bold))
            for line in grid.lines(style: { Terminal.styled($0, $1) }) { print(line) }
        }
        print(Terminal.styled("Warnings (\(warnings.count))", .bold))
        if warnings.isEmpty { print("  none") }
        for w in warnings {
            print("  " + Terminal.styled(w.code, .yellow) + " \(w.source): \(w.message)")
        }
    }

    private func printJSON(metadata: SnapshotMetadata, counts: [String: Int], warnings: [CaptureWarning], raw: Int, grid: ScopeGrid) throws {
        struct Output: Encodable {
            var snapshot: String
            var metadata: SnapshotMetadata
            var counts: [String: Int]
            var rawDocuments: Int
            var warnings: [CaptureWarning]
            var scopes: ScopeGrid
        }
        try JSONOutput.print(Output(snapshot: snapshot, metadata: metadata, counts: counts, rawDocuments: raw, warnings: warnings, scopes: grid))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
