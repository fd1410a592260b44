import Foundation

/// Runs a program the tests need (moto setup scripts, the built `netaudit`) and captures what it prints.
public enum ChildProcess {
    /// Runs `executable` with `arguments` in `directory` (nil: the current one) with `environment` (nil: inherited);
    /// both pipes are read before waiting so a large output cannot block the child.
    public static func run(_ executable: URL, _ arguments: [String], directory: URL? = nil,
                           environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
