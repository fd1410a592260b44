import ArgumentParser
import Foundation
import JSON
import NetModel
import Reachability
import SnapshotStore

/// `netaudit query SNAP.db "can ALB reach RDS:3306"`: can X reach Y, with the path or every blocker.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Can X reach Y? The path when yes, every blocking hop when no.",
        discussion: """
            Ask in words ("can ALB reach RDS:3306", "internet -> bastion:22", "can app ping db") or with \
            --from/--to. X and Y may be a resource ID (eni-, i-, sg- (its members), subnet-, vpc-), an RDS \
            identifier, a load balancer name or ARN, a Name tag, a private or public IP address, a CIDR, \
            internet, onprem (or a customer gateway's Name tag or ID, vpn-, dxgw-, a CIDR behind a VPN), a kind \
            (alb, nlb, elb, rds, ec2, lambda, nat, asg) or tag:Key=Value. An address is its own endpoint (private, \
            secondary, public or IPv6). Without a port, the answer lists the open ports.
            Exit codes: 0 reachable, 1 not reachable, 2 error, 3 unknown (a hop can't be judged from the \
            snapshot and no judged hop blocks; the answer says why).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The snapshot file, or with --store the snapshot's name.")
    var snapshot: String

    @OptionGroup var storage: StoreOptions

    @Argument(help: "The question, e.g. \"can ALB reach RDS:3306\".")
    var question: String?

    @Option(help: "Source (instead of a question).")
    var from: String?

    @Option(help: "Destination (instead of a question).")
    var to: String?

    @Option(help: "Ports: P, P1-P2 or P1,P2.")
    var port: String?

    @Option(name: .customLong("protocol"), help: "tcp, udp, icmp or all.")
    var proto: String?

    @Option(help: "Ephemeral port range for return traffic through NACLs (default 1024-65535).")
    var ephemeral: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if question == nil && (from == nil || to == nil) {
            throw ValidationError("give a question (\"can ALB reach RDS:3306\") or both --from and --to")
        }
        if question != nil && (from != nil || to != nil) {
            throw ValidationError("give either a question or --from/--to, not both")
        }
    }

    func run() throws {
        var spec: QuerySpec
        if let question { spec = try QuerySpec.parse(question) }
        else if let from, let to { spec = QuerySpec(from: from, to: to) }
        else { throw ValidationError("give a question or both --from and --to") }
        if let proto { spec.proto = try OptionValue.parse("--protocol", proto, QuerySpec.parseProtocol) }
        if let port { spec.ports = try OptionValue.parse("--port", port, QuerySpec.parsePorts) }
        var options = FlowOptions()
        if let ephemeral { options.ephemeralPorts = try OptionValue.range("--ephemeral", ephemeral) }
        let (solver, pairs): (Solver, [PairAnswer])
        let source = try storage.open(snapshot)
        if let reader = source as? SnapshotReader {
            (solver, pairs) = try Solver.focused(spec, options: options, neighbourhood: { try reader.neighbourhood($0) },
                                                 everything: { try reader.queryInventory() }, loadGroups: { try reader.securityGroups(ids: $0) })
        } else {
            // A stored snapshot loads whole (security groups with their rules).
            let inventory = try source.inventory()
            (solver, pairs) = try Solver.focused(spec, inventory: inventory, options: options,
                                                 loadGroups: { ids in inventory.securityGroups.filter { ids.contains($0.id) } })
        }
        guard !pairs.isEmpty else {
            throw ValidationError("'\(spec.from)' and '\(spec.to)' name the same resource; nothing to ask")
        }
        let answer = QueryAnswer(spec: spec, pairs: pairs, notes: solver.catalog.notes)
        switch format {
        case .json: try JSONOutput.print(answer)
        case .text: QueryText.print(answer, spec: spec)
        }
        switch answer.verdict {
        case .reachable: break
        case .blocked: throw ExitCode(1)
        case .unknown: throw ExitCode(3)
        }
    }
}

/// Pretty JSON on standard output (sorted keys, unescaped slashes, ISO 8601 dates: Foundation's pretty bytes).
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        // The encoder's bytes as they are, not through a String (a matrix or an answer can be megabytes).
        var bytes = try SortedJSONEncoder(pretty: true).encode(value)
        bytes.append(UInt8(ascii: "\n"))
        fflush(nil)  // whatever print() buffered goes first
        FileHandle.standardOutput.write(Data(bytes))
    }
}
