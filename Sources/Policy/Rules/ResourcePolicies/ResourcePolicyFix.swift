import Findings
import NetModel

/// How to take outsiders out of a resource policy or a snapshot's sharing, per resource type: AWS CLI and Terraform.
enum ResourcePolicyFix {
    static func fix(_ r: PolicyResource, summary: String) -> Fix {
        let region = "--region \(r.scope.region)"
        let tf = FixText.terraformName(r.name)
        let policy = "jsonencode({ /* statements naming only the principals that need access */ })"
        switch r.kind {
        case .snsTopic:
            return Fix(summary: summary, cli: "aws sns set-topic-attributes \(region) --topic-arn \(r.id) --attribute-name Policy --attribute-value file://policy.json",
                       terraform: "resource \"aws_sns_topic_policy\" \"\(tf)\" {\n  arn    = \"\(r.id)\"\n  policy = \(policy)\n}")
        case .sqsQueue:
            let url = "https://sqs.\(r.scope.region).amazonaws.com/\(r.scope.account)/\(r.name)"
            return Fix(summary: summary, cli: "aws sqs set-queue-attributes \(region) --queue-url \(url) --attributes file://policy-attribute.json",
                       terraform: "resource \"aws_sqs_queue_policy\" \"\(tf)\" {\n  queue_url = \"\(url)\"\n  policy    = \(policy)\n}")
        case .kmsKey:
            let grants = r.grants.isEmpty ? "" : "\n# and retire grants to outsiders: aws kms revoke-grant \(region) --key-id \(r.name) --grant-id <grant-id>"
            return Fix(summary: summary, cli: "aws kms put-key-policy \(region) --key-id \(r.name) --policy-name default --policy file://policy.json" + grants,
                       terraform: "resource \"aws_kms_key_policy\" \"\(tf)\" {\n  key_id = \"\(r.name)\"\n  policy = \(policy)\n}")
        case .lambdaFunction:
            return Fix(summary: summary, cli: "aws lambda remove-permission \(region) --function-name \(r.name) --statement-id <statement-sid>",
                       terraform: "# remove the aws_lambda_permission that grants it, or give it a source_arn / source_account:\nresource \"aws_lambda_permission\" \"\(tf)\" {\n  function_name  = \"\(r.name)\"\n  action         = \"lambda:InvokeFunction\"\n  principal      = \"<service>.amazonaws.com\"\n  source_account = \"\(r.scope.account)\"\n}")
        case .secret:
            return Fix(summary: summary, cli: "aws secretsmanager put-resource-policy \(region) --secret-id \(r.id) --resource-policy file://policy.json --block-public-policy",
                       terraform: "resource \"aws_secretsmanager_secret_policy\" \"\(tf)\" {\n  secret_arn          = \"\(r.id)\"\n  policy              = \(policy)\n  block_public_policy = true\n}")
        case .ecrRepository:
            return Fix(summary: summary, cli: "aws ecr set-repository-policy \(region) --repository-name \(r.name) --policy-text file://policy.json",
                       terraform: "resource \"aws_ecr_repository_policy\" \"\(tf)\" {\n  repository = \"\(r.name)\"\n  policy     = \(policy)\n}")
        case .efsFileSystem:
            return Fix(summary: summary, cli: "aws efs put-file-system-policy \(region) --file-system-id \(r.name) --policy file://policy.json",
                       terraform: "resource \"aws_efs_file_system_policy\" \"\(tf)\" {\n  file_system_id = \"\(r.name)\"\n  policy         = \(policy)\n}")
        }
    }

    /// Stops sharing a snapshot or image with `targets` (`all` for the public).
    static func fix(_ a: SharedArtifact, targets: [String], summary: String) -> Fix {
        let region = "--region \(a.scope.region)"
        let values = targets.joined(separator: " ")
        let tf = FixText.terraformName(a.id)
        switch a.kind {
        case .rdsSnapshot, .rdsClusterSnapshot:
            let cluster = a.kind == .rdsClusterSnapshot ? "cluster-" : ""
            return Fix(summary: summary,
                       cli: "aws rds modify-db-\(cluster)snapshot-attribute \(region) --db-\(cluster)snapshot-identifier \(a.id) --attribute-name restore --values-to-remove \(values)",
                       terraform: "# remove \(values) from shared_accounts of the aws_db_\(cluster)snapshot that creates \(a.id)")
        case .ebsSnapshot:
            let remove = targets.map { $0 == SharedArtifact.everyone ? "--group-names all" : "--user-ids \($0)" }.joined(separator: " ")
            return Fix(summary: summary,
                       cli: "aws ec2 modify-snapshot-attribute \(region) --snapshot-id \(a.id) --attribute createVolumePermission --operation-type remove \(remove)",
                       terraform: "# remove the aws_snapshot_create_volume_permission resources of \(a.id); block public sharing for the region:\nresource \"aws_ebs_snapshot_block_public_access\" \"\(tf)\" {\n  state = \"block-all-sharing\"\n}")
        case .ami:
            let remove = targets.map { t in
                t == SharedArtifact.everyone ? "{Group=all}" : t.contains(":organizational-unit/") ? "{OrganizationalUnitArn=\(t)}"
                    : t.hasPrefix("arn:") ? "{OrganizationArn=\(t)}" : "{UserId=\(t)}"
            }.joined(separator: ",")
            return Fix(summary: summary, cli: "aws ec2 modify-image-attribute \(region) --image-id \(a.id) --launch-permission \"Remove=[\(remove)]\"",
                       terraform: "# remove the aws_ami_launch_permission resources of \(a.id); block public sharing for the region:\nresource \"aws_ec2_image_block_public_access\" \"\(tf)\" {\n  state = \"block-new-sharing\"\n}")
        }
    }

    static func ref(_ a: SharedArtifact) -> ResourceRef {
        let arn: String? = switch a.kind {
        case .ami: "arn:aws:ec2:\(a.scope.region)::image/\(a.id)"
        case .ebsSnapshot: "arn:aws:ec2:\(a.scope.region)::snapshot/\(a.id)"
        case .rdsSnapshot: a.id.hasPrefix("arn:") ? a.id : "arn:aws:rds:\(a.scope.region):\(a.scope.account):snapshot:\(a.id)"
        case .rdsClusterSnapshot: a.id.hasPrefix("arn:") ? a.id : "arn:aws:rds:\(a.scope.region):\(a.scope.account):cluster-snapshot:\(a.id)"
        }
        return ResourceRef(id: a.id, kind: a.kind.label, name: a.id, arn: arn, account: a.scope.account, region: a.scope.region)
    }
}
