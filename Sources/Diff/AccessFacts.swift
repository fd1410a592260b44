import NetModel

/// Facts of resources with a policy (topics, queues, keys, functions, secrets, repositories, file systems) and of
/// shared snapshots and images.
extension ResourceFacts {
    static func of(_ r: PolicyResource) -> ResourceFacts {
        var f = ResourceFacts(kind: r.kind.label, id: r.id, name: r.name)
        f.collection("policy statement", PolicyStatements.items(r.policy, policy: "\(r.kind.label) policy"))
        if r.kind == .kmsKey {
            f.collection("grant", r.grants.map { Item("\($0.grantId): \($0.operations.sorted().joined(separator: ", ")) to \($0.grantee)") })
            f.property("key manager", r.keyManager)
        }
        return f
    }

    static func of(_ a: SharedArtifact) -> ResourceFacts {
        var f = ResourceFacts(kind: a.kind.label, id: a.id, name: a.id)
        f.collection("shared with", a.sharedWith.sorted().map { Item($0) })
        return f
    }
}
