import Foundation

/// Reads the finding IDs of a previous `--format json` report, for `--baseline`.
public enum Baseline {
    /// The IDs of every finding in the report at `path`.
    ///
    /// Throws ``ReportError/baselineUnreadable(path:)`` for a missing or unreadable file and
    /// ``ReportError/baselineMalformed(path:reason:)`` for one that is not a report with `findings`.
    public static func load(_ path: String) throws(ReportError) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .baselineUnreadable(path: path)
        }
        return try ids(in: data, path: path)
    }

    /// The finding IDs in report JSON `data`, with the per-resource IDs of grouped findings' resources
    /// (`resources[].finding_id`); `path` names the source in errors.
    public static func ids(in data: Data, path: String) throws(ReportError) -> Set<String> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .baselineMalformed(path: path, reason: "not valid JSON")
        }
        guard let report = object as? [String: Any] else {
            throw .baselineMalformed(path: path, reason: "not a netaudit JSON report (expected an object)")
        }
        guard let findings = report["findings"] as? [Any] else {
            throw .baselineMalformed(path: path, reason: "no \"findings\" array (use a --format json report)")
        }
        var ids = Set<String>()
        for (index, entry) in findings.enumerated() {
            guard let finding = entry as? [String: Any], let id = finding["id"] as? String else {
                throw .baselineMalformed(path: path, reason: "finding \(index) has no \"id\"")
            }
            ids.insert(id)
            for member in finding["resources"] as? [Any] ?? [] {
                if let memberId = (member as? [String: Any])?["finding_id"] as? String { ids.insert(memberId) }
            }
        }
        return ids
    }
}
