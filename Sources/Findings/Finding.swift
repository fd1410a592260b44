/// One problem found in a snapshot: what rule, how bad, which resource, the evidence, and the fix.
///
/// Findings are plain data; one engine (the report stage) decides how they print and what exit code
/// they give.
public struct Finding: Sendable, Hashable, Codable, Identifiable {
    /// A stable fingerprint: of rule and cause for a finding grouped by its cause, else of rule, resource and
    /// detail. The same problem keeps its ID across scans.
    public var id: String
    public var ruleId: String
    public var severity: Severity
    /// One line saying what is wrong.
    public var title: String
    /// The resource the finding is about; of a grouped finding, its first (most severe) member's.
    public var resource: ResourceRef
    /// Every resource the finding is about, each with its own per-resource fingerprint (the `id` it has
    /// with `--group-by resource`, and had before findings were grouped); `resource` is the first.
    public var members: [FindingMember]
    /// What closes the finding, when the rule knows it (the security group rule, NACL entry, route or public
    /// address whose change closes it): findings of one rule with one cause are one finding (``FindingGrouping``).
    public var cause: FindingCause?
    /// Lines of evidence: the rule, statement or path that shows the problem.
    public var evidence: [String]
    public var fix: Fix
    /// Set when a suppression in the policy file applies (the finding is kept, but does not gate).
    public var suppression: AppliedSuppression?

    /// A finding about one resource; its ID is the per-resource fingerprint of rule, resource and `detail`.
    public init(ruleId: String, severity: Severity, title: String, resource: ResourceRef, detail: String,
                evidence: [String], fix: Fix, cause: FindingCause? = nil) {
        self.id = Fingerprint.of(ruleId, resource.id, detail)
        self.ruleId = ruleId
        self.severity = severity
        self.title = title
        self.resource = resource
        self.members = [FindingMember(id: id, resource: resource, severity: severity)]
        self.cause = cause
        self.evidence = evidence
        self.fix = fix
    }

    /// The distinct resources of the finding, in member order.
    public var resources: [ResourceRef] {
        var seen = Set<String>()
        return members.map(\.resource).filter { seen.insert($0.id).inserted }
    }
}

/// One resource of a finding, with the fingerprint and severity the finding has on that resource alone.
public struct FindingMember: Sendable, Hashable, Codable {
    /// The per-resource fingerprint (rule, resource, detail): what baselines made before grouping hold.
    public var id: String
    public var resource: ResourceRef
    public var severity: Severity

    public init(id: String, resource: ResourceRef, severity: Severity) {
        self.id = id
        self.resource = resource
        self.severity = severity
    }
}

/// What closes a finding: the security group rule (or NACL entry, route, public address) whose change fixes it.
public struct FindingCause: Sendable, Hashable, Codable {
    /// What the grouped fingerprint is made of, with the rule ID: `sg-0abc:ingress:tcp/22:0.0.0.0/0`.
    public var id: String
    /// The resource holding the cause (a security group's ID); suppressions match it too.
    public var resourceId: String
    /// One line naming the cause: `sg-0abc (bastion-sg) ingress tcp/22 from 0.0.0.0/0`.
    public var label: String
    /// The grouped finding's title, before its resources: `tcp/22 (SSH) is reachable from the internet through bastion-sg`.
    public var title: String

    public init(id: String, resourceId: String, label: String, title: String) {
        self.id = id
        self.resourceId = resourceId
        self.label = label
        self.title = title
    }
}

/// The resource a finding is about.
public struct ResourceRef: Sendable, Hashable, Codable {
    /// The resource's ID or ARN (what the fingerprint uses).
    public var id: String
    /// `security-group`, `instance`, `bucket`, `iam-role`, `db-instance`, `load-balancer`, ...
    public var kind: String
    public var name: String?
    public var arn: String?
    public var account: String
    public var region: String
    /// Where a planned resource is declared (template line, plan address); nil for captured resources.
    public var location: SourceLocation?

    public init(id: String, kind: String, name: String? = nil, arn: String? = nil, account: String, region: String,
                location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.arn = arn
        self.account = account
        self.region = region
        self.location = location
    }

    /// `name (id)` or the ID.
    public var label: String { name.map { $0 == id ? id : "\($0) (\(id))" } ?? id }
}

/// Where a resource is declared in infrastructure as code: the file, the line (0 when the format has none, as a
/// Terraform plan), and the name there (a CloudFormation logical ID, a Terraform address).
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var name: String

    public init(file: String, line: Int, name: String) {
        self.file = file
        self.line = line
        self.name = name
    }

    /// `todo-app.yaml:142 (PostgreSQLDB)`, `plan.json (module.db.aws_db_instance.main)`.
    public var description: String { line > 0 ? "\(file):\(line) (\(name))" : "\(file) (\(name))" }
}

/// How to fix a finding: plain words, and where one applies an AWS CLI command and a Terraform snippet.
public struct Fix: Sendable, Hashable, Codable {
    public var summary: String
    public var cli: String?
    public var terraform: String?

    public init(summary: String, cli: String? = nil, terraform: String? = nil) {
        self.summary = summary
        self.cli = cli
        self.terraform = terraform
    }
}

/// A suppression that matched a finding: why, until when, and whether it has expired.
public struct AppliedSuppression: Sendable, Hashable, Codable {
    public var reason: String
    /// `YYYY-MM-DD`, when the suppression stops applying.
    public var expires: String?
    public var expired: Bool

    public init(reason: String, expires: String?, expired: Bool) {
        self.reason = reason
        self.expires = expires
        self.expired = expired
    }

    /// Whether the finding is currently silenced.
    public var isActive: Bool { !expired }
}

/// FNV-1a 64-bit fingerprints: stable across runs and platforms.
public enum Fingerprint {
    public static func of(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for (i, part) in parts.enumerated() {
            if i > 0 { hash = (hash ^ 0x1f) &* 0x100000001b3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
