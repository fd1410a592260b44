/// A property value of a CloudFormation template after its intrinsic functions are evaluated.
///
/// Values CloudFormation only knows at deploy time stay symbolic: a `Ref` to a resource is that resource's
/// physical ID, a `Fn::GetAtt` its attribute, neither guessed; a `NoEcho` parameter is a secret whose value is
/// never kept. Text built by `Fn::Sub`/`Fn::Join` from such parts keeps its literal pieces.
public indirect enum TemplateValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case null
    /// `Ref` to a resource: its physical ID, known after deploy.
    case ref(String)
    /// `Fn::GetAtt` of a resource: `(logical ID, attribute)`, known after deploy.
    case attribute(String, String)
    /// A `NoEcho` parameter: a secret, never kept.
    case secret(String)
    /// Text with parts known only after deploy (`Fn::Sub`, `Fn::Join`).
    case text([TextPart])
    /// Not known before deploy, with the reason (`Fn::ImportValue of 'vpc-id' without a snapshot`).
    case unknown(String)

    /// One piece of a `.text` value.
    public enum TextPart: Sendable, Hashable {
        case literal(String)
        case value(TemplateValue)

        var rendered: String {
            switch self {
            case .literal(let s): s
            case .value(let v): v.rendered
            }
        }
    }

    /// The value as plain text when it is fully known (strings, numbers, booleans), else nil.
    public var knownString: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// The logical ID a `Ref` or `Fn::GetAtt` points at.
    public var referencedResource: String? {
        switch self {
        case .ref(let id), .attribute(let id, _): id
        default: nil
        }
    }

    /// A member of a map value.
    public subscript(key: String) -> TemplateValue? {
        if case .map(let m) = self { return m[key] }
        return nil
    }

    /// The elements of a list value (a single value reads as a one-element list, as CloudFormation accepts).
    public var elements: [TemplateValue] {
        switch self {
        case .list(let items): items
        case .null: []
        default: [self]
        }
    }

    /// A readable rendering for messages and placeholders: `${PostgreSQLDB.Endpoint.Address}` for what is
    /// unknown, `${DBPassword}` (never the value) for secrets.
    public var rendered: String {
        switch self {
        case .string, .number, .bool: knownString ?? ""
        case .null: ""
        case .list(let items): items.map(\.rendered).joined(separator: ",")
        case .map: "{…}"
        case .ref(let id): "${\(id)}"
        case .attribute(let id, let name): "${\(id).\(name)}"
        case .secret(let name): "${\(name)}"
        case .unknown: "${unknown}"
        case .text(let parts): parts.map(\.rendered).joined()
        }
    }
}
