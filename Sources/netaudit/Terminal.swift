import Foundation

/// Output helpers: color only on a terminal (and never with NO_COLOR), errors to stderr.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1
    static let colorAllowed = ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    /// Wraps `text` in an ANSI style when standard output is a terminal.
    static func styled(_ text: String, _ style: Style, tty: Bool = stdoutIsTTY) -> String {
        tty && colorAllowed ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Prints `netaudit: error: message` to standard error.
    static func error(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        var text = lines.first.map { String($0) } ?? ""
        if text.lowercased().hasPrefix("error: ") { text.removeFirst("error: ".count) }
        let rest = lines.dropFirst().joined(separator: "\n")
        printErr(styled("netaudit: error: ", .red, tty: stderrIsTTY) + text + (rest.isEmpty ? "" : "\n" + rest))
    }

    /// Prints a warning line to standard error.
    static func warning(_ message: String) {
        printErr(styled("warning: ", .yellow, tty: stderrIsTTY) + message)
    }

    static func printErr(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
