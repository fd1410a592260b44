/// Errors of rendering a graph through Graphviz (exit code 2 in the CLI).
public enum GraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Graphviz's `dot` is not on the PATH.
    case graphvizMissing
    /// `dot` ran but failed; its standard error, trimmed.
    case graphvizFailed(status: Int32, message: String)

    public var description: String {
        switch self {
        case .graphvizMissing:
            "Graphviz 'dot' is not installed (apt-get install graphviz); use --format dot or mermaid"
        case .graphvizFailed(let status, let message):
            "Graphviz 'dot' failed (exit \(status)): \(message)"
        }
    }
}
