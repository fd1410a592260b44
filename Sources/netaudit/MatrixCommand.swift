import ArgumentParser
import Foundation
import NetModel
import Policy
import Reachability
import SnapshotStore

/// `netaudit matrix SNAP.db`: which tiers can talk to which, on which ports.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Which tiers can talk to which on which ports, including the internet.",
        discussion: """
            Default tiers: the internet, each load balancer, each Auto Scaling group, other instances by \
            Name tag (untagged ones by security groups), each RDS database and Lambda function. A tiers file \
            (YAML, `tiers:` mapping names to selectors such as alb, sg-..., tag:Role=app) defines them explicitly.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The snapshot file, or with --store the snapshot's name.")
    var snapshot: String

    @OptionGroup var storage: StoreOptions

    @Option(help: "A YAML file with a `tiers:` section (e.g. policies/tiers.yaml).")
    var tiers: String?

    @Option(name: .customLong("protocol"), help: "tcp or udp.")
    var proto: String = "tcp"

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func run() throws {
        let ipProtocol = try OptionValue.parse("--protocol", proto, QuerySpec.parseProtocol)
        let solver = Solver(inventory: try storage.open(snapshot).inventory())
        let tierList = try tiers.map { try solver.tiers(TierDefinitions.load($0).tiers) } ?? solver.defaultTiers()
        let matrix = solver.matrix(tierList, proto: ipProtocol)
        switch format {
        case .json: try JSONOutput.print(matrix.cells)
        case .csv:
            print("from,to,protocol,ports,via,unknown")
            for c in matrix.cells {
                print([c.from, c.to, "\(ipProtocol)", portText(c.ports), c.via.joined(separator: ";"), (c.unknown ?? []).joined(separator: ";")]
                    .map(csv).joined(separator: ","))
            }
        case .table:
            let rows = matrix.cells.map { c in
                let note = [c.via.isEmpty ? nil : "via \(c.via.joined(separator: ", "))", c.unknown.map { "? unknown: \($0.joined(separator: "; "))" }]
                return [c.from, c.to, c.ports.isEmpty ? (c.unknown == nil ? "-" : "?") : "\(ipProtocol)/\(portText(c.ports))",
                        note.compactMap { $0 }.joined(separator: "; ")]
            }
            TableText.print(header: ["FROM", "TO", "PORTS", "NOTE"], rows: rows)
            let unknown = matrix.cells.filter { $0.unknown != nil && $0.ports.isEmpty && $0.via.isEmpty }.count
            print("\(matrix.tiers.count) tiers; \(matrix.cells.count - unknown) pairs can talk" + (unknown > 0 ? "; \(unknown) can't be judged (?)" : ""))
        }
    }

    private func portText(_ ports: [[Int]]) -> String {
        ports.map { $0[0] == $0[1] ? "\($0[0])" : "\($0[0])-\($0[1])" }.joined(separator: ",")
    }

    private func csv(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"\(s.replacingOccurrences(of: "\"", with: "\"\""))\"" : s }
}

/// Aligned text tables.
enum TableText {
    static func print(header: [String], rows: [[String]]) {
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        Swift.print(Terminal.styled(line(header), .bold))
        for r in rows { Swift.print(line(r)) }
    }
}
