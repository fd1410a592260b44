import JSON
/// An object's members, looked up by a scan (a model has a few dozen short keys at most: comparing them costs
/// less than hashing them into a dictionary per object).
struct StoreKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    let codingPath: [any CodingKey]

    init(_ members: [(key: String, value: JSONValue)], path: [any CodingKey]) {
        self.members = members
        self.codingPath = path
    }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    private func find(_ key: Key) -> JSONValue? { find(key.stringValue) }

    private func find(_ name: String) -> JSONValue? {
        for member in members where member.key == name { return member.value }
        return nil
    }

    private func decoder(_ key: Key) throws -> StoreValueDecoder {
        guard let json = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return StoreValueDecoder(json, path: codingPath + [key])
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try decoder(key).json { return true }
        return false
    }

    private func present(_ key: Key) -> StoreValueDecoder? {
        guard let json = find(key) else { return nil }
        if case .null = json { return nil }
        return StoreValueDecoder(json, path: codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).scalar(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).scalar(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).scalar(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(key).scalar(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).scalar(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).scalar(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).scalar(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).scalar(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).scalar(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).scalar(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).scalar(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).scalar(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).scalar(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).scalar(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).value(type) }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.scalar(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.scalar(type) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.scalar(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key)?.value(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder { StoreValueDecoder(find("super") ?? .null, path: codingPath + [StoreSuperKey()]) }

    func superDecoder(forKey key: Key) throws -> any Decoder { StoreValueDecoder(find(key) ?? .null, path: codingPath + [key]) }
}

/// An array's elements, in order.
struct StoreUnkeyedDecoding: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(_ elements: [JSONValue], path: [any CodingKey]) {
        self.elements = elements
        self.codingPath = path
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element's decoder, moving past it.
    private mutating func next(_ type: Any.Type) throws -> StoreValueDecoder {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [JSONIndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return StoreValueDecoder(elements[currentIndex], path: codingPath + [JSONIndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(Any?.self, .init(codingPath: codingPath + [JSONIndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        guard case .null = elements[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).scalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).scalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).scalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).scalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).scalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).scalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).scalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).scalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).scalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).scalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).scalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).scalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).scalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).scalar(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).value(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(type).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([Any].self).unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

/// One value that is not a container (or is decoded whole by its type's `init(from:)`).
struct StoreSingleValueDecoding: SingleValueDecodingContainer {
    let decoder: StoreValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(_ json: JSONValue, path: [any CodingKey]) { decoder = StoreValueDecoder(json, path: path) }

    func decodeNil() -> Bool {
        if case .null = decoder.json { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.scalar(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.scalar(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.scalar(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.scalar(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.scalar(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.scalar(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.scalar(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.scalar(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.scalar(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.scalar(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.scalar(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.scalar(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.scalar(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
}
