/// Why a Terraform plan or CloudFormation template could not be read; rendered as one line naming the file.
public enum IaCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not YAML or JSON at all.
    case malformed(file: String, message: String)
    /// Readable, but not what it must be (`Resources.DB.Type is missing`).
    case invalid(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .malformed(let file, let message): "\(file): \(message)"
        case .invalid(let file, let line, let message): line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        }
    }
}
