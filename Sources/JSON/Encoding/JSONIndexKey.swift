/// The key of an array element in coding paths (`Index 3`), as Foundation names it: what an encoder or decoder
/// puts in `codingPath` for the elements of an unkeyed container.
public struct JSONIndexKey: CodingKey, Sendable {
    /// The element's position, from 0.
    public let intValue: Int?
    /// `Index` and the position, as Foundation's coders print it.
    public var stringValue: String { "Index \(intValue ?? 0)" }
    /// The key of the element at `index`.
    public init(_ index: Int) { intValue = index }
    /// No key: an element's key is made from its position only.
    public init?(stringValue: String) { nil }
    /// The key of the element at `intValue`.
    public init?(intValue: Int) { self.intValue = intValue }
}
