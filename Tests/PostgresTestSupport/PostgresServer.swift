import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL server for the store tests: `initdb` into a temporary folder, `pg_ctl start` on a free
/// 127.0.0.1 port with its Unix socket in that folder, trust authentication, stopped (and the folder removed) by
/// `stop()`. Run as root (CI), the server runs as the `postgres` user (`runuser`), which owns the folder.
public final class PostgresServer: @unchecked Sendable {
    public let port: Int
    public let folder: URL
    private let bin: String
    private var stopped = false

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The store URL of the server's `postgres` database over TCP (user `postgres`).
    public var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }
    /// The same database over the Unix socket in the server's folder.
    public var socketURL: String { "postgresql://postgres@/postgres?host=\(folder.path)&port=\(port)" }

    /// The folder with `initdb` and `pg_ctl`: `PG_BIN`, else the newest /usr/lib/postgresql/N/bin (Debian's
    /// `postgresql` package), else PATH.
    static func binaries() throws -> String {
        let fm = FileManager.default
        if let dir = ProcessInfo.processInfo.environment["PG_BIN"], fm.isExecutableFile(atPath: dir + "/initdb") { return dir }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        for v in versions.reversed() where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/initdb") {
            return "/usr/lib/postgresql/\(v)/bin"
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where fm.isExecutableFile(atPath: "\(dir)/initdb") && fm.isExecutableFile(atPath: "\(dir)/pg_ctl") {
            return String(dir)
        }
        throw Missing(description: "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian postgresql package (scripts/setup); the PostgreSQL store tests need a real server")
    }

    public init() throws {
        bin = try Self.binaries()
        port = try Self.freePort()
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("netaudit-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if getuid() == 0 {
            try Self.run(["/usr/bin/chown", "postgres:postgres", folder.path])
        }
        let data = folder.appendingPathComponent("data").path
        do {
            try asServerUser([bin + "/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"])
            let options = "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            try asServerUser([bin + "/pg_ctl", "-D", data, "-o", options, "-l", folder.appendingPathComponent("log").path, "-w", "-t", "60", "start"])
        } catch {
            let log = (try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? ""
            stop()
            throw Missing(description: "\(error)" + (log.isEmpty ? "" : "; server log: " + log.suffix(1000)))
        }
    }

    deinit { stop() }

    /// Stops the server (immediate shutdown) and removes its folder.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        let data = folder.appendingPathComponent("data").path
        if FileManager.default.fileExists(atPath: data + "/postmaster.pid") {
            try? asServerUser([bin + "/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` with a fresh server, stopping it afterwards (also when `body` throws).
    public static func with<T>(_ body: (PostgresServer) throws -> T) throws -> T {
        let server = try PostgresServer()
        defer { server.stop() }
        return try body(server)
    }

    /// Runs a server program as the `postgres` user when this process is root (PostgreSQL refuses to run as root).
    private func asServerUser(_ arguments: [String]) throws {
        try Self.run(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments)
    }

    /// Runs a program to its end (posix_spawn and waitpid), its output in a file named in the error when it fails.
    ///
    /// Not `Process`: Foundation's waits for every holder of the child's descriptors, and the server `pg_ctl start`
    /// leaves running holds them, so `pg_ctl start` would never be seen to end.
    private static func run(_ arguments: [String]) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-pg-output-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Missing(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        guard status & 0x7f == 0 && (status >> 8) & 0xff == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw Missing(description: "\(arguments.prefix(6).joined(separator: " ")) failed (status \(status)): \(text.suffix(1000))")
        }
    }

    /// A port nothing listens on now.
    public static func freePort() throws -> Int {
        guard let port = LocalPort.free() else { throw Missing(description: "cannot find a free port") }
        return port
    }
}
