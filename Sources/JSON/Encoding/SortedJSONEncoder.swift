import Foundation

/// Encodes `Encodable` values as JSON: the bytes Foundation's `JSONEncoder` writes with sorted keys, unescaped
/// slashes and ISO 8601 dates, byte for byte (and, when `pretty`, with its pretty printing as well), written
/// straight into one buffer: several times faster than Foundation's encoder, whose per-object dictionaries
/// dominate a large document.
///
/// Each object's members are written as they come; when the object closes they are put in key order (by their
/// UTF-8 bytes, as Foundation sorts) by moving their bytes, so no per-object dictionary is built. That needs
/// containers used one after the other (a container is done once its parent writes again), which is how
/// synthesized `Codable` code uses them; a value that uses them otherwise is encoded by Foundation's encoder
/// (`SortedJSONEncoder.foundation`), to the same bytes.
///
/// ```swift
/// let bytes = try SortedJSONEncoder().encode(inventory)        // compact: {"a":[1,2],"b":"x"}
/// let text = try SortedJSONEncoder(pretty: true).text(answer)  // {\n  "a" : [\n    1, …
/// ```
public struct SortedJSONEncoder: Sendable {
    /// Whether to print as Foundation's `.prettyPrinted` does: two-space indentation, one member or element
    /// a line, `"key" : value`, and an empty container as its brackets on two lines with an empty line between.
    public var pretty: Bool

    /// An encoder writing compact JSON, or pretty JSON if `pretty`.
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// `value` as JSON text in UTF-8, without a trailing newline.
    ///
    /// - Throws: `EncodingError.invalidValue` for a value JSON cannot hold (a non-finite number), or whatever
    ///   the value's `encode(to:)` throws.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let compact = try Self.compact(value)
        return pretty ? JSONPrettyPrinter.indent(compact) : compact
    }

    /// `value` as JSON text, without a trailing newline (see `encode(_:)`).
    public func text<T: Encodable>(_ value: T) throws -> String { String(decoding: try encode(value), as: UTF8.self) }

    /// Foundation's encoder configured to write what this encoder writes (sorted keys, unescaped slashes,
    /// ISO 8601 dates; pretty printed if `pretty`): the encoder of the rare value the one buffer cannot write,
    /// and the reference to compare with.
    public static func foundation(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static let fallback = foundation()

    /// The compact text: written in one buffer, or by Foundation's encoder if the value uses its containers out of turn.
    private static func compact<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = JSONEncodingState()
        do {
            try state.encodeValue(value)
            try state.closeAll()
            if !state.unsupported { return state.bytes }
        } catch is JSONEncodingUnsupported {}
        return Array(try fallback.encode(value))
    }
}
