import ArgumentParser
import Foundation
import NetModel

/// The `netaudit` command line: a thin shell over the pipeline's libraries.
@main
struct Netaudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netaudit",
        abstract: "Audit AWS network and security configuration from snapshots.",
        discussion: """
            Exit codes: 0 success, 2 usage or input error.
            Example: netaudit import snapshots/workshop --out workshop.db && netaudit inspect workshop.db
            """,
        version: NetauditVersion.current,
        subcommands: [ImportCommand.self, SnapshotCommand.self, InspectCommand.self, QueryCommand.self, MatrixCommand.self, ScanCommand.self, GraphCommand.self, DiffCommand.self]
    )

    /// Runs the command; usage and input errors exit 2 with one clear message.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as CustomStringConvertible & Error where !(error is LocalizedError) {
            // netaudit's own typed errors (ImportError, StoreError, ...) are already user-facing.
            Terminal.error(error.description)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            // Argument parsing and validation: the parser's message and usage, exit 2.
            Terminal.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}
