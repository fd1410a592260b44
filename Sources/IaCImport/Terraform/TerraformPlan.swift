import AWSImport
import JSON

/// A Terraform plan as `terraform show -json plan.out` prints it ("JSON Output Format" in the Terraform docs):
/// the managed resources of `planned_values` (root and child modules), each with its planned actions, and every
/// attribute unknown until apply linked through the configuration's references — `vpc_security_group_ids =
/// [aws_security_group.app.id]` becomes a reference to `aws_security_group.app`, across module inputs and outputs
/// and `count`/`for_each` instances — or left unknown. Sensitive values are secrets, never kept.
public struct TerraformPlan: Sendable {
    public var file: String
    public var terraformVersion: String?
    /// The AWS provider's `region` when the configuration sets it as a constant.
    public var region: String?
    public var resources: [PlannedResource]
    /// Addresses of resources the plan deletes (they are not in `resources`).
    public var deleted: [String]
    /// The IDs the deleted resources had (`before.id`), to remove them from a snapshot the plan is laid over.
    public var deletedIds: [String]

    /// Whether a parsed document is a plan: `format_version` with `planned_values` or `resource_changes`.
    public static func isPlan(_ root: JSONValue) -> Bool {
        guard let o = root.objectValue else { return false }
        return o["format_version"] != nil && (o["planned_values"] != nil || o["resource_changes"] != nil)
    }

    public init(_ root: JSONValue, file: String) throws(IaCError) {
        guard Self.isPlan(root), let top = root.objectValue else {
            throw .invalid(file: file, line: 0, message: "not a Terraform plan (`terraform show -json` output has format_version and planned_values)")
        }
        self.file = file
        if case .string(let v)? = top["terraform_version"] { terraformVersion = v }
        let configuration = TerraformConfiguration(top["configuration"])
        if case .string(let r)? = top["configuration"]?.objectValue?["provider_config"]?.objectValue?["aws"]?.objectValue?["expressions"]?.objectValue?["region"]?.objectValue?["constant_value"] {
            region = r
        }
        var changes: [String: JSONObject] = [:]
        var deleted: [String] = [], deletedIds: [String] = []
        if case .array(let items)? = top["resource_changes"] {
            for item in items {
                guard let o = item.objectValue, case .string(let address)? = o["address"], let change = o["change"]?.objectValue else { continue }
                changes[address] = change
                if case .array(let actions)? = change["actions"], actions == [.string("delete")] {
                    deleted.append(address)
                    if case .string(let id)? = change["before"]?.objectValue?["id"] { deletedIds.append(id) }
                }
            }
        }
        self.deleted = deleted.sorted()
        self.deletedIds = deletedIds.sorted()
        var raw: [RawResource] = []
        Self.collect(top["planned_values"]?.objectValue?["root_module"], into: &raw, depth: 0)
        let byResource = Dictionary(grouping: raw, by: { "\($0.module.joined(separator: "/"))|\($0.resource)" })
        resources = raw.map { r in
            let change = changes[r.address]
            var values: [String: TemplateValue] = [:]
            let sensitive = r.object["sensitive_values"]?.objectValue ?? [:]
            for (key, value) in r.object["values"]?.objectValue ?? [:] {
                values[key] = Self.isMarked(sensitive[key]) ? .secret("\(r.address).\(key)") : Self.value(value)
            }
            let unknown = change?["after_unknown"]?.objectValue ?? [:]
            let expressions = configuration.module(at: r.module)?.resources[r.resource] ?? [:]
            for (key, marker) in unknown where Self.isMarked(marker) {
                values[key] = Self.link(values[key], marker, expressions[key], key: key, path: "\(r.address).\(key)",
                                        resource: r, configuration: configuration, byResource: byResource)
            }
            var actions: [String] = []
            if case .array(let a)? = change?["actions"] { actions = a.compactMap { if case .string(let s) = $0 { s } else { nil } } }
            return PlannedResource(address: r.address, module: r.module, type: r.type, name: r.name, index: r.index, values: values, actions: actions)
        }
    }

    /// A resource instance as `planned_values` lists it.
    struct RawResource {
        var address: String
        var module: [String]
        var resource: String
        var type: String
        var name: String
        var index: String?
        var object: JSONObject
    }

    static func collect(_ module: JSONValue?, into out: inout [RawResource], depth: Int) {
        guard depth < 64, let m = module?.objectValue else { return }
        if case .array(let resources)? = m["resources"] {
            for r in resources {
                guard let o = r.objectValue, case .string(let address)? = o["address"], case .string(let type)? = o["type"],
                      case .string(let name)? = o["name"], o["mode"] != .string("data") else { continue }
                var index: String?
                switch o["index"] {
                case .number(let n)?: index = Int(exactly: n.double).map(String.init) ?? String(n.double)
                case .string(let s)?: index = s
                default: index = nil
                }
                out.append(RawResource(address: address, module: modulePath(of: address), resource: "\(type).\(name)", type: type, name: name,
                                       index: index, object: o))
            }
        }
        if case .array(let children)? = m["child_modules"] {
            for child in children { collect(child, into: &out, depth: depth + 1) }
        }
    }

    /// `module.app.module.db[0].aws_db_instance.main` → `["app", "db"]` (instance keys dropped: configuration is per module).
    static func modulePath(of address: String) -> [String] {
        let parts = TerraformConfiguration.split(address)
        var path: [String] = []
        var i = 0
        while i + 1 < parts.count, parts[i] == "module" {
            path.append(TerraformConfiguration.name(parts[i + 1]))
            i += 2
        }
        return path
    }

