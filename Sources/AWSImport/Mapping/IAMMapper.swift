import NetModel

/// Maps `aws iam get-account-authorization-details`: users, groups, roles and managed policies.
enum IAMMapper {
    static func authorizationDetails(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("UserDetailList") {
            c.inventory.iamPrincipals.append(try principal(item, ctx, kind: .user, nameKey: "UserName", policyList: "UserPolicyList"))
        }
        for item in try root.array("GroupDetailList") {
            c.inventory.iamPrincipals.append(try principal(item, ctx, kind: .group, nameKey: "GroupName", policyList: "GroupPolicyList"))
        }
        for item in try root.array("RoleDetailList") {
            c.inventory.iamPrincipals.append(try principal(item, ctx, kind: .role, nameKey: "RoleName", policyList: "RolePolicyList"))
        }
        for item in try root.array("Policies") {
            let arn = try item.requiredString("Arn")
            let defaultVersion = try item.string("DefaultVersionId")
            var document: String?
            for version in try item.array("PolicyVersionList") {
                let isDefault = try version.bool("IsDefaultVersion") ?? false
                let versionId = try version.string("VersionId")
                if isDefault || versionId == defaultVersion || document == nil {
                    document = try version.policyDocument("Document")
                    if isDefault { break }
                }
            }
            // moto omits PolicyName; the ARN's last part is the name.
            let name = try item.string("PolicyName") ?? String(arn.split(separator: "/").last ?? "")
            c.inventory.managedPolicies.append(ManagedPolicy(
                id: arn, scope: globalScope(ctx, arn: arn), name: name, document: document,
                attachmentCount: try item.int("AttachmentCount")))
        }
    }

    private static func principal(_ item: Node, _ ctx: FileContext, kind: IAMPrincipalKind,
                                  nameKey: String, policyList: String) throws(ImportError) -> IAMPrincipal {
        let arn = try item.requiredString("Arn")
        var inline: [InlinePolicy] = []
        for p in try item.array(policyList) {
            guard let doc = try p.policyDocument("PolicyDocument") else {
                throw .missingField(file: ctx.file.displayPath, path: p.path, field: "PolicyDocument")
            }
            inline.append(InlinePolicy(name: try p.requiredString("PolicyName"), document: doc))
        }
        var attached: [String] = []
        for p in try item.array("AttachedManagedPolicies") { attached.append(try p.requiredString("PolicyArn")) }
        var profiles: [String] = []
        for p in try item.array("InstanceProfileList") { if let a = try p.string("Arn") { profiles.append(a) } }
        return IAMPrincipal(
            id: arn, scope: globalScope(ctx, arn: arn), kind: kind, name: try item.requiredString(nameKey),
            path: try item.string("Path"), inlinePolicies: inline, attachedPolicyArns: attached,
            trustPolicy: try item.policyDocument("AssumeRolePolicyDocument"), groupNames: try item.strings("GroupList"),
            instanceProfileArns: profiles, tags: try item.tags())
    }

    /// IAM is global: the region is `global`; the account comes from the folder or the ARN
    /// (AWS-managed policies carry `aws` there and take the folder's account).
    private static func globalScope(_ ctx: FileContext, arn: String) -> ResourceScope {
        let account = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init)
        var scope = ctx.scope(account: account == "aws" ? nil : account)
        scope.region = ResourceScope.globalRegion
        return scope
    }
}
