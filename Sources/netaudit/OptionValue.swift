import ArgumentParser
import NetModel
import Reachability

/// Parses an option's value, naming the option in the error: `--ephemeral: '' is not a port list (...)`.
enum OptionValue {
    static func parse<T>(_ option: String, _ text: String, _ parse: (String) throws(QuerySpec.ParseError) -> T) throws -> T {
        do { return try parse(text) } catch { throw ValidationError("\(option): \(error.message)") }
    }

    /// The one port range `--ephemeral` takes.
    static func range(_ option: String, _ text: String) throws -> PortRange {
        let set = try parse(option, text, QuerySpec.parsePorts)
        guard set.ranges.count == 1, let range = set.ranges.first else {
            throw ValidationError("\(option): '\(text)' is not one port range (use P1-P2, e.g. 1024-65535)")
        }
        return range
    }
}
