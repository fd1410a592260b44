import Foundation

/// A few results written by concurrent workers, one slot each.
final class Slots<T>: @unchecked Sendable {
    private var slots: [Int: T] = [:]
    private let lock = NSLock()

    func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> T? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

/// Phase timings on standard error when `NETAUDIT_DIFF_TIMING` is set.
final class PhaseTimer: @unchecked Sendable {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["NETAUDIT_DIFF_TIMING"] != nil

    func lap(_ label: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data("diff \(label): \(Int(now.timeIntervalSince(last) * 1000)) ms\n".utf8))
        last = now
    }
}
