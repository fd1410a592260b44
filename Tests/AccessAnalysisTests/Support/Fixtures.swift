@testable import AccessAnalysis

/// Small helpers that keep policy fixtures to the statement that matters.
enum Fixture {
    /// Parses a whole policy document, failing the test on error.
    static func document(_ json: String, source: String = "test") throws -> PolicyDocument {
        try PolicyDocument(parsing: json, source: source)
    }

    /// Wraps statement JSON objects in a policy document and parses it.
    static func policy(_ statements: String...) throws -> PolicyDocument {
        try document(#"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}")
    }

    /// A named policy source from statement JSON objects.
    static func source(_ name: String, _ statements: String...) throws -> PolicySource {
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        return PolicySource(name: name, document: try document(text, source: name))
    }

    /// The bundled action database.
    static var actions: ActionDatabase {
        get throws { try ActionDatabase.bundled() }
    }
}
