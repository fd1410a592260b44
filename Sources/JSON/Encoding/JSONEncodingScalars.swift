import Foundation

/// The scalars, written as Foundation's encoder writes them.
extension JSONEncodingState {
    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    func write(_ value: Bool) { bytes.append(contentsOf: value ? "true".utf8 : "false".utf8) }

    func write<T: FixedWidthInteger>(integer value: T) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var n = value.magnitude
        // The digits from the right into a small buffer (20 hold any 64-bit magnitude), then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var at = digits.count
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: n % 10)
                n /= 10
            } while n > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at...]))
        }
    }

    /// A floating-point number as Foundation writes it: its shortest text, without a trailing `.0`.
    func write<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string, quoted, with Foundation's escapes (quotes, backslashes, control characters; slashes as they are).
    func write(_ value: String) { JSONQuoting.append(value, to: &bytes, shortControls: true) }
}
