import ArgumentParser
import AWSImport
import Foundation
import IaCImport
import NetModel
import SnapshotStore

/// `netaudit import PATH... --out SNAP.db`: AWS CLI JSON output into a snapshot.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a snapshot from saved AWS CLI JSON output.",
        discussion: """
            Reads every *.json file under the given files and folders. Each file is recognised by its \
            top-level key (SecurityGroups, Reservations, RouteTables, ...), never by its name. Folders \
            named like an account ID (123456789012/) or a region (us-east-1/) scope the files beneath them. \
            Per-resource calls go in a folder named after the call, one file per resource: \
            s3api-get-bucket-policy/<bucket>.json, elbv2-describe-target-health/<target-group>.json, ... \
            The account-level S3 Block Public Access is s3control-get-public-access-block.json.
            """
    )

    @Argument(help: "Files or folders of AWS CLI JSON output, or CloudFormation templates.")
    var paths: [String]

    @OptionGroup var template: TemplateOptions

    @Option(name: .shortAndLong, help: "The snapshot file to write (SQLite), or with --store the snapshot's name in the store.")
    var out: String

    @OptionGroup var storage: StoreOptions

    @Flag(help: "With --store: drop a stored snapshot of that name first (else the accounts are added to it).")
    var replace = false

    @Flag(help: "Turn malformed files into warnings instead of stopping.")
    var skipInvalid = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Option(name: .customLong("max-file-mb"), help: "Refuse input files larger than this many MiB before reading them (default 512).")
    var maxFileMB: Int = Importer.defaultMaxFileBytes >> 20

    func validate() throws {
        guard (1...65536).contains(maxFileMB) else { throw ValidationError("--max-file-mb: '\(maxFileMB)' is not a size between 1 and 65536 MiB") }
    }

    func run() throws {
        TemporaryFiles.installSignalCleanup()
        let result = try template.load(paths, Importer(skipInvalid: skipInvalid, maxFileBytes: maxFileMB << 20), open: storage.open).result
        let inventory = result.inventory
        let scopes = inventory.scopes
        let accounts = Set(scopes.map(\.account)).subtracting([ResourceScope.unknownValue]).sorted()
        let regions = Set(scopes.map(\.region)).subtracting([ResourceScope.unknownValue, ResourceScope.globalRegion]).sorted()
        let metadata = SnapshotMetadata(createdAt: Date(), source: .import, accounts: accounts, regions: regions,
                                        toolVersion: NetauditVersion.current, origin: paths)
        try storage.write(Snapshot(metadata: metadata, inventory: inventory, rawDocuments: result.rawDocuments), to: out, replace: replace)
        for warning in inventory.warnings {
            Terminal.warning("\(warning.source): \(warning.message)")
        }
        guard !quiet else { return }
        let counts = ResourceKind.allCases.compactMap { kind -> String? in
            let n = inventory.count(of: kind)
            return n == 0 ? nil : "\(n) \(kind.tableName)"
        }
        print("Imported \(result.fileCount) files into \(out): \(counts.joined(separator: ", "))")
        if !inventory.warnings.isEmpty {
            print("\(inventory.warnings.count) warning\(inventory.warnings.count == 1 ? "" : "s") (see `netaudit inspect \(out)\(storage.store == nil ? "" : " --store URL")`)")
        }
    }
}