    /// The values a target stands for: the instance with the given key, the one with the referring resource's own
    /// index (`count.index`, `each.key`), or every instance.
    static func instances(of t: TerraformConfiguration.Target, for r: RawResource, in byResource: [String: [RawResource]], usesIndex: Bool) -> [TemplateValue] {
        let all = byResource["\(t.module.joined(separator: "/"))|\(t.resource)"] ?? []
        var chosen = all
        if let key = t.key { chosen = all.filter { $0.index == key } }
        else if usesIndex, let index = r.index, let same = all.first(where: { $0.index == index }) { chosen = [same] }
        let attribute = t.attribute ?? "id"
        return chosen.map { target in
            if case .string(let known)? = target.object["values"]?.objectValue?[attribute] { return .string(known) }
            return attribute == "id" ? .ref(target.address) : .attribute(target.address, attribute)
        }
    }

    /// A value unknown until apply (wholly, or in members of nested blocks as `after_unknown` marks them) linked
    /// through its expression's references: `launch_template { id = aws_launch_template.app.id }` links
    /// `launch_template[0].id`. What no reference explains stays `.unknown` with its path.
    static func link(_ value: TemplateValue?, _ marker: JSONValue, _ expression: JSONValue?, key: String, path: String, resource r: RawResource,
                     configuration: TerraformConfiguration, byResource: [String: [RawResource]]) -> TemplateValue? {
        let direct = expression?.objectValue?["references"] != nil
        switch marker {
        case .object(let members) where !direct:
            var m = value?.mapValue ?? [:]
            for (k, sub) in members where isMarked(sub) {
                m[k] = link(m[k], sub, expression?.objectValue?[k], key: k, path: "\(path).\(k)", resource: r, configuration: configuration, byResource: byResource)
            }
            return .map(m)
        case .array(let items) where !direct:
            guard case .list(var list)? = value else { return value }
            let expressions: [JSONValue]
            if case .array(let e)? = expression { expressions = e } else { expressions = [] }
            for (i, sub) in items.enumerated() where i < list.count && isMarked(sub) {
                list[i] = link(list[i], sub, i < expressions.count ? expressions[i] : nil, key: key, path: "\(path)[\(i)]",
                               resource: r, configuration: configuration, byResource: byResource) ?? list[i]
            }
            return .list(list)
        default:
            let targets = configuration.targets(of: expression, in: r.module)
            let linked = targets.flatMap { t in instances(of: t, for: r, in: byResource, usesIndex: usesInstanceIndex(expression)) }
            // An address range or address unknown until apply comes from an expression (`cidrsubnet(...)`, `"${ip}/32"`)
            // over what it references: a referenced value that is known is not the attribute's value.
            if holdsAddresses(key), linked.contains(where: { $0.knownString != nil }) {
                return .unknown("\(path) is known after apply")
            }
            if !linked.isEmpty {
                let isList = value.map { if case .list = $0 { true } else { false } } ?? looksPlural(key)
                return isList || linked.count > 1 ? .list(linked) : linked[0]
            }
            return value == nil || value == .null ? .unknown("\(path) is known after apply") : value
        }
    }

    /// Attributes holding addresses or address ranges (`cidr_block`, `cidr_blocks`, `private_ip`), never IDs.
    static func holdsAddresses(_ key: String) -> Bool {
        key.contains("cidr") || key == "private_ip" || key == "private_ips"
    }

    static func usesInstanceIndex(_ expression: JSONValue?) -> Bool {
        guard case .array(let refs)? = expression?.objectValue?["references"] else { return false }
        return refs.contains(.string("count.index")) || refs.contains(.string("each.key")) || refs.contains(.string("each.value"))
    }

    /// Attribute names that hold lists (`subnet_ids`, `security_groups`).
    static func looksPlural(_ key: String) -> Bool {
        key.hasSuffix("_ids") || key.hasSuffix("s") && !key.hasSuffix("_address") && !key.hasSuffix("_access")
    }

    /// Whether an `after_unknown`/`sensitive_values` marker is `true` anywhere within.
    static func isMarked(_ marker: JSONValue?) -> Bool {
        switch marker {
        case .bool(true)?: true
        case .array(let items)?: items.contains { isMarked($0) }
        case .object(let members)?: members.dictionary.values.contains { isMarked($0) }
        default: false
        }
    }

    static func value(_ json: JSONValue) -> TemplateValue {
        switch json {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n.double)
        case .string(let s): .string(s)
        case .array(let items): .list(items.map(value))
        case .object(let members): .map(members.dictionary.mapValues(value))
        }
    }
}

/// One resource instance of a plan with its planned values.
public struct PlannedResource: Sendable, Hashable {
    /// `module.database.aws_db_instance.main`, `aws_subnet.private[1]`.
    public var address: String
    /// Module call names from the root (`["database"]`).
    public var module: [String]
    public var type: String
    public var name: String
    /// The `count` index or `for_each` key.
    public var index: String?
    /// Planned attribute values; unknown ones linked (`.ref` to another resource's address) or `.unknown`.
    public var values: [String: TemplateValue]
    /// `create`, `update`, `delete`+`create`, `no-op`.
    public var actions: [String]

    public subscript(attribute: String) -> TemplateValue? { values[attribute] }
}
