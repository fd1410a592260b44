/// Applies policy-file suppressions to findings.
public enum Suppressions {
    /// Marks each finding with the first matching suppression that is still in force; when only
    /// expired suppressions match, with the first of those, marked `expired: true` (it does not silence).
    ///
    /// - Parameters:
    ///   - today: the current date as `YYYY-MM-DD` (ISO dates compare correctly as strings).
    /// - Returns: the findings (same order, `suppression` set or cleared) and every expired suppression,
    ///   in the given order, whether or not it matched anything.
    public static func apply(_ findings: [Finding], _ suppressions: [Suppression],
                             today: String) -> (findings: [Finding], expired: [Suppression]) {
        let active = suppressions.filter { !$0.isExpired(today: today) }
        let expired = suppressions.filter { $0.isExpired(today: today) }
        let marked = findings.map { finding in
            var f = finding
            if let s = active.first(where: { $0.matches(finding) }) {
                f.suppression = AppliedSuppression(reason: s.reason, expires: s.expires, expired: false)
            } else if let s = expired.first(where: { $0.matches(finding) }) {
                f.suppression = AppliedSuppression(reason: s.reason, expires: s.expires, expired: true)
            } else {
                f.suppression = nil
            }
            return f
        }
        return (marked, expired)
    }
}
