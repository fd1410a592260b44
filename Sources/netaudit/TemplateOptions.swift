import ArgumentParser
import AWSImport
import IaCImport
import NetModel

/// Options for CloudFormation templates given to `import` and `scan`.
struct TemplateOptions: ParsableArguments {
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
