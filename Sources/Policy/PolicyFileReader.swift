import Findings
import Yams

/// Reads the sections of a policy file, naming the file and entry in every error.
struct PolicyFileReader {
    let path: String

    func fail(_ at: String, _ reason: String) -> PolicyFileError { .invalid(path: path, at: at, reason: reason) }

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
            throw fail(at, "'\(text)' is not a severity (critical, high, medium, low, info)")
        }
        return s
    }

    func intents(_ node: Node?) throws(PolicyFileError) -> [PolicyFile.Intent] {
        var out: [PolicyFile.Intent] = []
        for (i, m) in try items(node, "intents").enumerated() {
            let at = "intents[\(i)]"
            let name = try string(m["name"], "\(at).name") ?? "intent-\(i + 1)"
            guard let to = try string(m["to"], "\(at).to") else { throw fail(at, "needs `to`") }
            let from = try string(m["from"], "\(at).from")
            let only = try strings(m["only_from"], "\(at).only_from")
            let deny = m["deny"].map { $0.bool == true } ?? false
            if from == nil && only.isEmpty { throw fail(at, "needs `from` (with `deny: true`) or `only_from`") }
            if from != nil && !deny && only.isEmpty { throw fail(at, "`from` intents must say `deny: true` (use only_from to allow)") }
            out.append(PolicyFile.Intent(name: name, from: from, to: to, onlyFrom: only, deny: deny,
                                         ports: try string(m["ports"], "\(at).ports"),
                                         severity: try severity(try string(m["severity"], "\(at).severity"), "\(at).severity") ?? .high))
        }
        return out
    }

    func rules(_ node: Node?) throws(PolicyFileError) -> (Set<String>, [String: Severity]) {
        guard let node else { return ([], [:]) }
        guard let m = node.mapping else { throw fail("rules", "must be a mapping with `disable` and/or `severity`") }
        let disabled = Set(try strings(m["disable"], "rules.disable"))
        var overrides: [String: Severity] = [:]
        if let sev = m["severity"] {
            guard let map = sev.mapping else { throw fail("rules.severity", "must map rule IDs to severities") }
            for (k, v) in map {
                guard let id = k.string else { throw fail("rules.severity", "rule IDs must be strings") }
                overrides[id] = try severity(v.string, "rules.severity.\(id)")
            }
        }
        let unknown = (disabled.union(overrides.keys)).subtracting(RuleEngine.allRules.map { type(of: $0).info.id })
        if let first = unknown.sorted().first { throw fail("rules", "unknown rule '\(first)'") }
        return (disabled, overrides)
    }

    func allow(_ node: Node?) throws(PolicyFileError) -> (Set<String>, [String]) {
        guard let node else { return ([], []) }
        guard let m = node.mapping else { throw fail("allow", "must be a mapping") }
        return (Set(try strings(m["public_buckets"], "allow.public_buckets")), try strings(m["database_tiers"], "allow.database_tiers"))
    }

    func workloads(_ node: Node?) throws(PolicyFileError) -> [String: [PolicyFile.Need]] {
        guard let node else { return [:] }
        guard let m = node.mapping else { throw fail("workloads", "must map role names to `needs`") }
        var out: [String: [PolicyFile.Need]] = [:]
        for (k, v) in m {
            guard let role = k.string, let body = v.mapping else { throw fail("workloads", "each workload is `role-name: {needs: [...]}`") }
            out[role] = try items(body["needs"], "workloads.\(role).needs").enumerated().map { (i, need) throws(PolicyFileError) in
                let at = "workloads.\(role).needs[\(i)]"
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
            guard let reason = try string(m["reason"], "\(at).reason"), !reason.isEmpty else { throw fail(at, "needs a `reason`") }
            let expires = try string(m["expires"], "\(at).expires")
            if let e = expires, !PolicyFileReader.isDate(e) { throw fail("\(at).expires", "'\(e)' is not a date (YYYY-MM-DD)") }
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

    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2 && parts.allSatisfy { Int($0) != nil }
    }
}
