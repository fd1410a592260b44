import NetModel

/// A reachability question: from what, to what, which protocol and ports.
public struct QuerySpec: Sendable, Hashable {
    public var from: String
    public var to: String
    public var proto: IPProtocol
    /// nil: every port ("which ports are open").
    public var ports: PortSet?

    public init(from: String, to: String, proto: IPProtocol = .tcp, ports: PortSet? = nil) {
        self.from = from
        self.to = to
        self.proto = proto
        self.ports = ports
    }

    /// Why a question could not be understood.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses `P`, `P1-P2`, `P1,P2,...` (ports 0–65535).
    public static func parsePorts(_ text: String) throws(ParseError) -> PortSet {
        var ranges: [PortRange] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let lo = bounds.first ?? nil, let hi = bounds.last ?? nil, (0...65535).contains(lo),
                  (0...65535).contains(hi), lo <= hi else {
                throw ParseError(message: "'\(Quoted.value(text))' is not a port list (use P, P1-P2 or P1,P2 with ports 0-65535)")
            }
            ranges.append(PortRange(lo, hi))
        }
        return PortSet(ranges)
    }

    /// Parses `tcp`, `udp`, `icmp` or `all`.
    public static func parseProtocol(_ text: String) throws(ParseError) -> IPProtocol {
        switch text.lowercased() {
        case "tcp": return .tcp
        case "udp": return .udp
        case "icmp", "ping": return .icmp
        case "all", "any", "-1": return .all
        default: throw ParseError(message: "'\(Quoted.value(text))' is not a protocol (use tcp, udp, icmp or all)")
        }
    }

    /// Parses a question such as `can ALB reach RDS:3306`, `internet -> bastion:22`,
    /// `can app reach db on tcp/5432`, `can web ping db`.
    public static func parse(_ question: String) throws(ParseError) -> QuerySpec {
        var text = question.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix("?") { text.removeLast() }
        var proto = IPProtocol.tcp
        var ports: PortSet?
        // Trailing "on tcp/3306", "on port 22", "over udp", "on udp/53".
        let words = text.split(separator: " ").map(String.init)
        var keep = words
        if keep.count >= 2, ["on", "over", "via", "using"].contains(keep[keep.count - 2].lowercased()) {
            let spec = keep.removeLast()
            keep.removeLast()
            let pieces = spec.split(separator: "/", maxSplits: 1).map(String.init)
            if pieces.count == 2 { proto = try parseProtocol(pieces[0]); ports = try parsePorts(pieces[1]) }
            else if let p = try? parseProtocol(spec) { proto = p }
            else { ports = try parsePorts(spec) }
        } else if keep.count >= 3, keep[keep.count - 3].lowercased() == "on", keep[keep.count - 2].lowercased() == "port" {
            ports = try parsePorts(keep.removeLast())
            keep.removeLast(2)
        }
        if keep.first?.lowercased() == "can" { keep.removeFirst() }
        let verbs: [[String]] = [["reach"], ["talk", "to"], ["connect", "to"], ["access"], ["ping"], ["->"], ["→"], ["to"]]
        for verb in verbs {
            guard let i = (0..<keep.count).first(where: { i in
                i > 0 && i + verb.count < keep.count && zip(keep[i..<(i + verb.count)], verb).allSatisfy { $0.lowercased() == $1 }
            }) else { continue }
            if verb == ["ping"] { proto = .icmp }
            let from = keep[..<i].joined(separator: " ")
            var to = keep[(i + verb.count)...].joined(separator: " ")
            // "RDS:3306" — a trailing :ports unless the term is an IPv6 address.
            if let colon = to.lastIndex(of: ":"), !to.hasPrefix("arn:"), to.filter({ $0 == ":" }).count == 1 || to.contains("]:") {
                let suffix = String(to[to.index(after: colon)...])
                if !suffix.isEmpty, suffix.allSatisfy({ $0.isNumber || $0 == "," || $0 == "-" }) {
                    ports = try parsePorts(suffix)
                    to = String(to[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                }
            }
            return QuerySpec(from: from, to: to, proto: proto, ports: ports)
        }
        throw ParseError(message: "can't read the question '\(Quoted.value(question))'; ask like \"can ALB reach RDS:3306\" or use --from/--to")
    }
}

import Foundation
