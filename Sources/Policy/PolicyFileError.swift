/// Why a policy file could not be used. Each case names the file.
public enum PolicyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case invalid(path: String, at: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let p, let r): "\(p): cannot read policy file: \(r)"
        case .malformed(let p, let r): "\(p): not valid YAML: \(r)"
        case .invalid(let p, let at, let r): "\(p): \(at): \(r)"
        }
    }
}
