import ArgumentParser
import AWSImport
import Foundation
import IaCImport
import NetModel
import SnapshotStore

/// Options for CloudFormation templates and Terraform plans given to `import` and `scan`.
struct TemplateOptions: ParsableArguments {
    @Option(help: "Lay the templates and plans over this snapshot of the account they change (the state after apply).")
    var against: String?

    @Option(name: .customLong("parameter"), help: "A template parameter, Key=Value (repeatable); wins over the parameter's Default.")
    var parameters: [String] = []

    @Option(name: .customLong("template-region"), help: "The value of AWS::Region for templates.")
    var region: String?

    @Option(name: .customLong("template-account"), help: "The value of AWS::AccountId for templates.")
    var account: String?

    func validate() throws {
        for p in parameters where !p.contains("=") || p.hasPrefix("=") {
            throw ValidationError("--parameter: '\(Quoted.value(p))' is not Key=Value")
        }
        if let account, account.count != 12 || !account.allSatisfy(\.isNumber) {
            throw ValidationError("--template-account: '\(Quoted.value(account))' is not a 12-digit account ID")
        }
    }

    /// Imports the paths; with `--against`, lays what they plan over that snapshot.
    /// `open` reads the `--against` snapshot (a file, or a name in the `--store`).
    func load(_ paths: [String], _ importer: Importer, open: (String) throws -> any SnapshotSource) throws -> IaCImporter.Planned {
        guard let against else { return try self.importer(importer).importPlanned(paths) }
        let reader = try open(against)
        let metadata = try reader.metadata()
        var planned = self.importer(importer)
        // Fn::ImportValue reads the exports of the template's region (the snapshot's, when it has one region).
        let region = region ?? (metadata.regions.count == 1 ? metadata.regions[0] : nil)
        for document in try reader.rawDocuments(kind: DocumentKind.cloudFormationExports.rawValue) where region == nil || document.region == region {
            planned.exports.merge(CloudFormationExports.values(stored: document.content)) { a, _ in a }
        }
        return try Self.overlay(paths, onto: try reader.inventory(), metadata: metadata, importer: planned)
    }

    /// The planned state: `paths` imported with the snapshot's account and region as defaults, laid over `existing`.
    static func overlay(_ paths: [String], onto existing: Inventory, metadata: SnapshotMetadata, importer: IaCImporter) throws -> IaCImporter.Planned {
        var planned = importer
        if planned.account == nil, metadata.accounts.count == 1 { planned.account = metadata.accounts[0] }
        if planned.region == nil, metadata.regions.count == 1 { planned.region = metadata.regions[0] }
        var out = try planned.importPlanned(paths)
        out.result.inventory = PlanOverlay.apply(out.result.inventory, deleting: out.deleting, onto: existing)
        return out
    }

    /// Whether a path is a SQLite snapshot (its header) rather than a template, a plan or CLI output.
    static func isSnapshot(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16) == Data("SQLite format 3\u{0}".utf8)
    }

    /// The importer for the given paths: templates evaluated with these values, everything else as AWS CLI output.
    func importer(_ importer: Importer) -> IaCImporter {
        var values: [String: String] = [:]
        for p in parameters {
            let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return IaCImporter(importer: importer, parameters: values, region: region, account: account)
    }
}
