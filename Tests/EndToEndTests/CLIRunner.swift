import Foundation
import PostgresTestSupport

/// Runs the built `netaudit` binary as a user would and captures what it prints.
struct CLIRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `netaudit` executable next to the test bundle (SwiftPM builds it as a dependency of this target).
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("netaudit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/netaudit")
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        let run = try ChildProcess.run(binary, arguments, directory: packageRoot, environment: env)
        return Output(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/AWSImportTests/Fixtures").appendingPathComponent(name).path
    }
}
