import JSON
/// `aws cloudformation list-exports` (`{"Exports": [{"ExportingStackId", "Name", "Value"}]}`): not a resource, kept as
/// its raw document, and read back when a template is laid over the snapshot, for `Fn::ImportValue` ("Fn::ImportValue",
/// AWS CloudFormation User Guide: an export's name is unique in its account and region).
public enum CloudFormationExports {
    /// Export values by name; a member missing or of the wrong type is an error naming it.
    static func values(_ root: Node) throws(ImportError) -> [String: String] {
        var out: [String: String] = [:]
        for item in try root.array("Exports") {
            out[try item.requiredString("Name")] = try item.requiredString("Value")
        }
        return out
    }

    /// Export values by name from the text of a stored `list-exports` document (empty when it cannot be read).
    public static func values(stored text: String) -> [String: String] {
        guard let root = try? JSONParser.parse(Array(text.utf8)) else { return [:] }
        return (try? values(Node(root: root, file: "list-exports"))) ?? [:]
    }
}
