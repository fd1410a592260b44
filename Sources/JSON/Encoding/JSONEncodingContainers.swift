/// The encoder handed to a value's `encode(to:)`: its containers open in the one buffer at `depth`.
struct JSONValueEncoder: Encoder {
    let state: JSONEncodingState
    let depth: Int
    var codingPath: [any CodingKey] { state.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let handle = state.container(at: depth, object: true) ?? state.open(object: true, key: nil)
        return KeyedEncodingContainer(JSONKeyedEncoding<Key>(state: state, handle: handle))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedEncoding(state: state, handle: state.container(at: depth, object: false) ?? state.open(object: false, key: nil))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueEncoding(state: state, depth: depth) }
}

/// An object's members, written as they come (put in key order when the object closes).
struct JSONKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: JSONEncodingState
    let handle: (index: Int, id: Int)
    var codingPath: [any CodingKey] { state.path }

    private func begin(_ key: Key) throws { try state.beginMember(handle.index, handle.id, key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { try begin(key); state.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try begin(key); state.write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try begin(key); state.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try begin(key); try state.write(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try begin(key); try state.write(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try begin(key); state.write(integer: value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try begin(key); try state.encodeValue(value, key: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedEncoding<NestedKey>(state: state, handle: nested(key, object: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONUnkeyedEncoding(state: state, handle: nested(key, object: false))
    }

    /// A container in the member `key`; a container out of turn leaves the value to Foundation's encoder.
    private func nested(_ key: Key, object: Bool) -> (index: Int, id: Int) {
        do { try begin(key) } catch { state.unsupported = true }
        return state.open(object: object, key: key)
    }

    mutating func superEncoder() -> any Encoder { state.unsupported = true; return JSONValueEncoder(state: state, depth: state.depth) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { state.unsupported = true; return JSONValueEncoder(state: state, depth: state.depth) }
}

/// An array's elements, in order.
struct JSONUnkeyedEncoding: UnkeyedEncodingContainer, JSONScalarEncoding {
    let state: JSONEncodingState
    let handle: (index: Int, id: Int)
    private(set) var count = 0
    var codingPath: [any CodingKey] { state.path }

    init(state: JSONEncodingState, handle: (index: Int, id: Int)) {
        self.state = state
        self.handle = handle
    }

    mutating func begin() throws {
        try state.beginElement(handle.index, handle.id)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws { try begin(); try state.encodeValue(value, key: JSONIndexKey(count - 1)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedEncoding<NestedKey>(state: state, handle: nested(object: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { JSONUnkeyedEncoding(state: state, handle: nested(object: false)) }

    private mutating func nested(object: Bool) -> (index: Int, id: Int) {
        do { try begin() } catch { state.unsupported = true }
        return state.open(object: object, key: JSONIndexKey(count - 1))
    }

    mutating func superEncoder() -> any Encoder { state.unsupported = true; return JSONValueEncoder(state: state, depth: state.depth) }
}

/// One value in its place: a scalar, or a value encoded whole by its `encode(to:)`.
struct JSONSingleValueEncoding: SingleValueEncodingContainer, JSONScalarEncoding {
    let state: JSONEncodingState
    let depth: Int
    var codingPath: [any CodingKey] { state.path }

    func begin() throws { try state.close(downTo: depth) }

    mutating func encode<T: Encodable>(_ value: T) throws { try begin(); try state.encodeValue(value) }
}

/// What unkeyed and single-value containers write alike: a scalar in the next place (`begin` starts it).
protocol JSONScalarEncoding {
    var state: JSONEncodingState { get }
    mutating func begin() throws
}

extension JSONScalarEncoding {
    mutating func encodeNil() throws { try begin(); state.writeNull() }
    mutating func encode(_ value: Bool) throws { try begin(); state.write(value) }
    mutating func encode(_ value: String) throws { try begin(); state.write(value) }
    mutating func encode(_ value: Double) throws { try begin(); try state.write(value) }
    mutating func encode(_ value: Float) throws { try begin(); try state.write(value) }
    mutating func encode(_ value: Int) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: Int8) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: Int16) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: Int32) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: Int64) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: UInt) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: UInt8) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: UInt16) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: UInt32) throws { try begin(); state.write(integer: value) }
    mutating func encode(_ value: UInt64) throws { try begin(); state.write(integer: value) }
}
