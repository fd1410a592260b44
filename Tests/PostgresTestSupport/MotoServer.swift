import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts `moto_server` on a free 127.0.0.1 port, waits until it answers, stops it by PID.
public final class MotoServer: @unchecked Sendable {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public let port: Int
    public let process: Process
    public var url: String { "http://127.0.0.1:\(port)" }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The `moto_server` executable on PATH (CI installs it with scripts/setup).
    public static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/moto_server"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(description: "moto_server is not installed (pip install 'moto[server]==5.2.1', see scripts/setup): the live-capture tests need it")
    }

    public init(signatureChecking: Bool = false) throws {
        let exe = try MotoServer.executable()
        port = try MotoServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var env = ProcessInfo.processInfo.environment
        env["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        if signatureChecking { env["INITIAL_NO_AUTH_ACTION_COUNT"] = "0" }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !MotoServer.answers(port: port) {
            if !process.isRunning { throw Missing(description: "moto_server exited at start (port \(port))") }
            if Date() > deadline { stop(); throw Missing(description: "moto_server did not answer on port \(port) within 30 s") }
            usleep(100_000)
        }
    }

    deinit { stop() }

    /// Stops the server by its PID.
    /// Child processes inherit the test runner's blocked signals, so SIGTERM may never arrive: SIGKILL.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs `body` with a fresh server, stopping it afterwards (also when `body` throws).
    public static func with<T>(signatureChecking: Bool = false, _ body: (MotoServer) async throws -> T) async throws -> T {
        let server = try MotoServer(signatureChecking: signatureChecking)
        defer { server.stop() }
        return try await body(server)
    }

    public static func freePort() throws -> Int {
        guard let port = LocalPort.free() else { throw Missing(description: "cannot find a free port") }
        return port
    }

    public static func answers(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Runs `scripts/capture/moto_setup.py` (or any script) with python3; returns its standard output.
    @discardableResult
    public static func python(_ arguments: [String]) throws -> String {
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, directory: packageRoot)
        guard run.status == 0 else {
            throw Missing(description: "python3 \(arguments.joined(separator: " ")) failed: \(run.stderr.suffix(2000))")
        }
        return run.stdout
    }

    public func setup(_ command: String, _ extra: String...) throws -> String {
        try MotoServer.python(["scripts/capture/moto_setup.py", command, url] + extra)
    }
}

/// Dummy credentials for a moto server without signature checking.
public let motoEnvironment: [String: String] = [
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "HOME": "/nonexistent",
]
