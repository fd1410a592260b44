import GRDB
import NetModel
import SigV4

/// AWS-managed policy documents (`arn:aws:iam::aws:policy/...`) are the same in every account: both stores keep
/// each ARN + document version once per snapshot in `aws_managed_policy_documents`, keyed by the document's
/// SHA-256, and the `iam_policies` rows (column `document` and the `data` JSON) hold the reference
/// `sha256:<hex>` instead of the text. SQLite files from before schema 6 hold the documents inline.
enum ManagedPolicyDocuments {
    static let table = "aws_managed_policy_documents"
    static let prefix = "sha256:"
    /// The first SQLite schema version with the table (the PostgreSQL store has had it from its start).
    static let introducedIn = 6
    /// The table, the same in both stores (`qualifier`: the PostgreSQL schema, quoted, with its dot).
    static func create(qualifier: String = "") -> String {
        "CREATE TABLE \(qualifier)\(table) (arn TEXT NOT NULL, sha256 TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (arn, sha256))"
    }

    /// The inventory with AWS-managed documents replaced by references, and the documents (ARN, digest, text), each once.
    static func split(_ inventory: Inventory) -> (Inventory, [[String?]]) {
        var out = inventory
        var seen = Set<String>()
        var documents: [[String?]] = []
        for i in out.managedPolicies.indices where out.managedPolicies[i].isAWSManaged {
            guard let document = out.managedPolicies[i].document else { continue }
            let digest = Crypto.hex(Crypto.sha256(Array(document.utf8)))
            if seen.insert(out.managedPolicies[i].id + " " + digest).inserted {
                documents.append([out.managedPolicies[i].id, digest, withoutNUL(document)])
            }
            out.managedPolicies[i].document = prefix + digest
        }
        return (out, documents)
    }

    /// Puts the documents back in place of their references (`documents` keyed by ARN and digest); a reference
    /// with no document is left nil (the snapshot lacks it).
    static func join(_ policies: inout [ManagedPolicy], _ documents: [String: String]) {
        for i in policies.indices {
            guard policies[i].isAWSManaged, let reference = policies[i].document, reference.hasPrefix(prefix) else { continue }
            policies[i].document = documents[policies[i].id + " " + reference.dropFirst(prefix.count)]
        }
    }

    /// Writes the documents `split` returned into a SQLite file's table (created here).
    static func insert(_ documents: [[String?]], _ db: Database) throws {
        try db.execute(sql: create())
        let statement = try db.makeStatement(sql: "INSERT INTO \(table) (arn, sha256, document) VALUES (?, ?, ?)")
        for row in documents { try statement.execute(arguments: StatementArguments(row)) }
    }

    /// Puts a SQLite file's documents back into the loaded policies.
    static func join(_ policies: inout [ManagedPolicy], _ db: Database) throws {
        guard policies.contains(where: { $0.isAWSManaged }) else { return }
        var documents: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT arn, sha256, document FROM \(table)")
        while let row = try rows.next() {
            let arn: String = row[0], digest: String = row[1]
            documents[arn + " " + digest] = row[2]
        }
        join(&policies, documents)
    }
}
