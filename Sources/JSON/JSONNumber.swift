/// A JSON number as it was written (`123456789012`, `-0.5e3`), so that printing it back loses nothing.
///
/// Two numbers are equal when they denote the same `Double` (`1` and `1.0`), as JSON gives numbers no other meaning.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text, in JSON number syntax when it was parsed or built from an integer or a finite double.
    public let text: String

    /// Text the parser has checked to be a JSON number.
    init(checked text: String) { self.text = text }

    /// An integer, written in decimal.
    public init(_ value: Int) { text = String(value) }

    /// A double: integral values below 10^15 written as integers (`5`, not `5.0`), others as Swift prints them.
    public init(_ value: Double) { text = JSONNumber.normalized(value) }

    /// The value as a `Double` (very large magnitudes read as infinity).
    public var double: Double { Double(text) ?? .nan }

    /// The value when it is a whole number below 10^15 in magnitude (`5`, `5.0`, `5e0`), nil otherwise.
    public var integer: Int? {
        let d = double
        return d == d.rounded() && abs(d) < 1e15 ? Int(d) : nil
    }

    /// The text the canonical form prints: the value through `Double`, integral values below 10^15 as integers.
    var normalizedText: String { JSONNumber.normalized(double) }

    public var description: String { text }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool { a.text == b.text || a.double == b.double }

    public func hash(into hasher: inout Hasher) {
        let d = double
        hasher.combine(d == 0 ? 0 : d)  // -0 and 0 are equal, so they hash alike
    }

    private static func normalized(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
