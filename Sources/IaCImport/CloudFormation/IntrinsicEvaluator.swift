import Foundation

/// Evaluates CloudFormation's intrinsic functions ("Intrinsic function reference" in the CloudFormation User
/// Guide) over a template's values, before deploy: what only the deploy knows stays symbolic (`TemplateValue`).
struct IntrinsicEvaluator {
    let file: String
    /// Parameter values (overrides, else defaults); `NoEcho` ones are `.secret`.
    let parameters: [String: TemplateValue]
    let resources: Set<String>
    let mappings: TemplateNode?
    /// Condition names and their values (nil: depends on something unknown before deploy).
    var conditions: [String: Bool?] = [:]
    let region: String?
    let account: String?
    /// `Export` names of the account's stacks, for `Fn::ImportValue`.
    let exports: [String: String]
    /// Problems that do not stop the evaluation: unknown imports, unsupported functions.
    var warnings: [String] = []
    /// Each VPC's `CidrBlock` when the template states it, for `Fn::Cidr` over `!GetAtt VPC.CidrBlock`.
    var vpcCidrs: [String: String] = [:]

    /// AWS::NoValue: the property is removed.
    struct NoValue: Error {}

    /// The value of a pseudo parameter ("Pseudo parameters reference").
    func pseudo(_ name: String) -> TemplateValue? {
        let partition = region.map { $0.hasPrefix("cn-") ? "aws-cn" : $0.hasPrefix("us-gov-") ? "aws-us-gov" : "aws" }
        switch name {
        case "AWS::Region": return region.map(TemplateValue.string) ?? .unknown("AWS::Region (pass --region)")
        case "AWS::AccountId": return account.map(TemplateValue.string) ?? .unknown("AWS::AccountId (known at deploy)")
        case "AWS::Partition": return .string(partition ?? "aws")
        case "AWS::URLSuffix": return .string(partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com")
        case "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs": return .unknown("\(name) (known at deploy)")
        default: return nil
        }
    }

    /// Evaluates a node; nil when it is `AWS::NoValue` (the property or list element disappears).
    mutating func value(_ node: TemplateNode) throws(IaCError) -> TemplateValue? {
        switch node {
        case .scalar(let v, _): return v
        case .list(let items, _):
            var out: [TemplateValue] = []
            for item in items { if let v = try value(item) { out.append(v) } }
            return .list(out)
        case .map(let members, let line):
            if members.count == 1, let (key, arg) = members.first, key == "Ref" || key.hasPrefix("Fn::") {
                return try function(key, arg, line: line)
            }
            var out: [String: TemplateValue] = [:]
            for (k, v) in members { if let value = try value(v) { out[k] = value } }
            return .map(out)
        }
    }

    private mutating func function(_ name: String, _ arg: TemplateNode, line: Int) throws(IaCError) -> TemplateValue? {
        switch name {
        case "Ref":
            guard let target = arg.string else { throw fail(line, "Ref needs a name") }
            if target == "AWS::NoValue" { return nil }
            return try ref(target, line: line)
        case "Fn::GetAtt":
            let parts: [String]
            if let s = arg.string { parts = s.split(separator: ".", maxSplits: 1).map(String.init) }
            else if case .list(let items, _) = arg { parts = items.compactMap(\.string) } else { parts = [] }
            guard parts.count == 2 else { throw fail(line, "Fn::GetAtt needs a resource and an attribute") }
            guard resources.contains(parts[0]) else { throw fail(line, "Fn::GetAtt names '\(parts[0])', which is not a resource of the template") }
            return .attribute(parts[0], parts[1])
        case "Fn::Sub": return try sub(arg, line: line)
        case "Fn::Join":
            guard case .list(let items, _) = arg, items.count == 2, let delimiter = items[0].string ?? (items[0].isEmptyString ? "" : nil) else {
                throw fail(line, "Fn::Join needs [delimiter, list]")
            }
            let values = try value(items[1])?.elements ?? []
            var parts: [TemplateValue.TextPart] = []
            for (i, v) in values.enumerated() {
                if i > 0, !delimiter.isEmpty { parts.append(.literal(delimiter)) }
                parts.append(v.knownString.map(TemplateValue.TextPart.literal) ?? .value(v))
            }
            return Self.text(parts)
        case "Fn::Select":
            guard case .list(let items, _) = arg, items.count == 2 else { throw fail(line, "Fn::Select needs [index, list]") }
            let index = try value(items[0])?.knownString.flatMap { Int($0) }
            let list = try value(items[1])
            guard let index, case .list(let values)? = list else { return .unknown("Fn::Select over a list known at deploy") }
            guard values.indices.contains(index) else { throw fail(line, "Fn::Select index \(index) is outside the list (\(values.count) items)") }
            return values[index]
        case "Fn::Split":
            guard case .list(let items, _) = arg, items.count == 2, let delimiter = items[0].string else { throw fail(line, "Fn::Split needs [delimiter, string]") }
            guard let text = try value(items[1])?.knownString, !delimiter.isEmpty else { return .unknown("Fn::Split of text known at deploy") }
            return .list(text.components(separatedBy: delimiter).map(TemplateValue.string))
        case "Fn::GetAZs":
            // The zones available to the account are CloudFormation's answer at deploy: never guessed.
            return .unknown("Fn::GetAZs (availability zones are known at deploy)")
        case "Fn::FindInMap": return try findInMap(arg, line: line)
        case "Fn::Cidr": return try cidr(arg, line: line)
        case "Fn::If":
            guard case .list(let items, _) = arg, items.count == 3, let condition = items[0].string else { throw fail(line, "Fn::If needs [condition, then, else]") }
            guard let known = conditions[condition] else { throw fail(line, "Fn::If names '\(condition)', which is not a condition of the template") }
            guard let truth = known else {
                warnings.append("line \(line): Fn::If on condition \(condition), unknown before deploy: the first branch is used")
                return try value(items[1])
            }
            return try value(items[truth ? 1 : 2])
        case "Fn::ImportValue":
            guard let key = try value(arg)?.knownString else { return .unknown("Fn::ImportValue of a name known at deploy") }
            if let found = exports[key] { return .string(found) }
            warnings.append("line \(line): Fn::ImportValue '\(key)' is not an export of the given snapshot: unknown")
            return .unknown("Fn::ImportValue '\(key)'")
        case "Fn::Base64": return try value(arg)
        case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not":
            return try condition(.map([(name, arg)], line: line)).map(TemplateValue.bool) ?? .unknown("\(name) on values known at deploy")
        default:
            warnings.append("line \(line): \(name) is not evaluated before deploy: unknown")
            return .unknown(name)
        }
    }

    func ref(_ target: String, line: Int) throws(IaCError) -> TemplateValue {
        if let p = parameters[target] { return p }
        if let p = pseudo(target) { return p }
        if resources.contains(target) { return .ref(target) }
        throw fail(line, "Ref to '\(target)', which is no parameter, pseudo parameter or resource of the template")
    }

    /// `Fn::Sub`: `${Name}`, `${Resource.Attribute}` and `${!Literal}` ("Fn::Sub").
    private mutating func sub(_ arg: TemplateNode, line: Int) throws(IaCError) -> TemplateValue {
        var template: String?
        var variables: [String: TemplateValue] = [:]
        if let s = arg.string { template = s }
        else if case .list(let items, _) = arg, items.count == 2 {
            template = items[0].string
            for (k, v) in items[1].members { variables[k] = try value(v) ?? .string("") }
        }
        guard let template else { throw fail(line, "Fn::Sub needs a string or [string, variables]") }
        var parts: [TemplateValue.TextPart] = []
        var rest = Substring(template)
        while let open = rest.range(of: "${") {
            parts.append(.literal(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { throw fail(line, "Fn::Sub has an unclosed ${") }
            let name = String(rest[open.upperBound..<close])
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("!") { parts.append(.literal("${" + name.dropFirst() + "}")); continue }
            let v: TemplateValue
            if let given = variables[name] { v = given }
            else if name.contains("."), !name.hasPrefix("AWS::") {
                let pieces = name.split(separator: ".", maxSplits: 1).map(String.init)
                guard resources.contains(pieces[0]) else { throw fail(line, "Fn::Sub names '\(name)', which is not a resource attribute of the template") }
                v = .attribute(pieces[0], pieces[1])
            } else { v = try ref(name, line: line) }
            parts.append(v.knownString.map(TemplateValue.TextPart.literal) ?? .value(v))
        }
        parts.append(.literal(String(rest)))
        return Self.text(parts)
    }

    private mutating func findInMap(_ arg: TemplateNode, line: Int) throws(IaCError) -> TemplateValue {
        guard case .list(let items, _) = arg, items.count == 3 else { throw fail(line, "Fn::FindInMap needs [map, top-level key, second-level key]") }
        var keys: [String] = []
        for item in items {
            guard let k = try value(item)?.knownString else { return .unknown("Fn::FindInMap with a key known at deploy") }
            keys.append(k)
        }
        guard let found = mappings?[keys[0]]?[keys[1]]?[keys[2]] else {
            throw fail(line, "Fn::FindInMap: Mappings has no \(keys.joined(separator: "."))")
        }
        return try value(found) ?? .null
    }

    /// A condition function's value; nil when it depends on a value known only at deploy.
    mutating func condition(_ node: TemplateNode) throws(IaCError) -> Bool? {
        guard case .map(let members, let line) = node, members.count == 1, let (name, arg) = members.first else {
            throw fail(node.line, "a condition must be one of Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition")
        }
        switch name {
        case "Condition":
            guard let other = arg.string, let known = conditions[other] else { throw fail(line, "Condition names an unknown condition") }
            return known
        case "Fn::Equals":
            guard case .list(let items, _) = arg, items.count == 2 else { throw fail(line, "Fn::Equals needs two values") }
            guard let a = try value(items[0])?.knownString, let b = try value(items[1])?.knownString else { return nil }
            return a == b
        case "Fn::Not":
            guard case .list(let items, _) = arg, items.count == 1 else { throw fail(line, "Fn::Not needs one condition") }
            return try condition(items[0]).map { !$0 }
        case "Fn::And", "Fn::Or":
            guard case .list(let items, _) = arg, (2...10).contains(items.count) else { throw fail(line, "\(name) needs 2 to 10 conditions") }
            var values: [Bool?] = []
            for item in items { values.append(try condition(item)) }
            let isAnd = name == "Fn::And"
            if values.contains(!isAnd) { return !isAnd }
            return values.contains(nil) ? nil : isAnd
        default:
            throw fail(line, "\(name) is not a condition function")
        }
    }

    /// Text from parts: a plain string when every part is known.
    static func text(_ parts: [TemplateValue.TextPart]) -> TemplateValue {
        var known = ""
        for part in parts {
            guard case .literal(let s) = part else { return .text(parts.filter { if case .literal("") = $0 { false } else { true } }) }
            known += s
        }
        return .string(known)
    }

    func fail(_ line: Int, _ message: String) -> IaCError {
        .invalid(file: file, line: line, message: message)
    }
}

extension TemplateNode {
    var isEmptyString: Bool {
        if case .scalar(.string(""), _) = self { return true }
        if case .scalar(.null, _) = self { return true }
        return false
    }
}
