/// Errors of the report stage (exit code 2 in the CLI).
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The baseline file does not exist or cannot be read.
    case baselineUnreadable(path: String)
    /// The baseline file is not JSON, or not a `netaudit --format json` report.
    case baselineMalformed(path: String, reason: String)
    /// `--fail-on` got something other than critical, high, medium, low or none.
    case badThreshold(String)

    public var description: String {
        switch self {
        case .baselineUnreadable(let path):
            "baseline \(path): cannot read the file"
        case .baselineMalformed(let path, let reason):
            "baseline \(path): \(reason)"
        case .badThreshold(let value):
            "--fail-on \(value): expected critical, high, medium, low or none"
        }
    }
}
