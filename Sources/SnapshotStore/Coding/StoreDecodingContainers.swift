import JSON

/// An object's members, found on the tape by key (binary search when the keys are sorted, as the writers sort them).
struct StoreKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: StoreValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(_ decoder: StoreValueDecoder) { self.decoder = decoder }

    var allKeys: [Key] {
        let count = decoder.tape.count(decoder.node)
        var keys: [Key] = []
        keys.reserveCapacity(count)
        for position in 0..<count {
            if let name = decoder.tape.key(position, of: decoder.node), let key = Key(stringValue: name) { keys.append(key) }
        }
        return keys
    }

    private func find(_ name: String) -> Int? { decoder.tape.value(forKey: name, in: decoder.node) }

    /// The member's node; `keyNotFound` when there is none.
    private func member(_ key: Key) throws -> Int {
        guard let node = find(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return node
    }

    /// The member's node when it is there and not null.
    private func present(_ key: Key) -> Int? {
        guard let node = find(key.stringValue), decoder.tape.kind(node) != .null else { return nil }
        return node
    }

    // Inlined into each `decode` so that `StoreValueDecoder.scalar` is specialized for the concrete type.
    @inline(__always)
    private func scalar<T: StoreScalar>(_ type: T.Type, _ key: Key) throws -> T {
        try decoder.scalar(type, try member(key)) { decoder.path(key) }
    }

    @inline(__always)
    private func scalarIfPresent<T: StoreScalar>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let node = present(key) else { return nil }
        return try decoder.scalar(type, node) { decoder.path(key) }
    }

    func contains(_ key: Key) -> Bool { find(key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.tape.kind(try member(key)) == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type, try member(key), key) }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try scalarIfPresent(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = present(key) else { return nil }
        return try decoder.value(type, node, key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try member(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder.child(try member(key), key).unkeyedContainer() }

    /// The decoder of the `super` member, or of null when there is none (as Foundation's decoder gives).
    func superDecoder() throws -> any Decoder { decoder.child(find("super") ?? -1, StoreSuperKey()) }

    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(find(key.stringValue) ?? -1, key) }
}

/// An array's elements, in order.
struct StoreUnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: StoreValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    private(set) var currentIndex = 0

    init(_ decoder: StoreValueDecoder) { self.decoder = decoder }

    var count: Int? { decoder.tape.count(decoder.node) }
    var isAtEnd: Bool { currentIndex >= decoder.tape.count(decoder.node) }

    /// The element at `currentIndex` and its key, or the error of reading past the end.
    private func current(_ type: Any.Type) throws -> (node: Int, key: JSONIndexKey) {
        let key = JSONIndexKey(currentIndex)
        guard let node = decoder.tape.element(currentIndex, of: decoder.node) else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "Unkeyed container is at end."))
        }
        return (node, key)
    }

    /// The next element and its key, moving past it.
    private mutating func next(_ type: Any.Type) throws -> (node: Int, key: JSONIndexKey) {
        let element = try current(type)
        currentIndex += 1
        return element
    }

    @inline(__always)
    private mutating func scalar<T: StoreScalar>(_ type: T.Type) throws -> T {
        let (node, key) = try next(type)
        return try decoder.scalar(type, node) { decoder.path(key) }
    }

    mutating func decodeNil() throws -> Bool {
        guard decoder.tape.kind(try current(Any?.self).node) == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, key) = try next(type)
        return try decoder.value(type, node, key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, key) = try next(type)
        return try decoder.child(node, key).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, key) = try next([Any].self)
        return try decoder.child(node, key).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, key) = try next(Any.self)
        return decoder.child(node, key)
    }
}

/// One value that is not a container (or is decoded whole by its type's `init(from:)`): the decoder's own.
struct StoreSingleValueDecoding: SingleValueDecodingContainer {
    let decoder: StoreValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(_ decoder: StoreValueDecoder) { self.decoder = decoder }

    func decodeNil() -> Bool { decoder.tape.kind(decoder.node) == .null }

    @inline(__always)
    private func scalar<T: StoreScalar>(_ type: T.Type) throws -> T { try decoder.scalar(type, decoder.node) { decoder.codingPath } }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    func decode(_ type: String.Type) throws -> String { try scalar(type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type, decoder.node, nil) }
}
