import NetModel
import Reachability

/// Ports that matter when open to the internet.
public enum PortCatalog {
    /// Remote administration.
    public static let admin: [Int: String] = [22: "SSH", 3389: "RDP", 23: "Telnet", 5985: "WinRM", 5986: "WinRM over TLS", 5900: "VNC"]
    /// Databases and caches.
    public static let data: [Int: String] = [
        3306: "MySQL", 5432: "PostgreSQL", 1433: "SQL Server", 1434: "SQL Server browser", 1521: "Oracle", 6379: "Redis",
        11211: "Memcached", 27017: "MongoDB", 27018: "MongoDB", 9200: "Elasticsearch", 9300: "Elasticsearch transport",
        5601: "Kibana", 9042: "Cassandra", 7000: "Cassandra", 8086: "InfluxDB", 5984: "CouchDB", 2379: "etcd",
    ]
    /// AWS Security Hub EC2.19's high-risk ports (security groups should not allow unrestricted access).
    public static let securityHubHighRisk: Set<Int> = [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389,
                                                4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300]
    /// Ports load balancers are expected to serve to the internet.
    public static let web: Set<Int> = [80, 443]

    /// Whether an open port is critical when reachable: admin, data or EC2.19.
    public static func isSensitive(_ port: Int) -> Bool {
        admin[port] != nil || data[port] != nil || securityHubHighRisk.contains(port)
    }

    /// `tcp/22 (SSH)`.
    public static func describe(_ proto: IPProtocol, _ range: PortRange) -> String {
        if range == .all || (range.lower == 0 && range.upper == 65535) { return "all \(proto) ports" }
        let name = range.lower == range.upper ? (admin[range.lower] ?? data[range.lower]) : nil
        return "\(proto)/\(range)" + (name.map { " (\($0))" } ?? "")
    }

    /// Splits open ranges into the sensitive single ports they contain and the rest.
    public static func sensitive(in ports: PortSet) -> [Int] {
        let known = Set(admin.keys).union(data.keys).union(securityHubHighRisk)
        return known.filter { ports.contains($0) }.sorted()
    }
}
