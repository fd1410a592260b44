import Findings
import Foundation

/// Evidence lines that cost a solver explanation (the path of an exposure) and that only some findings print:
/// findings grouped by cause show the evidence of their first member alone, so the lines of the other members
/// would be worked out for nothing.
///
/// A rule puts a placeholder line where the lines go and hands over how to work them out; the engine, once
/// findings are grouped, replaces the placeholders of the findings it reports (``resolve(_:)``). The lines are
/// the same as if they had been worked out at once: the work is pure, only its time moves.
final class DeferredEvidence: @unchecked Sendable {
    private var pending: [String: @Sendable () -> [String]] = [:]
    private let lock = NSLock()
    /// Starts every placeholder: a control character no evidence line holds.
    private static let marker = "\u{0}deferred-evidence:"

    /// A placeholder line for the lines `work` gives, worked out only if a reported finding holds it.
    func placeholder(_ work: @escaping @Sendable () -> [String]) -> String {
        lock.withLock {
            let key = Self.marker + String(pending.count)
            pending[key] = work
            return key
        }
    }

    /// The findings with each placeholder replaced by its lines (each worked out once, however many findings hold it).
    func resolve(_ findings: [Finding]) -> [Finding] {
        var done: [String: [String]] = [:]
        return findings.map { finding in
            guard finding.evidence.contains(where: { $0.hasPrefix(Self.marker) }) else { return finding }
            var out = finding
            out.evidence = finding.evidence.flatMap { line -> [String] in
                guard line.hasPrefix(Self.marker) else { return [line] }
                if let lines = done[line] { return lines }
                let lines = lock.withLock { pending[line] }?() ?? []
                done[line] = lines
                return lines
            }
            return out
        }
    }
}
