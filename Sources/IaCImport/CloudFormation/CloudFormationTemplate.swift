import Foundation

/// A CloudFormation template (YAML with the short `!Ref`/`!GetAtt`/`!Sub` tags, or JSON) with its parameters,
/// conditions and intrinsic functions evaluated: the resources CloudFormation would create, and what only the
/// deploy knows left symbolic.
public struct CloudFormationTemplate: Sendable {
    public var file: String
    public var description: String?
    public var resources: [TemplateResource]
    /// Parameters without a value (no default, no `--parameter`), `NoEcho` parameters, conditions unknown before
    /// deploy, imports not found, functions not evaluated: each a short line.
    public var warnings: [String]

    /// Top-level sections of the template anatomy ("Template anatomy" in the CloudFormation User Guide).
    static let sections: Set<String> = ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
                                        "Conditions", "Transform", "Resources", "Outputs"]

    /// Whether text looks like a CloudFormation template (a `Resources` section of typed resources, or the format version).
    public static func looksLikeTemplate(_ text: String) -> Bool {
        text.contains("AWSTemplateFormatVersion") || (text.contains("Resources") && text.contains("AWS::"))
    }

    /// Reads and evaluates a template.
    ///
    /// - Parameters:
    ///   - overrides: `--parameter Key=Value` values; they win over `Default`.
    ///   - region, account: the values of `AWS::Region` and `AWS::AccountId`, when known.
    ///   - exports: export names and values of the account's stacks, for `Fn::ImportValue`.
    public init(text: String, file: String, parameters overrides: [String: String] = [:], region: String? = nil, account: String? = nil,
                exports: [String: String] = [:]) throws(IaCError) {
        let root = try TemplateNode.parse(text, file: file)
        guard case .map(let top, _) = root else { throw .invalid(file: file, line: root.line, message: "a template is a mapping of sections") }
        for (key, node) in top where !Self.sections.contains(key) {
            throw .invalid(file: file, line: node.line, message: "unknown section '\(key)' (expected one of \(Self.sections.sorted().joined(separator: ", ")))")
        }
        guard let resourcesNode = root["Resources"], case .map(let declared, _) = resourcesNode, !declared.isEmpty else {
            throw .invalid(file: file, line: root["Resources"]?.line ?? 0, message: "needs a Resources section with at least one resource")
        }
        self.file = file
        description = root["Description"]?.string
        var warnings: [String] = []
        if root["Transform"] != nil { warnings.append("Transform (SAM or macros) is not expanded: resources it would add are not seen") }
        let parameters = try Self.parameters(root["Parameters"], overrides: overrides, file: file, warnings: &warnings)
        for name in overrides.keys.sorted() where parameters[name] == nil {
            throw .invalid(file: file, line: 0, message: "--parameter \(name): the template has no such parameter")
        }
        var evaluator = IntrinsicEvaluator(file: file, parameters: parameters, resources: Set(declared.map(\.key)), mappings: root["Mappings"],
                                           region: region, account: account, exports: exports)
        // Conditions may name earlier ones ("Condition" function); evaluated in document order.
        for (name, node) in root["Conditions"]?.members ?? [] {
            let truth = try evaluator.condition(node)
            evaluator.conditions[name] = .some(truth)
            if truth == nil { warnings.append("condition \(name) depends on values known at deploy: its resources are kept") }
        }
        for (id, node) in declared where node["Type"]?.string == "AWS::EC2::VPC" {
            if let block = node["Properties"]?["CidrBlock"], let cidr = try evaluator.value(block)?.knownString { evaluator.vpcCidrs[id] = cidr }
        }
        var resources: [TemplateResource] = []
        for (id, node) in declared {
            guard case .map = node else { throw .invalid(file: file, line: node.line, message: "resource \(id) must be a mapping") }
            guard let type = node["Type"]?.string, !type.isEmpty else { throw .invalid(file: file, line: node.line, message: "resource \(id) has no Type") }
            if let condition = node["Condition"]?.string {
                guard let known = evaluator.conditions[condition] else {
                    throw .invalid(file: file, line: node.line, message: "resource \(id) names condition '\(condition)', which the template does not define")
                }
                if known == false { continue }
            }
            var properties: [String: TemplateValue] = [:]
            var lines: [String: Int] = [:]
            if let props = node["Properties"] {
                guard case .map(let members, _) = props else { throw .invalid(file: file, line: props.line, message: "resource \(id): Properties must be a mapping") }
                for (key, value) in members {
                    lines[key] = value.line
                    if let v = try evaluator.value(value) { properties[key] = v }
                }
            }
            resources.append(TemplateResource(logicalId: id, type: type, properties: properties, line: node.line, propertyLines: lines, physicalId: nil))
        }
        self.resources = resources
        self.warnings = warnings + evaluator.warnings
    }

    /// Parameter values: the override, else the `Default`; `NoEcho` parameters are secrets whose value is never kept.
    static func parameters(_ node: TemplateNode?, overrides: [String: String], file: String, warnings: inout [String]) throws(IaCError) -> [String: TemplateValue] {
        var out: [String: TemplateValue] = [:]
        for (name, spec) in node?.members ?? [] {
            let type = spec["Type"]?.string ?? "String"
            let noEcho = spec["NoEcho"]?.string == "true"
            if noEcho {
                out[name] = .secret(name)
                continue
            }
            let text = overrides[name] ?? spec["Default"].flatMap { d -> String? in
                if case .list(let items, _) = d { return items.compactMap(\.string).joined(separator: ",") }
                return d.string
            }
            guard let text else {
                warnings.append("parameter \(name) has no Default and no --parameter: unknown")
                out[name] = .unknown("parameter \(name)")
                continue
            }
            if type == "Number" {
                guard let n = Double(text) else { throw .invalid(file: file, line: spec.line, message: "parameter \(name) is a Number, not '\(text)'") }
                out[name] = .number(n)
            } else if type.hasPrefix("List<") || type == "CommaDelimitedList" {
                out[name] = .list(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            } else {
                out[name] = .string(text)
            }
        }
        return out
    }
}

/// One resource of an evaluated template.
public struct TemplateResource: Sendable, Hashable {
    public var logicalId: String
    /// `AWS::EC2::VPC`, `AWS::ECS::Service`, ...
    public var type: String
    public var properties: [String: TemplateValue]
    /// The line of the resource in its template, for findings and SARIF locations.
    public var line: Int
    /// The line of each top-level property.
    public var propertyLines: [String: Int]
    /// The resource's real ID when it already exists (a Terraform resource in the prior state).
    public var physicalId: String?

    /// A property's value.
    public subscript(property: String) -> TemplateValue? { properties[property] }
}

extension [TemplateResource] {
    /// The resources of one type, in template order.
    func of(_ type: String) -> [TemplateResource] { filter { $0.type == type } }
}
