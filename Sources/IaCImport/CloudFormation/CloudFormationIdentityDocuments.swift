import AWSImport
import JSON

/// IAM roles (with inline `Policies`, `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, managed policy ARNs and
/// instance profiles) and S3 buckets (with `AWS::S3::BucketPolicy`, Block Public Access and object ownership) as
/// `iam get-account-authorization-details` and the per-bucket `s3api` calls print them after deploy.
struct CloudFormationIdentityDocuments {
    let resources: [TemplateResource]
    let ids: CloudFormationIds
    let json: (TemplateValue) -> JSONValue


    func write(into docs: inout CLIDocuments) {
        roles(into: &docs)
        buckets(into: &docs)
    }

    private func roles(into docs: inout CLIDocuments) {
        let policies = resources.of("AWS::IAM::Policy"), managed = resources.of("AWS::IAM::ManagedPolicy"), profiles = resources.of("AWS::IAM::InstanceProfile")
        var roles: [JSONValue] = []
        for r in resources.of("AWS::IAM::Role") {
            let name = ids.ref(r.logicalId)
            var inline = (r["Policies"]?.elements ?? []).map { p in
                JSONValue.object(["PolicyName": .string(p["PolicyName"]?.knownString ?? "inline"), "PolicyDocument": json(p["PolicyDocument"] ?? .null)])
            }
            inline += policies.filter { ids.ids($0["Roles"]).contains(name) }.map { p in
                .object(["PolicyName": .string(p["PolicyName"]?.knownString ?? p.logicalId), "PolicyDocument": json(p["PolicyDocument"] ?? .null)])
            }
            var attached = ids.ids(r["ManagedPolicyArns"])
            attached += managed.filter { ids.ids($0["Roles"]).contains(name) }.map { ids.ref($0.logicalId) }
            let instanceProfiles = profiles.filter { ids.ids($0["Roles"]).contains(name) }.map { p in
                JSONValue.object(["Arn": .string(ids.attribute(p.logicalId, "Arn")), "InstanceProfileName": .string(ids.ref(p.logicalId))])
            }
            roles.append(.object(["RoleName": .string(name), "RoleId": .string("AROA\(r.logicalId.uppercased().prefix(17))"),
                                  "Arn": .string(ids.attribute(r.logicalId, "Arn")), "Path": .string(r["Path"]?.knownString ?? "/"),
                                  "AssumeRolePolicyDocument": json(r["AssumeRolePolicyDocument"] ?? .null), "RolePolicyList": .array(inline),
                                  "AttachedManagedPolicies": .array(attached.map { .object(["PolicyArn": .string($0)]) }),
                                  "InstanceProfileList": .array(instanceProfiles)]))
        }
        let documents = managed.map { p in
            JSONValue.object(["Arn": .string(ids.ref(p.logicalId)), "PolicyName": .string(p["ManagedPolicyName"]?.knownString ?? p.logicalId),
                              "DefaultVersionId": .string("v1"),
                              "PolicyVersionList": .array([.object(["VersionId": .string("v1"), "IsDefaultVersion": .bool(true),
                                                                    "Document": json(p["PolicyDocument"] ?? .null)])])])
        }
        guard !roles.isEmpty || !documents.isEmpty else { return }
        docs.add(callFolder: nil, resource: "iam-get-account-authorization-details",
                 .object(["UserDetailList": .array([]), "GroupDetailList": .array([]), "RoleDetailList": .array(roles), "Policies": .array(documents)]))
        if roles.contains(where: { role in role.objectValue?["AttachedManagedPolicies"].map { $0 != .array([]) } ?? false }) {
            docs.warnings.append("AWS managed policies attached to roles are named, not included: their documents come with a snapshot (--against)")
        }
    }

    private func buckets(into docs: inout CLIDocuments) {
        let policies = resources.of("AWS::S3::BucketPolicy")
        var listed: [JSONValue] = []
        for r in resources.of("AWS::S3::Bucket") {
            let name = ids.ref(r.logicalId)
            listed.append(.object(["Name": .string(name)]))
            if let policy = policies.first(where: { ids.id($0["Bucket"]) == name }), let document = policy["PolicyDocument"] {
                // Terraform gives the policy as JSON text already; a template as a document.
                let text = document.knownString ?? json(document).canonicalText
                docs.add(callFolder: "s3api-get-bucket-policy", resource: name, .object(["Policy": .string(text)]))
            }
            // S3 enables Block Public Access and disables ACLs on every new bucket unless told otherwise
            // (S3 User Guide, "Blocking public access to your Amazon S3 storage": default settings for new buckets).
            let block = r["PublicAccessBlockConfiguration"]
            var settings: [String: JSONValue] = [:]
            for key in ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] {
                settings[key] = .bool(block.map { $0[key] == .bool(true) || $0[key] == .string("true") } ?? true)
            }
            docs.add(callFolder: "s3api-get-public-access-block", resource: name, .object(["PublicAccessBlockConfiguration": .object(settings)]))
            let ownership = r["OwnershipControls"]?["Rules"]?.elements.first?["ObjectOwnership"]?.knownString ?? "BucketOwnerEnforced"
            docs.add(callFolder: "s3api-get-bucket-ownership-controls", resource: name,
                     .object(["OwnershipControls": .object(["Rules": .array([.object(["ObjectOwnership": .string(ownership)])])])]))
        }
        if !listed.isEmpty { docs.add(callFolder: nil, resource: "s3api-list-buckets", .object(["Buckets": .array(listed)])) }
    }
}
