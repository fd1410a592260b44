import AWSImport
import JSON

/// Planned resources written as the AWS CLI would print them once deployed (`{"Vpcs": [...]}`), so that templates and
/// plans go through the same importer, validation and reconcilers as captured accounts. Identifiers unknown before
/// deploy are placeholders (`vpc-VPC`, `sg-module.security.aws_security_group.alb`) keeping AWS's prefixes, which
/// some fields are told apart by (`igw-` in a route's `GatewayId`).
struct CLIDocuments {
    /// Items by top-level key (`Vpcs`, `Subnets`, ...).
    var items: [String: [JSONValue]] = [:]
    /// Problems met while writing: unsupported resource types, values unknown before deploy.
    var warnings: [String] = []
    /// Documents of per-resource calls (`s3api-get-bucket-policy/<bucket>.json`), and whole documents.
    var perResource: [(callFolder: String?, baseName: String, document: JSONValue)] = []

    /// A document of a per-resource call, named after the resource as the import folders expect.
    mutating func add(callFolder: String?, resource: String, _ document: JSONValue) {
        perResource.append((callFolder, resource, document))
    }

    mutating func add(_ key: String, _ item: [String: JSONValue?]) {
        items[key, default: []].append(.object(item.compactMapValues { $0 }))
    }

    /// One in-memory input file per document kind, named after the source file.
    func files(source: String, account: String?, region: String?) -> [InputFile] {
        items.keys.sorted().map { key in
            InputFile(displayPath: "\(source)#\(key)", account: account, region: region, baseName: key,
                      contents: Array(JSONValue.object([key: .array(items[key] ?? [])]).canonicalText.utf8))
        } + perResource.map { p in
            InputFile(displayPath: "\(source)#\(p.callFolder.map { "\($0)/" } ?? "")\(p.baseName)", account: account, region: region,
                      callFolder: p.callFolder, baseName: p.baseName, contents: Array(p.document.canonicalText.utf8))
        }
    }
}

extension JSONValue {
    /// A number from a template value known before deploy (`8000`, `"8000"`), nil otherwise.
    static func numeric(_ v: TemplateValue?) -> JSONValue? {
        v?.knownString.flatMap { Double($0) }.map(JSONValue.number)
    }

    /// A string value, nil for nil.
    static func text(_ s: String?) -> JSONValue? { s.map(JSONValue.string) }

    /// AWS tags (`[{Key, Value}]`) from a map.
    static func tags(_ tags: [String: String]) -> JSONValue {
        .array(tags.keys.sorted().map { .object(["Key": .string($0), "Value": .string(tags[$0] ?? "")]) })
    }
}
