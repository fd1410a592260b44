import Findings
import NetModel
import Reachability

/// Storage not encrypted at rest.
struct RDSStorageUnencrypted: Rule {
    static let info = RuleInfo(
        id: "rds-storage-unencrypted", title: "RDS storage not encrypted", defaultSeverity: .medium,
        rationale: "Unencrypted storage, snapshots and backups expose data to anyone who obtains them.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.inventory.dbInstances.filter { !$0.storageEncrypted }.map { db in
            finding(context.resource(db), title: "\(db.id) stores data unencrypted", detail: "unencrypted",
                    evidence: ["StorageEncrypted: false"],
                    fix: Fix(summary: "Encryption can't be turned on in place: snapshot, copy the snapshot with a KMS key, restore, switch over.",
                             cli: "aws rds create-db-snapshot --db-instance-identifier \(db.id) --db-snapshot-identifier \(db.id)-pre-encrypt\naws rds copy-db-snapshot --source-db-snapshot-identifier \(db.id)-pre-encrypt --target-db-snapshot-identifier \(db.id)-encrypted --kms-key-id alias/aws/rds",
                             terraform: "resource \"aws_db_instance\" \"\(FixText.terraformName(db.id))\" {\n  # ...\n  storage_encrypted = true\n}"))
        }
    }
}
