import Findings
import Reachability

/// How bad a newly opened internet path is: critical for admin, database and Security Hub EC2.19 ports.
public enum ExposureSeverity {
    /// Remote administration, databases and caches, and Security Hub EC2.19's high-risk ports.
    public static let sensitivePorts: Set<Int> = [
        22, 23, 3389, 5985, 5986, 5900,
        3306, 5432, 1433, 1434, 1521, 6379, 11211, 27017, 27018, 9200, 9300, 5601, 9042, 7000, 8086, 5984, 2379,
        20, 21, 25, 110, 135, 143, 445, 3000, 4333, 5000, 5500, 8080, 8088, 8888,
    ]

    /// The sensitive ports within `ports`, ascending.
    public static func sensitive(in ports: PortSet) -> [Int] {
        sensitivePorts.filter { ports.contains($0) }.sorted()
    }

    /// Critical when a sensitive port opened to the internet, high otherwise.
    public static func of(opened ports: PortSet) -> Severity {
        sensitive(in: ports).isEmpty ? .high : .critical
    }
}
