import JSON

/// What a JSON scalar converts to: strings, booleans, and numbers that fit exactly.
protocol StoreScalar {
    /// The value of the tape's node `node`; nil when it is of another type or (a number) does not fit.
    init?(_ tape: JSONTape, _ node: Int)
    static var isNumber: Bool { get }
}

extension String: StoreScalar {
    init?(_ tape: JSONTape, _ node: Int) {
        guard let s = tape.string(node) else { return nil }
        self = s
    }
    static var isNumber: Bool { false }
}

extension Bool: StoreScalar {
    init?(_ tape: JSONTape, _ node: Int) {
        guard let b = tape.bool(node) else { return nil }
        self = b
    }
    static var isNumber: Bool { false }
}

/// Integers: from a number's text, exactly (`1.0` and `1e2` are what an integer never was written as); the
/// short ones the model holds (ports, counts) without making the text.
protocol StoreInteger: StoreScalar, FixedWidthInteger {}

extension StoreInteger {
    init?(_ tape: JSONTape, _ node: Int) {
        if let small = tape.smallInteger(node) {
            guard let value = Self(exactly: small) else { return nil }
            self = value
        } else {
            guard let text = tape.numberText(node), let value = Self(text, radix: 10) else { return nil }
            self = value
        }
    }
    static var isNumber: Bool { true }
}

extension Int: StoreInteger {}
extension Int8: StoreInteger {}
extension Int16: StoreInteger {}
extension Int32: StoreInteger {}
extension Int64: StoreInteger {}
extension UInt: StoreInteger {}
extension UInt8: StoreInteger {}
extension UInt16: StoreInteger {}
extension UInt32: StoreInteger {}
extension UInt64: StoreInteger {}

extension Double: StoreScalar {
    init?(_ tape: JSONTape, _ node: Int) {
        guard let text = tape.numberText(node), let value = Double(text), value.isFinite else { return nil }
        self = value
    }
    static var isNumber: Bool { true }
}

extension Float: StoreScalar {
    init?(_ tape: JSONTape, _ node: Int) {
        guard let text = tape.numberText(node), let value = Float(text), value.isFinite else { return nil }
        self = value
    }
    static var isNumber: Bool { true }
}
