import Foundation
import NetModel
import Yams

/// Tier definitions from a policy file:
///
/// ```yaml
/// tiers:
///   web: [alb]
///   app: ["tag:aws:autoscaling:groupName=demo-app-asg"]
///   db: [rds]
/// ```
/// Each tier is the union of its selector terms (anything `netaudit query` accepts).
public struct TierDefinitions: Sendable, Hashable {
    public var tiers: [(name: String, terms: [String])]

    public static func == (a: TierDefinitions, b: TierDefinitions) -> Bool {
        a.tiers.map(\.name) == b.tiers.map(\.name) && a.tiers.map(\.terms) == b.tiers.map(\.terms)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(tiers.map(\.name)) }

    /// Reads the `tiers:` section of a YAML file, keeping the file's order.
    public static func load(_ path: String) throws(PolicyFileError) -> TierDefinitions {
        let root = try YAMLDocument.load(path)
        return try parse(root, path: path)
    }

    static func parse(_ root: Node, path: String) throws(PolicyFileError) -> TierDefinitions {
        guard let section = root.mapping?["tiers"] else { return TierDefinitions(tiers: []) }
        guard let mapping = section.mapping else { throw .invalid(path: path, at: "tiers", reason: "must map tier names to lists of selectors") }
        var out: [(String, [String])] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw .invalid(path: path, at: "tiers", reason: "tier names must be strings") }
            let terms: [String]
            if let s = value.string { terms = [s] }
            else if let seq = value.sequence {
                terms = try seq.map { (item: Node) throws(PolicyFileError) -> String in
                    guard let s = item.string else { throw .invalid(path: path, at: "tiers.\(name)", reason: "selectors must be strings") }
                    return s
                }
            } else { throw .invalid(path: path, at: "tiers.\(name)", reason: "must be a selector or a list of selectors") }
            if terms.isEmpty { throw .invalid(path: path, at: "tiers.\(name)", reason: "has no selectors (an empty tier matches nothing)") }
            for (i, term) in terms.enumerated() {
                let t = term.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { throw .invalid(path: path, at: "tiers.\(name)[\(i)]", reason: "is an empty selector") }
                if t.lowercased().hasPrefix("tag:"), t.dropFirst(4).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first?.isEmpty ?? true {
                    throw .invalid(path: path, at: "tiers.\(name)[\(i)]", reason: "'\(Quoted.value(t))' has no tag key (use tag:Key or tag:Key=Value)")
                }
            }
            out.append((name, terms))
        }
        return TierDefinitions(tiers: out)
    }
}

/// Loading YAML files with one clear error per problem.
enum YAMLDocument {
    /// Policy files are a few kilobytes; anything past this is not one (and YAML parsing of it would take minutes).
    static let maxBytes = 4 << 20

    static func load(_ path: String) throws(PolicyFileError) -> Node {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw .unreadable(path: path, reason: "is \(size) bytes; policy files over \(maxBytes >> 20) MiB are refused")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) }
        catch { throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "\(error.localizedDescription)" : "no such file") }
        do {
            return try Yams.compose(yaml: text) ?? Node("")
        } catch {
            throw .malformed(path: path, reason: message(error))
        }
    }

    /// Yams' error as position and problem, without the snippet of the file it appends (one line, no echo).
    static func message(_ error: any Error) -> String {
        guard let yaml = error as? YamlError else { return Quoted.value("\(error)") }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let during = context.map { "\($0.text) (line \($0.mark.line), column \($0.mark.column)): " } ?? ""
            return "line \(mark.line), column \(mark.column): \(Quoted.value(during + problem, limit: 120))"
        case let .reader(problem, offset, _, _):
            return Quoted.value(problem, limit: 120) + (offset.map { " at byte \($0)" } ?? "")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().prefix(3).map { "'\(Quoted.value($0, limit: 40))'" }.joined(separator: ", ")
            return "line \(context.mark.line), column \(context.mark.column): duplicate key \(keys)"
        default:
            return Quoted.value(yaml.description, limit: 120)
        }
    }
}
