import NetModel

/// Why an import failed. Each case names the file and, where it helps, the position.
public enum ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    case pathNotFound(String)
    case noJSONFiles(String)
    case unreadable(file: String, reason: String)
    case malformedJSON(file: String, line: Int, column: Int, message: String)
    case unexpectedShape(file: String, path: String, expected: String, found: String)
    case missingField(file: String, path: String, field: String)
    case invalidValue(file: String, path: String, message: String)
    case invalidPolicyDocument(file: String, path: String)

    /// One line whatever the input: values are quoted to about 80 characters where the message is built, and the
    /// whole line is cut here too, so a member path or value that slipped through cannot drown the user.
    public var description: String { Quoted.value(text, limit: 240) }

    private var text: String {
        switch self {
        case .pathNotFound(let p):
            "\(p): no such file or folder"
        case .noJSONFiles(let p):
            "\(p): no *.json files found (expected AWS CLI output such as `aws ec2 describe-vpcs --output json`)"
        case .unreadable(let f, let reason):
            "\(f): cannot read file: \(reason)"
        case .malformedJSON(let f, let line, let column, let message):
            "\(f):\(line):\(column): malformed JSON: \(message)"
        case .unexpectedShape(let f, let path, let expected, let found):
            "\(f): \(path) should be \(expected) but is \(found)"
        case .missingField(let f, let path, let field):
            "\(f): \(path) has no \(field)"
        case .invalidValue(let f, let path, let message):
            "\(f): \(path): \(message)"
        case .invalidPolicyDocument(let f, let path):
            "\(f): \(path) is not a valid JSON policy document"
        }
    }

    /// The file the error concerns, when there is one.
    public var file: String? {
        switch self {
        case .pathNotFound, .noJSONFiles: nil
        case .unreadable(let f, _), .malformedJSON(let f, _, _, _), .unexpectedShape(let f, _, _, _),
             .missingField(let f, _, _), .invalidValue(let f, _, _), .invalidPolicyDocument(let f, _):
            f
        }
    }
}
