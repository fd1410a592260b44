import Foundation

/// Snapshot files being written, removed if the process is interrupted (Ctrl-C).
public enum TemporaryFiles {
    nonisolated(unsafe) private static var paths: Set<String> = []
    private static let lock = NSLock()

    static func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    static func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Removes every registered file. Call from a SIGINT/SIGTERM handler before exiting.
    public static func removeAll() {
        lock.withLock {
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }

    /// Installs SIGINT and SIGTERM handlers that remove half-written snapshots, then exit 130/143.
    public static func installSignalCleanup() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { number in
                TemporaryFiles.removeAll()
                _exit(128 + number)
            }
        }
    }
}
