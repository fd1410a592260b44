import Foundation

/// Runs Graphviz's `dot` as a subprocess to turn DOT into SVG or PNG.
public struct Graphviz: Sendable {
    /// The output formats `dot -T` is asked for.
    public enum Format: String, Sendable { case svg, png }

    /// The `dot` executable, found on the PATH (or nil).
    public var executable: String?

    /// Looks for `dot` in the directories of `path` (a `PATH`-style list; the process's by default).
    public init(path: String? = ProcessInfo.processInfo.environment["PATH"]) {
        executable = (path ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/dot" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `dot` is installed.
    public var isAvailable: Bool { executable != nil }

    /// Renders `dot` text; throws ``GraphError/graphvizMissing`` without Graphviz.
    public func render(_ dot: String, as format: Format) throws(GraphError) -> Data {
        guard let executable else { throw .graphvizMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format.rawValue)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .graphvizMissing }
        // Write from another thread so a large output cannot deadlock against a full input pipe.
        let writer = input.fileHandleForWriting
        let text = Data(dot.utf8)
        let thread = Thread {
            writer.write(text)
            try? writer.close()
        }
        thread.start()
        let stderrReader = ErrorCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = stderrReader.finish()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .graphvizFailed(status: process.terminationStatus, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }

    /// An SVG fragment for inlining into HTML: the `<svg>` element without the XML prolog and doctype.
    public func inlineSVG(_ dot: String) throws(GraphError) -> String {
        let svg = String(decoding: try render(dot, as: .svg), as: UTF8.self)
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
