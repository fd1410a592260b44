/// How bad a finding is, from `info` to `critical`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case info, low, medium, high, critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var description: String { rawValue }

    /// One level lower (info stays info): for latent exposure and conditional grants.
    public var lowered: Severity {
        switch self {
        case .critical: .high
        case .high: .medium
        case .medium: .low
        case .low, .info: .info
        }
    }

    /// One level higher (critical stays critical): for exposures of workloads with powerful roles.
    public var raised: Severity {
        switch self {
        case .info: .low
        case .low: .medium
        case .medium: .high
        case .high, .critical: .critical
        }
    }

    /// The CVSS-like score GitHub code scanning reads from SARIF's `security-severity`.
    public var securitySeverity: String {
        switch self {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }
}
