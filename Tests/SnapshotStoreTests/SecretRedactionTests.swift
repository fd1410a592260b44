import AWSImport
import Foundation
import NetModel
import SnapshotStore
import Testing

/// Secret-bearing fields of every stored document, modelled or raw, never reach the snapshot file; a
/// `secret-redacted` warning names each path (never the value).
@Suite("Secrets in stored documents", .serialized)
struct SecretRedactionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Imports the files, writes the snapshot, and returns its bytes (with any journal) and the import's warnings.
    static func snapshot(_ files: [InputFile], skipInvalid: Bool = false) throws -> (bytes: Data, warnings: [CaptureWarning]) {
        let result = try Importer(skipInvalid: skipInvalid).importFiles(files)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-secrets-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["123456789012"], regions: ["us-east-1"], toolVersion: "test", origin: ["fixtures"])
        let path = folder.appendingPathComponent("s.db").path
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments), to: path)
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            bytes.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return (bytes, result.inventory.warnings)
    }

    static func file(_ name: String, _ json: String) -> InputFile {
        InputFile(displayPath: name, account: "123456789012", region: "us-east-1", baseName: name, contents: Array(json.utf8))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        var secret: String
        var path: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Lambda Environment.Variables", json: #"{"Functions": [{"FunctionName": "f", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:f", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/r", "Environment": {"Variables": {"DB_PASSWORD": "FAKEsecretLambda"}}}]}"#,
             secret: "FAKEsecretLambda", path: "Functions[0].Environment.Variables.DB_PASSWORD"),
        Case(name: "Secrets Manager SecretString (raw document)", json: #"{"ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db", "Name": "db", "SecretString": "{\"password\":\"FAKEsecretSm\"}"}"#,
             secret: "FAKEsecretSm", path: "SecretString"),
        Case(name: "SSM SecureString Parameter.Value", json: #"{"Parameter": {"Name": "/db/pw", "Type": "SecureString", "Value": "FAKEsecretSsm", "Version": 1}}"#,
             secret: "FAKEsecretSsm", path: "Parameter.Value"),
        Case(name: "SSM Parameters[].Value", json: #"{"Parameters": [{"Name": "/a", "Type": "String", "Value": "FAKEsecretPlain"}], "InvalidParameters": []}"#,
             secret: "FAKEsecretPlain", path: "Parameters[0].Value"),
        Case(name: "members named like passwords and tokens", json: #"{"Things": [{"Id": "x", "MasterUserPassword": "FAKEsecretPw", "Auth": {"AuthToken": "FAKEsecretTok"}}]}"#,
             secret: "FAKEsecretPw", path: "Things[0].MasterUserPassword"),
        Case(name: "PEM private key in any string", json: #"{"KeyName": "k", "KeyMaterial": "-----BEGIN RSA PRIVATE KEY-----\nMIIFAKEpemBody\n-----END RSA PRIVATE KEY-----"}"#,
             secret: "MIIFAKEpemBody", path: "KeyMaterial"),
        Case(name: "EC2 UserData of describe-instance-attribute", json: #"{"InstanceId": "i-0123", "UserData": {"Value": "RkFLRXVzZXJkYXRh"}}"#,
             secret: "RkFLRXVzZXJkYXRh", path: "UserData.Value"),
        Case(name: "launch template data UserData", json: #"{"LaunchTemplateVersions": [{"LaunchTemplateId": "lt-1", "VersionNumber": 1, "LaunchTemplateData": {"ImageId": "ami-1", "UserData": "RkFLRWx0dXNlcmRhdGE="}}]}"#,
             secret: "RkFLRWx0dXNlcmRhdGE=", path: "LaunchTemplateVersions[0].LaunchTemplateData.UserData"),
        Case(name: "a name/value environment list anywhere", json: #"{"jobDefinitions": [{"jobDefinitionName": "j", "containerProperties": {"environment": [{"name": "TOKEN", "value": "FAKEsecretBatch"}]}}]}"#,
             secret: "FAKEsecretBatch", path: "jobDefinitions[0].containerProperties.environment[0].value"),
    ]

    @Test("no secret value in the snapshot file; the warning names the path", arguments: cases)
    func redacted(_ c: Case) throws {
        let (bytes, warnings) = try Self.snapshot([Self.file("doc.json", c.json)])
        #expect(bytes.range(of: Data(c.secret.utf8)) == nil, "\(c.secret) reached the snapshot")
        let warning = try #require(warnings.first { $0.code == "secret-redacted" })
        #expect(warning.message.contains(c.path), "\(warning.message)")
        #expect(!warnings.contains { $0.message.contains(c.secret) })
    }

    @Test("ECS task definitions and tasks: containerDefinitions[].environment and containerOverrides[].environment values")
    func ecsEnvironment() throws {
        let folder = Self.root.appendingPathComponent("snapshots/todo-ecs/123456789012/us-east-1")
        let definition = try Data(contentsOf: folder.appendingPathComponent("ecs-describe-task-definition/todoapp-backend-1.json"))
        var tasks = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("ecs-describe-tasks/todoapp-cluster.json"))) as? [String: Any])
        var list = try #require(tasks["tasks"] as? [[String: Any]])
        list[0]["overrides"] = ["containerOverrides": [["name": "frontend", "environment": [["name": "API_KEY", "value": "FAKEsecretOverride"]]]]]
        tasks["tasks"] = list
        let tasksJSON = String(decoding: try JSONSerialization.data(withJSONObject: tasks), as: UTF8.self)
        let (bytes, warnings) = try Self.snapshot([Self.file("td.json", String(decoding: definition, as: UTF8.self)), Self.file("tasks.json", tasksJSON)])
        for secret in ["sample-only-not-a-password", "FAKEsecretOverride"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) reached the snapshot")
        }
        let messages = warnings.filter { $0.code == "secret-redacted" }.map { "\($0.source): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("td.json") && $0.contains("taskDefinition.containerDefinitions[0].environment[0].value") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("tasks.json") && $0.contains("tasks[0].overrides.containerOverrides[0].environment[0].value") }, "\(messages)")
    }

    @Test("text that does not parse: passwords, PEM blocks and pre-shared keys are cut from the raw text kept")
    func invalidText() throws {
        let truncated = #"{"Things": [{"Password": "FAKEsecretTrunc", "Key": "-----BEGIN PRIVATE KEY-----\nFAKEpemTrunc"#
        let (bytes, warnings) = try Self.snapshot([Self.file("cut.json", truncated)], skipInvalid: true)
        for secret in ["FAKEsecretTrunc", "FAKEpemTrunc"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) reached the snapshot")
        }
        let warning = try #require(warnings.first { $0.code == "secret-redacted" })
        #expect(warning.message.contains("private keys") && warning.message.contains("secret members"), "\(warning.message)")
    }

    @Test("a document without secrets is stored as written and draws no warning")
    func untouched() throws {
        let json = #"{"Things": [{"NextToken": "abc", "PasswordLastUsed": "2024-01-01", "SecretArn": "arn:x", "Description": "a \"quoted\" -----BEGIN word"}]}"#
        let (bytes, warnings) = try Self.snapshot([Self.file("plain.json", json)])
        #expect(!warnings.contains { $0.code == "secret-redacted" }, "\(warnings)")
        #expect(bytes.range(of: Data(#""NextToken": "abc""#.utf8)) != nil, "kept verbatim, not re-serialised")
    }
}
