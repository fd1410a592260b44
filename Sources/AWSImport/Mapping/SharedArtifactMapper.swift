import NetModel

/// Maps who RDS snapshots, EBS snapshots and AMIs are shared with: `rds describe-db-snapshot-attributes`,
/// `describe-db-cluster-snapshot-attributes` (the `restore` attribute), `ec2 describe-snapshot-attribute
/// --attribute createVolumePermission`, `ec2 describe-image-attribute --attribute launchPermission` and
/// `ec2 describe-images --owners self` (`Public`). One file per snapshot or image; each names its resource.
enum SharedArtifactMapper {
    static func map(_ kind: DocumentKind, _ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        switch kind {
        case .dbSnapshotAttributes, .dbClusterSnapshotAttributes:
            let cluster = kind == .dbClusterSnapshotAttributes
            guard let result = root[kind.rawValue] else { return }
            let id = try result.requiredString(cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier")
            var shared: [String] = []
            for attribute in try result.array(cluster ? "DBClusterSnapshotAttributes" : "DBSnapshotAttributes")
            where try attribute.string("AttributeName") == "restore" {
                shared += try attribute.strings("AttributeValues")
            }
            // The identifier of a shared or copied snapshot is its ARN.
            let scope = ctx.scope(arn: id.hasPrefix("arn:") ? id : nil)
            c.add(SharedArtifact(id: id, kind: cluster ? .rdsClusterSnapshot : .rdsSnapshot, scope: scope, sharedWith: shared))
        case .snapshotVolumePermissions:
            let id = try root.requiredString("SnapshotId")
            c.add(SharedArtifact(id: id, kind: .ebsSnapshot, scope: ctx.scope(), sharedWith: try permissions(root, "CreateVolumePermissions")))
        case .imageLaunchPermissions:
            let id = try root.requiredString("ImageId")
            c.add(SharedArtifact(id: id, kind: .ami, scope: ctx.scope(), sharedWith: try permissions(root, "LaunchPermissions")))
        case .images:
            for image in try root.array("Images") {
                let isPublic = try image.bool("Public") ?? false
                c.add(SharedArtifact(id: try image.requiredString("ImageId"), kind: .ami, scope: ctx.scope(account: try image.string("OwnerId")),
                                     sharedWith: isPublic ? [SharedArtifact.everyone] : []))
            }
        default:
            break
        }
    }

    /// `Group: all`, `UserId`, `OrganizationArn` and `OrganizationalUnitArn` entries as sharing targets.
    private static func permissions(_ root: Node, _ key: String) throws(ImportError) -> [String] {
        var out: [String] = []
        for p in try root.array(key) {
            if let group = try p.string("Group") {
                guard group == SharedArtifact.everyone else {
                    throw .invalidValue(file: p.file, path: p.path + ".Group", message: "'\(group)' is not a permission group (expected all)")
                }
                out.append(group)
            }
            if let who = try p.firstString("UserId", "OrganizationArn", "OrganizationalUnitArn") { out.append(who) }
        }
        return out
    }
}

extension Collector {
    /// Adds a snapshot or image, merging who it is shared with into an earlier entry for the same one.
    mutating func add(_ artifact: SharedArtifact) {
        if let i = inventory.sharedArtifacts.firstIndex(where: { $0.id == artifact.id && $0.kind == artifact.kind }) {
            var existing = inventory.sharedArtifacts[i]
            for s in artifact.sharedWith where !existing.sharedWith.contains(s) { existing.sharedWith.append(s) }
            if existing.scope.account == ResourceScope.unknownValue { existing.scope.account = artifact.scope.account }
            if existing.scope.region == ResourceScope.unknownValue { existing.scope.region = artifact.scope.region }
            inventory.sharedArtifacts[i] = existing
        } else {
            inventory.sharedArtifacts.append(artifact)
        }
    }
}
