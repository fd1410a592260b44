import NetModel
import JSON

/// Maps S3 bucket listings and the per-bucket documents (policy, ACL, Block Public Access, ...).
enum S3Mapper {
    static func buckets(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        let owner = try root["Owner"]?.string("ID")
        for item in try root.array("Buckets") {
            let name = try item.requiredString("Name")
            update(&c, ctx, bucket: name) { parts in
                parts.listed = true
                if let owner { parts.ownerId = owner }
                if let region = try? item.string("BucketRegion") { parts.region = region }
            }
        }
    }

    /// Documents that describe one bucket, named by the file in its call folder.
    static func bucketDocument(_ kind: DocumentKind, _ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        if kind == .publicAccessBlock, ctx.file.callFolder == nil {
            // No per-bucket folder: this is the account-level setting (s3control get-public-access-block).
            guard ctx.file.baseName.hasPrefix("s3control") else {
                c.warn(ctx.file, "unscoped-document", "Block Public Access settings that name neither a bucket (s3api-get-public-access-block/<bucket>.json) nor the account (s3control-get-public-access-block.json); kept raw")
                return
            }
            let account = ctx.file.account ?? ResourceScope.unknownValue
            c.accountPublicAccessBlocks[account] = try publicAccessBlock(root, ctx)
            return
        }
        guard let bucket = ctx.file.resourceName, ctx.file.callFolder?.hasPrefix("s3api-") == true else {
            c.warn(ctx.file, "unscoped-document",
                   "\(kind.rawValue) document without its bucket: put it in s3api-<call>/<bucket>.json; kept raw")
            return
        }
        switch kind {
        case .bucketPolicy:
            let text = try root.requiredString("Policy")
            guard let parsed = try? JSONParser.parse(Array(text.utf8)) else {
                throw .invalidPolicyDocument(file: ctx.file.displayPath, path: "Policy")
            }
            update(&c, ctx, bucket: bucket) { $0.policy = parsed.canonicalText }
        case .bucketPolicyStatus:
            let isPublic = try root["PolicyStatus"]?.bool("IsPublic")
            update(&c, ctx, bucket: bucket) { $0.policyStatusIsPublic = isPublic }
        case .bucketAcl:
            var grants: [ACLGrant] = []
            for g in try root.array("Grants") {
                guard let grantee = g["Grantee"] else { continue }
                let type = try grantee.string("Type") ?? "CanonicalUser"
                let who = try grantee.firstString("URI", "ID", "EmailAddress") ?? ""
                grants.append(ACLGrant(granteeType: type, grantee: who, permission: try g.requiredString("Permission")))
            }
            let owner = try root["Owner"]?.string("ID")
            update(&c, ctx, bucket: bucket) { $0.grants = grants; if let owner { $0.ownerId = owner } }
        case .publicAccessBlock:
            let block = try publicAccessBlock(root, ctx)
            update(&c, ctx, bucket: bucket) { $0.publicAccessBlock = block }
        case .ownershipControls:
            let rule = try root["OwnershipControls"]?.array("Rules").first?.string("ObjectOwnership")
            update(&c, ctx, bucket: bucket) { $0.objectOwnership = rule }
        case .bucketLocation:
            // us-east-1 is written as null (or absent); "EU" is the legacy name of eu-west-1.
            var region = try root.string("LocationConstraint") ?? "us-east-1"
            if region.isEmpty { region = "us-east-1" }
            if region == "EU" { region = "eu-west-1" }
            update(&c, ctx, bucket: bucket) { $0.region = region }
        default:
            break
        }
    }

    private static func publicAccessBlock(_ root: Node, _ ctx: FileContext) throws(ImportError) -> PublicAccessBlock {
        guard let config = root["PublicAccessBlockConfiguration"] else {
            throw .missingField(file: ctx.file.displayPath, path: "(top level)", field: "PublicAccessBlockConfiguration")
        }
        return PublicAccessBlock(blockPublicAcls: try config.bool("BlockPublicAcls") ?? false,
                                 ignorePublicAcls: try config.bool("IgnorePublicAcls") ?? false,
                                 blockPublicPolicy: try config.bool("BlockPublicPolicy") ?? false,
                                 restrictPublicBuckets: try config.bool("RestrictPublicBuckets") ?? false)
    }

    private static func update(_ c: inout Collector, _ ctx: FileContext, bucket: String, _ change: (inout BucketParts) throws -> Void) rethrows {
        let key = ScopedName(account: ctx.file.account, name: bucket)
        var parts = c.bucketParts[key] ?? BucketParts()
        try change(&parts)
        c.bucketParts[key] = parts
    }
}
