import Foundation

/// A small lock wrapper.
final class NSLockShim: @unchecked Sendable {
    private let lock = NSLock()
    func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
