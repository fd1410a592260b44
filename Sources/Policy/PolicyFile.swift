import Findings
import NetModel
import Foundation
import Yams

/// A policy file (YAML): tiers, reachability intents, rule settings, allow-lists, workload
/// needs and suppressions. Every section is optional.
///
/// ```yaml
/// tiers: {web: [alb], app: [asg], db: [rds]}
/// intents:
///   - {name: no-internet-to-db, from: internet, to: db, deny: true}
///   - {name: only-app-to-db, to: db, only_from: [app], ports: tcp/3306}
/// rules:
///   disable: [iam-write-on-all-resources]
///   severity: {s3-public-bucket: medium}
/// allow:
///   public_buckets: [demo-app-frontend-s3-bucket-6789]
///   database_tiers: [app]
///   trusted_accounts: ["444455556666"]
///   trusted_organizations: [o-a1b2c3d4e5]
/// workloads:
///   demo-app-lambda-iam-role:
///     needs:
///       - {actions: [dynamodb:PutItem], resources: ["arn:aws:dynamodb:*:*:table/demo-app-file-metadata-dynamodb"]}
/// trusted_ranges: [203.0.113.0/24]
/// suppressions:
///   - {rule: internet-exposed-port, resource: "demo-app-bastion*", reason: "lab bastion", expires: 2026-12-31}
/// ```
public struct PolicyFile: Sendable {
    public var path: String?
    public var tiers: TierDefinitions = TierDefinitions(tiers: [])
    public var intents: [Intent] = []
    public var disabledRules: Set<String> = []
    public var severityOverrides: [String: Severity] = [:]
    /// Buckets expected to be publicly readable (static websites): public read is reported as info.
    public var publicBuckets: Set<String> = []
    /// Tiers allowed to reach databases; other tiers reaching a DB port are findings.
    public var databaseTiers: [String] = []
    /// Other accounts whose access to resources (policies, shared snapshots) is expected: reported as info.
    public var trustedAccounts: Set<String> = []
    /// Organizations (`o-...`) whose access to resources is expected: reported as info.
    public var trustedOrganizations: Set<String> = []
    /// What each workload role really needs, by role name: fixes propose exactly these.
    public var workloads: [String: [Need]] = [:]
    public var suppressions: [Suppression] = []
    /// Public ranges expected to reach what they reach (an office, a partner): exposures only to them are no finding.
    public var trustedRanges: [IPPrefix] = []

    public init() {}

    /// What a workload needs: actions on resources.
    public struct Need: Sendable, Hashable {
        public var actions: [String]
        public var resources: [String]
    }

    /// A reachability intent: "internet must not reach db", "only app reaches db on tcp/3306".
    public struct Intent: Sendable, Hashable {
        public var name: String
        public var from: String?
        public var to: String
        public var onlyFrom: [String]
        public var deny: Bool
        public var ports: String?
        public var severity: Severity
    }

    /// Reads and checks a policy file; every problem names the file and the entry.
    public static func load(_ path: String) throws(PolicyFileError) -> PolicyFile {
        let root = try YAMLDocument.load(path)
        var file = PolicyFile()
        file.path = path
        guard let top = root.mapping else {
            if root.scalar?.string.isEmpty ?? false { return file }
            throw .invalid(path: path, at: "(top level)", reason: "must be a mapping of sections")
        }
        let known: Set<String> = ["tiers", "intents", "rules", "allow", "workloads", "suppressions", "trusted_ranges"]
        for (key, _) in top {
            guard let name = key.string, known.contains(name) else {
                let name = key.string ?? "(key)"
                throw .invalid(path: path, at: Quoted.value(name), reason: "unknown section (expected one of \(known.sorted().joined(separator: ", ")))\(Suggestion.hint(name, in: known))")
            }
        }
        let reader = PolicyFileReader(path: path)
        file.tiers = try TierDefinitions.parse(root, path: path)
        file.intents = try reader.intents(top["intents"])
        (file.disabledRules, file.severityOverrides) = try reader.rules(top["rules"])
        (file.publicBuckets, file.databaseTiers) = try reader.allow(top["allow"])
        (file.trustedAccounts, file.trustedOrganizations) = try reader.trusted(top["allow"])
        file.workloads = try reader.workloads(top["workloads"])
        file.suppressions = try reader.suppressions(top["suppressions"])
        file.trustedRanges = try reader.trustedRanges(top["trusted_ranges"])
        try file.checkTierReferences(reader)
        return file
    }
}

extension PolicyFile {
    /// Names that must be tiers are tiers: `only_from` and `allow.database_tiers` entries (an unknown one would
    /// quietly check something else), and an intent's `from`/`to` that is a near-miss of a tier name. Only when
    /// the file defines tiers; with default tiers the names come from the snapshot and are checked at scan.
    func checkTierReferences(_ reader: PolicyFileReader) throws(PolicyFileError) {
        let names = tiers.tiers.map(\.name)
        guard !names.isEmpty else { return }
        for (i, intent) in intents.enumerated() {
            for (j, term) in intent.onlyFrom.enumerated() where !names.contains(term) {
                throw reader.fail("intents[\(i)].only_from[\(j)]", "'\(Quoted.value(term))' is not a tier of this file (\(names.joined(separator: ", ")))\(Suggestion.hint(term, in: names))")
            }
            for (key, term) in [("to", intent.to), ("from", intent.from)] {
                guard let term, !names.contains(term), let near = Suggestion.nearest(term, in: names) else { continue }
                throw reader.fail("intents[\(i)].\(key)", "'\(Quoted.value(term))' is not a tier of this file; did you mean '\(near)'?")
            }
        }
        for (i, term) in databaseTiers.enumerated() where !names.contains(term) {
            throw reader.fail("allow.database_tiers[\(i)]", "'\(Quoted.value(term))' is not a tier of this file (\(names.joined(separator: ", ")))\(Suggestion.hint(term, in: names))")
        }
    }
}
