import NetModel

/// What the files said about one resource with a policy, merged into a `PolicyResource` at the end.
struct PolicyParts {
    var arn: String?
    var region: String?
    var policy: String?
    /// Whether a policy document (or its "there is none") was read, as opposed to a listing only.
    var policySeen = false
    var grants: [KMSGrant] = []
    var keyManager: String?
}

/// The pieces of every resource with a policy, by kind, name and (when known) account.
struct PolicyPartsBook {
    struct Key: Hashable {
        var kind: PolicyResource.Kind
        var name: String
        var account: String?
    }

    private(set) var parts: [Key: PolicyParts] = [:]
    private(set) var order: [Key] = []

    /// Records what one document says about a resource: the folders' scope first, then the ARN's, then `account`.
    mutating func update(_ kind: PolicyResource.Kind, name: String, arn: String?, _ ctx: FileContext, account: String? = nil,
                         _ change: (inout PolicyParts) -> Void) {
        let fromARN = ctx.scope(arn: arn)
        let known = { (s: String) in s == ResourceScope.unknownValue ? nil : s }
        let key = Key(kind: kind, name: name, account: known(fromARN.account) ?? account)
        var p = parts[key] ?? PolicyParts()
        if parts[key] == nil { order.append(key) }
        if let arn { p.arn = arn }
        if let region = known(fromARN.region) { p.region = region }
        change(&p)
        parts[key] = p
    }
}

/// Turns the collected pieces into `PolicyResource`s: a piece whose account no folder or ARN named joins the one
/// resource of that kind and name whose account is known.
enum ResourcePolicyReconciler {
    static func apply(_ inv: inout Inventory, _ c: Collector) {
        let book = c.policyParts
        var merged: [PolicyPartsBook.Key: PolicyParts] = [:]
        var order: [PolicyPartsBook.Key] = []
        let accounts = Dictionary(grouping: book.order.filter { $0.account != nil }) { PolicyPartsBook.Key(kind: $0.kind, name: $0.name) }
        for key in book.order {
            guard var part = book.parts[key] else { continue }
            var target = key
            if key.account == nil, let candidates = accounts[key], candidates.count == 1, let only = candidates.first { target = only }
            if var existing = merged[target] {
                existing.arn = existing.arn ?? part.arn
                existing.region = existing.region ?? part.region
                if part.policySeen { existing.policy = part.policy; existing.policySeen = true }
                if !part.grants.isEmpty { existing.grants = part.grants }
                existing.keyManager = existing.keyManager ?? part.keyManager
                part = existing
            } else {
                order.append(target)
            }
            merged[target] = part
        }
        let functions = Dictionary(inv.lambdaFunctions.compactMap { f in f.arn.map { (f.id, (arn: $0, scope: f.scope)) } }, uniquingKeysWith: { a, _ in a })
        for key in order {
            guard let part = merged[key] else { continue }
            var account = key.account ?? ResourceScope.unknownValue
            var region = part.region ?? ResourceScope.unknownValue
            var arn = part.arn
            if key.kind == .lambdaFunction, arn == nil, let f = functions[key.name] {
                arn = f.arn
                if account == ResourceScope.unknownValue { account = f.scope.account }
                if region == ResourceScope.unknownValue { region = f.scope.region }
            }
            let scope = ResourceScope(account: account, region: region)
            inv.policyResources.append(PolicyResource(id: arn ?? builtARN(key.kind, key.name, scope) ?? key.name, kind: key.kind, scope: scope,
                                                      name: key.name, policy: part.policy, grants: part.grants, keyManager: part.keyManager))
        }
    }

    /// The ARN of a resource from its name and scope (nil when either is unknown, or for secrets, whose ARNs end in a random suffix).
    static func builtARN(_ kind: PolicyResource.Kind, _ name: String, _ scope: ResourceScope) -> String? {
        guard scope.account != ResourceScope.unknownValue, scope.region != ResourceScope.unknownValue else { return nil }
        let prefix = "arn:aws:\(kind.servicePrefix):\(scope.region):\(scope.account):"
        switch kind {
        case .snsTopic, .sqsQueue: return prefix + name
        case .kmsKey: return prefix + "key/" + name
        case .lambdaFunction: return prefix + "function:" + name
        case .ecrRepository: return prefix + "repository/" + name
        case .efsFileSystem: return prefix + "file-system/" + name
        case .secret: return nil
        }
    }
}
