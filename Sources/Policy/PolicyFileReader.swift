import Findings
import NetModel
import Reachability
import Yams

/// Reads the sections of a policy file, naming the file and entry in every error.
struct PolicyFileReader {
    let path: String

    func fail(_ at: String, _ reason: String) -> PolicyFileError { .invalid(path: path, at: at, reason: reason) }

    /// Every key of a mapping must be one the section knows; a near-miss gets "did you mean".
    func checkKeys(_ m: Node.Mapping, _ at: String, known: [String]) throws(PolicyFileError) {
        for (key, _) in m {
            guard let name = key.string else { throw fail(at, "keys must be strings") }
            guard known.contains(name) else {
                throw fail(at.isEmpty ? name : "\(at).\(Quoted.value(name))",
                           "unknown key (expected \(known.joined(separator: ", ")))\(Suggestion.hint(name, in: known))")
            }
        }
    }

    /// `tcp/3306`, `udp/53`, `3306`, `80,443`, `1024-65535`: checked here, so an intent never checks something else.
    func ports(_ text: String?, _ at: String) throws(PolicyFileError) -> String? {
        guard let text else { return nil }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        do {
            if parts.count == 2 { _ = try QuerySpec.parseProtocol(parts[0]); _ = try QuerySpec.parsePorts(parts[1]) }
            else { _ = try QuerySpec.parsePorts(text) }
        } catch {
            throw fail(at, Quoted.value(error.message) + " (write tcp/3306, udp/53, 80,443 or 1024-65535)")
        }
        return text
    }

    func string(_ node: Node?, _ at: String) throws(PolicyFileError) -> String? {
        guard let node else { return nil }
        guard let s = node.string else { throw fail(at, "must be a string") }
        return s
    }

    func strings(_ node: Node?, _ at: String) throws(PolicyFileError) -> [String] {
        guard let node else { return [] }
        if let s = node.string { return [s] }
        guard let seq = node.sequence else { throw fail(at, "must be a string or a list of strings") }
        var out: [String] = []
        for (i, item) in seq.enumerated() {
            guard let s = item.string else { throw fail("\(at)[\(i)]", "must be a string") }
            out.append(s)
        }
        return out
    }

    func items(_ node: Node?, _ at: String) throws(PolicyFileError) -> [Node.Mapping] {
        guard let node else { return [] }
        guard let seq = node.sequence else { throw fail(at, "must be a list") }
        var out: [Node.Mapping] = []
        for (i, item) in seq.enumerated() {
            guard let m = item.mapping else { throw fail("\(at)[\(i)]", "must be a mapping") }
            out.append(m)
        }
        return out
    }

    func severity(_ text: String?, _ at: String) throws(PolicyFileError) -> Severity? {
        guard let text else { return nil }
        guard let s = Severity(rawValue: text.lowercased()) else {
            throw fail(at, "'\(Quoted.value(text))' is not a severity (critical, high, medium, low, info)\(Suggestion.hint(text, in: Severity.allCases.map(\.rawValue)))")
        }
        return s
    }

    func intents(_ node: Node?) throws(PolicyFileError) -> [PolicyFile.Intent] {
        var out: [PolicyFile.Intent] = []
        for (i, m) in try items(node, "intents").enumerated() {
            let at = "intents[\(i)]"
            try checkKeys(m, at, known: ["name", "from", "to", "only_from", "deny", "ports", "severity"])
            let name = try string(m["name"], "\(at).name") ?? "intent-\(i + 1)"
            guard let to = try string(m["to"], "\(at).to") else { throw fail(at, "needs `to`") }
            let from = try string(m["from"], "\(at).from")
            let only = try strings(m["only_from"], "\(at).only_from")
            let deny = m["deny"].map { $0.bool == true } ?? false
            if from == nil && only.isEmpty { throw fail(at, "needs `from` (with `deny: true`) or `only_from`") }
            if from != nil && !deny && only.isEmpty { throw fail(at, "`from` intents must say `deny: true` (use only_from to allow)") }
            out.append(PolicyFile.Intent(name: name, from: from, to: to, onlyFrom: only, deny: deny,
                                         ports: try ports(try string(m["ports"], "\(at).ports"), "\(at).ports"),
                                         severity: try severity(try string(m["severity"], "\(at).severity"), "\(at).severity") ?? .high))
        }
        return out
    }

    func rules(_ node: Node?) throws(PolicyFileError) -> (Set<String>, [String: Severity]) {
        guard let node else { return ([], [:]) }
        guard let m = node.mapping else { throw fail("rules", "must be a mapping with `disable` and/or `severity`") }
        try checkKeys(m, "rules", known: ["disable", "severity"])
        let known = RuleEngine.allRules.map { type(of: $0).info.id }
        for (i, id) in try strings(m["disable"], "rules.disable").enumerated() where !known.contains(id) {
            throw fail("rules.disable[\(i)]", "unknown rule '\(Quoted.value(id))'\(Suggestion.hint(id, in: known))")
        }
        let disabled = Set(try strings(m["disable"], "rules.disable"))
        var overrides: [String: Severity] = [:]
        if let sev = m["severity"] {
            guard let map = sev.mapping else { throw fail("rules.severity", "must map rule IDs to severities") }
            for (k, v) in map {
                guard let id = k.string else { throw fail("rules.severity", "rule IDs must be strings") }
                guard known.contains(id) else { throw fail("rules.severity", "unknown rule '\(Quoted.value(id))'\(Suggestion.hint(id, in: known))") }
                overrides[id] = try severity(v.string, "rules.severity.\(id)")
            }
        }
        return (disabled, overrides)
    }

