import NetModel

/// Facts of IAM identities, managed policies, buckets and account settings.
extension ResourceFacts {
    static func of(_ p: IAMPrincipal) -> ResourceFacts {
        var f = ResourceFacts(kind: "iam-\(p.kind.rawValue)", id: p.id, name: p.name)
        f.property("path", p.path)
        f.collection("attached policy", p.attachedPolicyArns.sorted().map { Item($0) })
        f.collection("statement", p.inlinePolicies.flatMap { PolicyStatements.items($0.document, policy: "inline policy \($0.name)") })
        if p.kind == .role { f.collection("trust statement", PolicyStatements.items(p.trustPolicy, policy: "trust policy")) }
        if p.kind == .user { f.collection("group", p.groupNames.sorted().map { Item($0) }) }
        if p.kind == .role { f.property("instance profiles", list: p.instanceProfileArns) }
        f.tags(p.tags)
        return f
    }

    static func of(_ m: ManagedPolicy) -> ResourceFacts {
        var f = ResourceFacts(kind: "iam-policy", id: m.id, name: m.name)
        f.collection("statement", PolicyStatements.items(m.document, policy: "policy"))
        return f
    }

    static func of(_ b: Bucket) -> ResourceFacts {
        var f = ResourceFacts(kind: "bucket", id: b.id, name: b.id)
        f.collection("policy statement", PolicyStatements.items(b.policy, policy: "bucket policy"))
        f.property("policy status public", b.policyStatusIsPublic.map { $0 ? "true" : "false" })
        if let grants = b.grants {
            f.collection("ACL grant", grants.map { Item("\($0.permission) to \($0.granteeType) \($0.grantee)") })
        }
        f.switches(b.publicAccessBlock, prefix: "")
        f.property("object ownership", b.objectOwnership)
        return f
    }

    static func of(_ a: AccountSettings) -> ResourceFacts {
        var f = ResourceFacts(kind: "account", id: a.id, name: a.id)
        f.switches(a.s3PublicAccessBlock, prefix: "S3 account ")
        return f
    }

    /// The four Block Public Access switches as properties (`unset` when no configuration exists).
    mutating func switches(_ b: PublicAccessBlock?, prefix: String) {
        func value(_ v: Bool?) -> String? { v.map { $0 ? "true" : "false" } }
        property("\(prefix)BlockPublicAcls", value(b?.blockPublicAcls))
        property("\(prefix)IgnorePublicAcls", value(b?.ignorePublicAcls))
        property("\(prefix)BlockPublicPolicy", value(b?.blockPublicPolicy))
        property("\(prefix)RestrictPublicBuckets", value(b?.restrictPublicBuckets))
    }
}
