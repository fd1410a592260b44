import AccessAnalysis
@testable import AWSCapture
import AWSImport
import Foundation
import JSON
import NetModel
import Policy
import Reachability

/// One check per parser: what it must do with any input (no trap, one short line per error, round trips).
enum FuzzTargets {
    static let all: [(name: String, dictionary: [String], check: FuzzDriver.Check)] = [
        ("json", ["{", "}", "[", "]", "\"", "\\u", "\\ud800", ":", ",", "true", "null", "1e999"], json),
        ("xml", ["<item>", "</item>", "<member>", "<![CDATA[", "]]>", "&amp;", "&#x110000;", "<!--", "<?xml?>", "/>", "xmlns:a=\"b\""], xml),
        ("iam", ["\"Effect\":", "\"Allow\"", "\"Principal\":", "\"Action\":", "\"Condition\":", "\"StringLike\":", "{\"AWS\":", "*", "\"Statement\":[", "42"], iam),
        ("policyfile", ["tiers:", "intents:", "rules:", "suppressions:", "allow:", "tag:", "tag:=", "ports: tcp/", "until: 2026-02-30", ": [", "- {", "&a", "*a", "!!binary"], policyFile),
        ("query", ["can ", " reach ", " -> ", " on ", "tcp/", "tag:", "tag:=", "tag:Name=", ":", "[::1]:", "arn:", " ping ", "sg-", "eni-", "10.0.0.0/8"], query),
        ("ports-cidr", ["/", "-", ",", ":", "::", ".", "%", "tcp/", "65536", "/129", "/33", "0x"], portsAndCIDRs),
        ("importer", ["\"FromPort\":", "\"ToPort\":", "\"RuleNumber\":", "\"CidrBlock\":", "\"VpcId\":", "10.0.0.999", "\"IpProtocol\":\"-1\"", "null", "\"environment\":[{\"name\":\"A\",\"value\":\"pw\"}]"], importer),
    ]

    static func text(_ input: [UInt8]) -> String { String(decoding: input, as: UTF8.self) }

    /// JSON with positions: errors are one line; what parses prints and parses back to the same tree.
    static func json(_ input: [UInt8]) -> String? {
        do {
            let value = try JSONParser.parse(input)
            let printed = value.canonicalText
            guard let again = try? JSONParser.parse(Array(printed.utf8)) else { return "printed form does not parse: \(printed.prefix(120))" }
            return again == value ? nil : "round trip changed the value: \(printed.prefix(120))"
        } catch {
            return MessageShape.problem(ImportError.malformedJSON(file: "f.json", line: error.line, column: error.column, message: error.message).description, input: input)
        }
    }

    static let shapes = ShapeModel.bundled
    static let xmlOperations = [("ec2", "DescribeSecurityGroups"), ("iam", "GetAccountAuthorizationDetails"), ("s3", "ListBuckets"),
                                ("elbv2", "DescribeLoadBalancers"), ("s3", "GetBucketPolicy")]

    /// The XML converter: any body gives a document or nil, and the document is JSON that prints and parses back.
    static func xml(_ input: [UInt8]) -> String? {
        for (service, operation) in xmlOperations {
            guard let value = XMLToCLIJSON(service: shapes.service(service)).convert(operation: operation, body: input) else { continue }
            let printed = value.canonicalText
            if (try? JSONParser.parse(Array(printed.utf8))) == nil { return "\(operation): converted document does not print as JSON: \(printed.prefix(120))" }
        }
        return nil
    }

    /// The IAM policy parser: a document or one short error.
    static func iam(_ input: [UInt8]) -> String? {
        do {
            _ = try PolicyDocument(parsing: text(input), source: "bucket/b policy")
            return nil
        } catch {
            return MessageShape.problem(error.description, input: input)
        }
    }

    static let workshop: Inventory = {
        let root = FuzzDriver.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        return (try? Importer().importPaths([root.appendingPathComponent("snapshots/workshop").path]).inventory) ?? Inventory()
    }()
    static let solver = Solver(inventory: workshop)
    static let policyPath = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-fuzz-\(getpid()).yaml")

    /// The policy file reader: a policy or one short error naming the key path; a policy that loads also scans.
    static func policyFile(_ input: [UInt8]) -> String? {
        do {
            try Data(input).write(to: policyPath)
            defer { try? FileManager.default.removeItem(at: policyPath) }
            let policy = try PolicyFile.load(policyPath.path)
            _ = try RuleEngine.scan(workshop, policy: policy, source: "fuzz", today: "2026-12-02")
            return nil
        } catch let error as PolicyFileError {
            return MessageShape.problem(error.description.replacingOccurrences(of: policyPath.path, with: "p.yaml"), input: input)
        } catch {
            return MessageShape.problem("\(error)", input: input)
        }
    }

    /// The query parser and the selectors it names: a question or one short error naming the token.
    static func query(_ input: [UInt8]) -> String? {
        do {
            let spec = try QuerySpec.parse(text(input))
            let selector = solver.selector
            _ = try selector.resolve(spec.from)
            _ = try selector.resolve(spec.to)
            return nil
        } catch let error as QuerySpec.ParseError {
            return MessageShape.problem(error.description, input: input)
        } catch {
            return MessageShape.problem("\(error)", input: input)
        }
    }

    /// Ports and CIDRs: parsed or refused, never a trap; what parses prints and parses back.
    static func portsAndCIDRs(_ input: [UInt8]) -> String? {
        let s = text(input)
        do {
            let ports = try QuerySpec.parsePorts(s)
            let printed = ports.ranges.map(\.description).joined(separator: ",")
            guard (try? QuerySpec.parsePorts(printed)) == ports else { return "ports \(printed) do not parse back" }
        } catch {
            if let problem = MessageShape.problem(error.description, input: input) { return problem }
        }
        if let prefix = IPPrefix(s) {
            guard IPPrefix(prefix.description) == prefix else { return "prefix \(prefix) does not parse back" }
            let set = AddressSet(prefix)
            guard set.contains(prefix.address), prefix.contains(prefix.address) else { return "\(prefix) does not contain its own address" }
        }
        if let address = IPAddress(s), IPAddress(address.description) != address { return "address \(address) does not parse back" }
        // Raw numbers as an importer would hand them over: reversed and out-of-range ranges are empty, not traps.
        let numbers = s.split(whereSeparator: { !$0.isNumber && $0 != "-" }).compactMap { Int($0) }
        if numbers.count >= 2 { _ = PortSet(PortRange(numbers[0], numbers[1])).description }
        _ = try? QuerySpec.parseProtocol(s)
        return nil
    }

    /// The whole importer on a mutated sample file, then a scan of what it imported.
    static func importer(_ input: [UInt8]) -> String? {
        let file = InputFile(displayPath: "sample.json", account: "123456789012", region: "us-east-1", baseName: "sample", contents: input)
        do {
            let result = try Importer().importFiles([file])
            for warning in result.inventory.warnings {
                if let problem = MessageShape.problem("\(warning.source): \(warning.message)", input: input) { return "warning \(warning.code): \(problem)" }
            }
            _ = try RuleEngine.scan(result.inventory, policy: PolicyFile(), source: "fuzz", today: "2026-12-02")
            return nil
        } catch let error as ImportError {
            return MessageShape.problem(error.description, input: input)
        } catch {
            return MessageShape.problem("\(error)", input: input)
        }
    }
}