    func allow(_ node: Node?) throws(PolicyFileError) -> (Set<String>, [String]) {
        guard let node else { return ([], []) }
        guard let m = node.mapping else { throw fail("allow", "must be a mapping") }
        try checkKeys(m, "allow", known: ["public_buckets", "database_tiers", "trusted_accounts", "trusted_organizations"])
        return (Set(try strings(m["public_buckets"], "allow.public_buckets")), try strings(m["database_tiers"], "allow.database_tiers"))
    }

    /// `allow.trusted_accounts` (12-digit account IDs) and `allow.trusted_organizations` (`o-` organization IDs):
    /// access they are given is expected, reported at info.
    func trusted(_ node: Node?) throws(PolicyFileError) -> (accounts: Set<String>, organizations: Set<String>) {
        guard let m = node?.mapping else { return ([], []) }
        let accounts = try strings(m["trusted_accounts"], "allow.trusted_accounts")
        for (i, a) in accounts.enumerated() where !(a.count == 12 && a.allSatisfy(\.isASCII) && a.allSatisfy(\.isNumber)) {
            throw fail("allow.trusted_accounts[\(i)]", "'\(Quoted.value(a))' is not an account ID (12 digits)")
        }
        let organizations = try strings(m["trusted_organizations"], "allow.trusted_organizations")
        for (i, o) in organizations.enumerated() where !o.hasPrefix("o-") || o.count < 3 || o.contains("/") {
            throw fail("allow.trusted_organizations[\(i)]", "'\(Quoted.value(o))' is not an organization ID (o-...)")
        }
        return (Set(accounts), Set(organizations))
    }

    func workloads(_ node: Node?) throws(PolicyFileError) -> [String: [PolicyFile.Need]] {
        guard let node else { return [:] }
        guard let m = node.mapping else { throw fail("workloads", "must map role names to `needs`") }
        var out: [String: [PolicyFile.Need]] = [:]
        for (k, v) in m {
            guard let role = k.string, let body = v.mapping else { throw fail("workloads", "each workload is `role-name: {needs: [...]}`") }
            try checkKeys(body, "workloads.\(role)", known: ["needs"])
            out[role] = try items(body["needs"], "workloads.\(role).needs").enumerated().map { (i, need) throws(PolicyFileError) in
                let at = "workloads.\(role).needs[\(i)]"
                try checkKeys(need, at, known: ["actions", "resources"])
                let actions = try strings(need["actions"], "\(at).actions")
                if actions.isEmpty { throw fail(at, "needs `actions`") }
                let resources = try strings(need["resources"], "\(at).resources")
                return PolicyFile.Need(actions: actions, resources: resources.isEmpty ? ["*"] : resources)
            }
        }
        return out
    }

    func suppressions(_ node: Node?) throws(PolicyFileError) -> [Suppression] {
        var out: [Suppression] = []
        for (i, m) in try items(node, "suppressions").enumerated() {
            let at = "suppressions[\(i)]"
            try checkKeys(m, at, known: ["rule", "resource", "reason", "expires"])
            guard let reason = try string(m["reason"], "\(at).reason"), !reason.isEmpty else { throw fail(at, "needs a `reason`") }
            let expires = try string(m["expires"], "\(at).expires")
            if let e = expires, !PolicyFileReader.isDate(e) { throw fail("\(at).expires", "'\(Quoted.value(e))' is not a date (YYYY-MM-DD)") }
            do {
                out.append(try Suppression(ruleId: try string(m["rule"], "\(at).rule") ?? "*",
                                           resource: try string(m["resource"], "\(at).resource") ?? "*", reason: reason, expires: expires))
            } catch let error as SuppressionError {
                throw fail(at, error.description)
            } catch let error as PolicyFileError {
                throw error
            } catch {
                throw fail(at, "\(error)")
            }
        }
        return out
    }

    /// `trusted_ranges`: CIDR blocks (or single addresses), each checked.
    func trustedRanges(_ node: Node?) throws(PolicyFileError) -> [IPPrefix] {
        try strings(node, "trusted_ranges").enumerated().map { (i, text) throws(PolicyFileError) in
            guard let prefix = IPPrefix(text) else { throw fail("trusted_ranges[\(i)]", "'\(Quoted.value(text))' is not a CIDR block") }
            return prefix
        }
    }

    /// A real calendar day as `YYYY-MM-DD` (2026-02-30 is not one).
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[m - 1]).contains(d)
    }
}
