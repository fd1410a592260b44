import Findings
import Policy
import Reachability

/// How bad a newly opened internet path is: critical for admin, database and Security Hub EC2.19 ports.
public enum ExposureSeverity {
    /// The sensitive ports within `ports`, ascending (the policy engine's list).
    public static func sensitive(in ports: PortSet) -> [Int] {
        PortCatalog.sensitive(in: ports)
    }

    /// Critical when a sensitive port opened to the internet, high otherwise.
    public static func of(opened ports: PortSet) -> Severity {
        sensitive(in: ports).isEmpty ? .high : .critical
    }
}
