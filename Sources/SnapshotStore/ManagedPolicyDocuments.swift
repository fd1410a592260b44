import NetModel
import SigV4

/// AWS-managed policy documents (`arn:aws:iam::aws:policy/...`) are the same in every account: the PostgreSQL
/// store keeps each ARN + document version once per snapshot in `aws_managed_policy_documents`, keyed by the
/// document's SHA-256, and the `iam_policies` rows (column `document` and the `data` JSON) hold the reference
/// `sha256:<hex>` instead of the text.
enum ManagedPolicyDocuments {
    static let table = "aws_managed_policy_documents"
    static let prefix = "sha256:"

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
}
