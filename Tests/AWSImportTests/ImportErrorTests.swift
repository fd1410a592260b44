import Foundation
import Testing
@testable import AWSImport
import NetModel

@Suite("Bad input gives one clear error or warning")
struct ImportErrorTests {
    @Test("a truncated file names the file, line and column")
    func truncated() {
        let path = Fixtures.path("malformed/truncated-security-groups.json")
        #expect(throws: ImportError.malformedJSON(file: path, line: 3, column: 43,
                                                  message: "unexpected end of file inside an object (the file looks truncated)")) {
            try Importer().importPaths([path])
        }
    }

    @Test("malformed JSON stops the import unless skipped, then it is a warning and the rest is kept")
    func skipInvalid() throws {
        #expect(throws: ImportError.self) { try Importer().importPaths([Fixtures.path("malformed")]) }
        let result = try Importer(skipInvalid: true).importPaths([Fixtures.path("malformed"), Fixtures.path("unrecognized/vpcs.json")])
        #expect(result.inventory.vpcs.map(\.id) == ["vpc-kept"])
        let codes = result.inventory.warnings.map(\.code)
        #expect(codes == ["invalid-document", "invalid-document"])
        #expect(result.inventory.warnings[0].source.hasSuffix("trailing-comma.json"))
        #expect(result.rawDocuments.filter { $0.kind == "invalid" }.count == 2)
    }

    @Test("a document of the wrong shape names the member", arguments: [
        ("wrong-shape/vpcs-not-a-list.json", "Vpcs should be an array but is an object"),
        ("wrong-shape/route-without-destination.json", "RouteTables[0].Routes[0] has no DestinationCidrBlock"),
        // Values AWS itself never returns, which would otherwise reach the solver (issue 12: never a trap).
        ("wrong-shape/sg-reversed-ports.json", "SecurityGroups[0].IpPermissions[0]: FromPort 443 and ToPort 80 are not a port range (0-65535, FromPort <= ToPort)"),
        ("wrong-shape/nacl-port-out-of-range.json", "NetworkAcls[0].Entries[0].PortRange: From 1 and To 65536 are not a port range (0-65535, From <= To)"),
        ("wrong-shape/nacl-rule-number.json", "NetworkAcls[0].Entries[0]: RuleNumber 40000 is outside 1-32766 (32767 is the default rule)"),
        ("wrong-shape/eni-bad-address.json", "NetworkInterfaces[0].PrivateIpAddresses[0].PrivateIpAddress: '10.0.0.999' is not an IP address"),
        ("wrong-shape/eip-bad-public-address.json", "Addresses[0].PublicIp: '52.0.0.300' is not an IP address"),
    ])
    func wrongShape(file: String, message: String) {
        let path = Fixtures.path(file)
        #expect {
            try Importer().importPaths([path])
        } throws: { error in
            "\(error)" == "\(path): \(message)"
        }
    }

    @Test("unknown and unsupported documents are warnings naming the file, kept raw; other files still import")
    func unrecognized() throws {
        let result = try Importer().importPaths([Fixtures.path("unrecognized")])
        #expect(result.fileCount == 3)
        #expect(result.inventory.vpcs.count == 1)
        let warnings = result.inventory.warnings
        #expect(warnings.map(\.code) == ["unsupported-document", "unrecognized-document"])
        #expect(warnings[1].source.hasSuffix("mystery.json") && warnings[1].message.contains("Frobnicators"))
        #expect(warnings[0].source.hasSuffix("dynamodb-list-tables.json") && warnings[0].message.contains("DynamoDB tables"))
        #expect(result.rawDocuments.map(\.kind) == ["unsupported:TableNames", "unrecognized", "Vpcs"])
    }

    @Test("a *.json that is a link to a device, a FIFO or a broken link is an error naming it, never skipped in silence",
          arguments: ["device", "fifo", "broken"])
    func notRegularFiles(kind: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-special-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Fixtures.path("unrecognized/vpcs.json"), toPath: dir.appendingPathComponent("vpcs.json").path)
        let special = dir.appendingPathComponent("odd.json").path
        switch kind {
        case "device": try FileManager.default.createSymbolicLink(atPath: special, withDestinationPath: "/dev/null")
        case "fifo": #expect(mkfifo(special, 0o644) == 0)
        default: try FileManager.default.createSymbolicLink(atPath: special, withDestinationPath: dir.appendingPathComponent("gone").path)
        }
        #expect(throws: ImportError.unreadable(file: special, reason: "not a regular file (a device, FIFO or socket, or a broken link)")) {
            try Importer().importPaths([dir.path])
        }
    }

    @Test("a file over the size limit is refused before it is read, naming the file, its size and the limit")
    func sizeLimit() throws {
        let path = Fixtures.path("unrecognized/vpcs.json")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(throws: ImportError.unreadable(file: path, reason: "is \(size) bytes, over the \(size - 1)-byte limit (raise it with --max-file-mb)")) {
            try Importer(maxFileBytes: size - 1).importPaths([path])
        }
        #expect(try Importer(maxFileBytes: size).importPaths([path]).inventory.vpcs.count == 1)
    }

    @Test("an empty folder and a missing path are errors")
    func emptyAndMissing() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-empty-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ImportError.noJSONFiles(empty.path)) { try Importer().importPaths([empty.path]) }
        #expect(throws: ImportError.pathNotFound("/no/such/folder")) { try Importer().importPaths(["/no/such/folder"]) }
    }

    @Test("an interface's public IP given only at interface level (as moto prints it) belongs to its primary address")
    func interfaceLevelAssociation() throws {
        let eni = try #require(try Importer().importPaths([Fixtures.path("interface-level-association")]).inventory.networkInterfaces.first)
        #expect(eni.publicIps == ["54.214.2.216"] && eni.privateAddresses.first { $0.primary }?.publicIp == "54.214.2.216")
    }

    @Test("region and account folder names are recognised", arguments: [
        ("us-east-1", true), ("eu-central-2", true), ("us-gov-west-1", true), ("ap-southeast-4", true),
        ("us-east", false), ("snapshots", false), ("US-EAST-1", false), ("s3api-get-bucket-acl", false),
    ])
    func regionNames(name: String, isRegion: Bool) {
        #expect(InputFile.isRegion(name) == isRegion)
    }
}
