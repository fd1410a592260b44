import Foundation

/// Validates JSON documents against the official SARIF 2.1.0 schema with Python's `jsonschema`.
enum SchemaValidator {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sarif-schema-2.1.0.json").path

    /// Picks the validator class the schema declares (`$schema`: draft-04 for SARIF 2.1.0).
    static let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    doc = json.load(open(sys.argv[2]))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:10]:
        print("/".join(map(str, e.path)) + ": " + e.message)
    print(cls.__name__)
    sys.exit(1 if errors else 0)
    """

    /// Whether python3 with jsonschema is there.
    static let available: Bool = run(["-c", "import jsonschema"]).status == 0

    /// Exit status and output of validating `document`.
    static func validate(_ document: String) -> (status: Int32, output: String) {
        let path = NSTemporaryDirectory() + "netaudit-sarif-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { try Data(document.utf8).write(to: URL(fileURLWithPath: path)) } catch { return (-1, "\(error)") }
        return run(["-c", script, schemaPath, path])
    }

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "cannot run python3: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
