import Yams

/// A CloudFormation template as written, YAML or JSON, with the line of every value, and the short-form
/// intrinsic tags (`!Ref X`, `!GetAtt A.B`, `!Sub …`) rewritten to their long form (`{"Ref": "X"}`), as
/// CloudFormation itself reads them ("Intrinsic function reference").
indirect enum TemplateNode: Sendable {
    case scalar(TemplateValue, line: Int)
    case list([TemplateNode], line: Int)
    /// Members in document order.
    case map([(key: String, value: TemplateNode)], line: Int)

    var line: Int {
        switch self {
        case .scalar(_, let line), .list(_, let line), .map(_, let line): line
        }
    }

    /// The member `key` of a map.
    subscript(key: String) -> TemplateNode? {
        guard case .map(let members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The members of a map, empty for anything else.
    var members: [(key: String, value: TemplateNode)] {
        if case .map(let m, _) = self { return m }
        return []
    }

    /// The text of a scalar.
    var string: String? {
        if case .scalar(let v, _) = self { return v.knownString }
        return nil
    }

    /// Short-form tags and the long-form function each stands for.
    static let shortForms: [String: String] = [
        "!Ref": "Ref", "!Condition": "Condition", "!GetAtt": "Fn::GetAtt", "!Sub": "Fn::Sub", "!Join": "Fn::Join",
        "!Select": "Fn::Select", "!Split": "Fn::Split", "!If": "Fn::If", "!Equals": "Fn::Equals", "!And": "Fn::And",
        "!Or": "Fn::Or", "!Not": "Fn::Not", "!FindInMap": "Fn::FindInMap", "!GetAZs": "Fn::GetAZs",
        "!ImportValue": "Fn::ImportValue", "!Base64": "Fn::Base64", "!Cidr": "Fn::Cidr", "!Transform": "Fn::Transform",
        "!Length": "Fn::Length", "!ToJsonString": "Fn::ToJsonString",
    ]

    /// Reads a template's text.
    static func parse(_ text: String, file: String) throws(IaCError) -> TemplateNode {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .malformed(file: file, message: Self.describe(error))
        } catch {
            throw .malformed(file: file, message: "not valid YAML or JSON")
        }
        guard let root else { throw .malformed(file: file, message: "empty document") }
        return try convert(root, file: file, depth: 0)
    }

    /// Deeper nesting than any real template is refused, never recursed into without bound.
    static let maxDepth = 256

    private static func convert(_ node: Yams.Node, file: String, depth: Int) throws(IaCError) -> TemplateNode {
        let line = node.mark?.line ?? 0
        guard depth < maxDepth else { throw .invalid(file: file, line: line, message: "nested deeper than \(maxDepth) levels") }
        let plain: TemplateNode
        switch node {
        case .scalar(let s):
            plain = .scalar(s.style == .plain ? Self.plainValue(s.string) : .string(s.string), line: line)
        case .sequence(let seq):
            var items: [TemplateNode] = []
            for item in seq { items.append(try convert(item, file: file, depth: depth + 1)) }
            plain = .list(items, line: line)
        case .mapping(let map):
            var members: [(key: String, value: TemplateNode)] = []
            for (k, v) in map {
                guard let key = k.string else { throw .invalid(file: file, line: k.mark?.line ?? line, message: "a mapping key is not a string") }
                // A block mapping or list is cited at its key's line (`PublicSubnet1:`), not its first member's.
                members.append((key, try convert(v, file: file, depth: depth + 1).at(k.mark?.line)))
            }
            plain = .map(members, line: line)
        case .alias:
            throw .invalid(file: file, line: line, message: "YAML aliases are not allowed in CloudFormation templates")
        }
        let tag = node.tag.rawValue
        guard tag.hasPrefix("!"), tag != "!" else { return plain }
        guard let function = shortForms[tag] else { throw .invalid(file: file, line: line, message: "unknown tag \(tag)") }
        // `!GetAtt A.B` is the string form of `Fn::GetAtt: [A, B]`.
        return .map([(function, plain)], line: line)
    }

    /// The same node cited at another line (when given).
    func at(_ newLine: Int?) -> TemplateNode {
        guard let newLine else { return self }
        switch self {
        case .scalar(let v, _): return .scalar(v, line: newLine)
        case .list(let items, _): return .list(items, line: newLine)
        case .map(let members, _): return .map(members, line: newLine)
        }
    }

    /// A plain (unquoted) scalar: YAML's core schema for booleans, numbers and null; text otherwise.
    static func plainValue(_ s: String) -> TemplateValue {
        switch s {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~", "": return .null
        default:
            if let n = Double(s), n.isFinite, s.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true { return .number(n) }
            return .string(s)
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return "line \(mark.line): \(problem)\(context.map { " \($0.text)" } ?? "")"
        default:
            return "not valid YAML or JSON"
        }
    }
}
