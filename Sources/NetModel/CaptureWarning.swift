/// Something the capture or import could not take in fully: an unsupported
/// document, a denied call, a value that did not parse.
///
/// Warnings are stored with the snapshot so that every later report can say
/// what it could not see.
public struct CaptureWarning: Sendable, Hashable, Codable {
    /// Where it came from: a file path or an API call.
    public var source: String
    /// A stable, machine-readable code (`unrecognized-document`, `access-denied`, ...).
    public var code: String
    public var message: String

    public init(source: String, code: String, message: String) {
        self.source = source
        self.code = code
        self.message = message
    }
}

/// A document exactly as received (file content or API response), kept so that
/// nothing is lost and new rules can run on old snapshots.
public struct RawDocument: Sendable, Hashable, Codable {
    /// File path relative to the import root, or the API call.
    public var source: String
    public var scope: ResourceScope
    /// What the document was recognised as (`SecurityGroups`, `unrecognized`, ...).
    public var kind: String
    public var content: String

    public init(source: String, scope: ResourceScope, kind: String, content: String) {
        self.source = source
        self.scope = scope
        self.kind = kind
        self.content = content
    }
}
