/// The output formats of `netaudit diff --format`.
public enum DiffFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Sections for a terminal.
    case table
    /// Machine-readable: `{old, new, changes, findings, reachability, gating}`.
    case json
    /// For a pull-request comment.
    case markdown

    public var description: String { rawValue }
}

/// Renders a diff in one of the formats.
public enum DiffRenderer {
    /// The diff as text in `format` (ending with a newline).
    public static func render(_ result: DiffResult, format: DiffFormat) -> String {
        switch format {
        case .table: DiffTableText.render(result)
        case .json: DiffJSON.render(result)
        case .markdown: DiffMarkdown.render(result)
        }
    }
}
