import AWSImport
import JSON

/// The `configuration` of a Terraform plan ("JSON Output Format", Terraform docs): per module, its resources'
/// expressions, its module calls' input expressions and its outputs. Values unknown until apply are linked
/// through the `references` these expressions list.
struct TerraformConfiguration {
    /// One module's configuration; the root module has the empty path.
    struct Module {
        /// Expressions by resource (`aws_security_group.app`) and attribute.
        var resources: [String: [String: JSONValue]] = [:]
        /// Module calls by name: their input expressions and the called module.
        var calls: [String: (expressions: [String: JSONValue], module: Module)] = [:]
        /// Output expressions by name.
        var outputs: [String: JSONValue] = [:]
    }

    var root: Module

    init(_ configuration: JSONValue?) {
        root = Self.module(configuration?.objectValue?["root_module"])
    }

    static func module(_ value: JSONValue?) -> Module {
        var m = Module()
        let object = value?.objectValue ?? [:]
        if case .array(let resources)? = object["resources"] {
            for r in resources {
                guard let o = r.objectValue, case .string(let address)? = o["address"] else { continue }
                m.resources[address] = o["expressions"]?.objectValue?.dictionary ?? [:]
            }
        }
        for (name, call) in object["module_calls"]?.objectValue ?? [:] {
            let c = call.objectValue ?? [:]
            m.calls[name] = (c["expressions"]?.objectValue?.dictionary ?? [:], module(c["module"]))
        }
        for (name, output) in object["outputs"]?.objectValue ?? [:] {
            if let e = output.objectValue?["expression"] { m.outputs[name] = e }
        }
        return m
    }

    /// The module at a path of call names (`["vpc"]` for `module.vpc`).
    func module(at path: [String]) -> Module? {
        var m = root
        for name in path {
            guard let next = m.calls[name]?.module else { return nil }
            m = next
        }
        return m
    }

    /// A reference resolved to the resource it names: the module path, the resource (`aws_subnet.private`),
    /// an instance key when the reference gives one (`[0]`, `["a"]`), and the attribute (`id`, `arn`).
    struct Target: Hashable {
        var module: [String]
        var resource: String
        var key: String?
        var attribute: String?
    }

    /// The resources an expression's `references` lead to, through module inputs (`var.x`) and outputs
    /// (`module.m.out`); `depth` bounds chains of modules.
    func targets(of expression: JSONValue?, in path: [String], depth: Int = 0) -> [Target] {
        guard depth < 32, case .array(let refs)? = expression?.objectValue?["references"] else { return [] }
        var out: [Target] = []
        for case .string(let ref) in refs {
            for t in targets(ofReference: ref, in: path, depth: depth) where !out.contains(where: { $0.resource == t.resource && $0.module == t.module && $0.key == t.key }) {
                out.append(t)
            }
        }
        // Terraform lists each traversal with its prefixes (`aws_subnet.private[0].id`, `aws_subnet.private[0]`,
        // `aws_subnet.private`): the bare resource stands for every instance only when no instance is named.
        return out.filter { t in t.key != nil || !out.contains { $0.key != nil && $0.resource == t.resource && $0.module == t.module } }
    }

    private func targets(ofReference ref: String, in path: [String], depth: Int) -> [Target] {
        let parts = Self.split(ref)
        guard let first = parts.first else { return [] }
        switch first {
        case "var":
            guard parts.count >= 2, let call = path.last, let parent = module(at: Array(path.dropLast())) else { return [] }
            return targets(of: parent.calls[call]?.expressions[Self.name(parts[1])], in: Array(path.dropLast()), depth: depth + 1)
        case "module":
            guard parts.count >= 3, let child = module(at: path + [Self.name(parts[1])]) else { return [] }
            return targets(of: child.outputs[parts[2]], in: path + [Self.name(parts[1])], depth: depth + 1)
        case "data", "local", "each", "count", "path", "terraform", "self":
            return []
        default:
            guard parts.count >= 2 else { return [] }
            let (name, key) = Self.nameAndKey(parts[1])
            guard module(at: path)?.resources["\(first).\(name)"] != nil else { return [] }
            return [Target(module: path, resource: "\(first).\(name)", key: key, attribute: parts.count > 2 ? parts[2] : nil)]
        }
    }

    /// `aws_subnet.private[0].id` → `aws_subnet`, `private[0]`, `id`.
    static func split(_ ref: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inBrackets = false
        for c in ref {
            if c == "[" { inBrackets = true } else if c == "]" { inBrackets = false }
            if c == ".", !inBrackets { parts.append(current); current = "" } else { current.append(c) }
        }
        parts.append(current)
        return parts
    }

    /// `private[0]` → (`private`, `0`); `app["web"]` → (`app`, `web`).
    static func nameAndKey(_ part: String) -> (String, String?) {
        guard let open = part.firstIndex(of: "["), part.hasSuffix("]") else { return (part, nil) }
        var key = String(part[part.index(after: open)..<part.index(before: part.endIndex)])
        if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
        return (String(part[..<open]), key)
    }

    static func name(_ part: String) -> String { nameAndKey(part).0 }
}
