import Foundation

/// A value used its containers in an order the one-buffer encoder cannot write (Foundation's encoder then does).
struct JSONEncodingUnsupported: Error {}

/// The buffer and the containers still open, innermost last.
///
/// One state serves one `encode` call on one thread, so its buffers skip the runtime's exclusivity checks
/// (`@exclusivity(unchecked)`): they were a fifth of the encoder's time.
final class JSONEncodingState {
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// The open containers: where each one's bytes start, how many members or elements it has, where its keys start in `members`.
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// The members of the open objects: each one's key and where its bytes start.
    @exclusivity(unchecked) private var members: [(key: String, start: Int)] = []
    /// An object's members while they are put in key order: key and bytes; then the bytes in that order.
    @exclusivity(unchecked) private var spans: [(key: String, range: Range<Int>)] = []
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    /// The coding path of the value being written.
    @exclusivity(unchecked) private(set) var path: [any CodingKey] = []
    private var nextId = 0
    /// Set when a value asked for what the one buffer cannot do (a super encoder, a container out of turn).
    var unsupported = false

    struct Frame {
        var id: Int
        var isObject: Bool
        var start: Int
        var count = 0
        var firstMember: Int
        /// Whether opening it pushed a key onto `path`.
        var pushedKey: Bool
    }

    init() { bytes.reserveCapacity(1024) }

    var depth: Int { frames.count }

    // MARK: containers

    /// Opens an object or array and returns its handle (index and ID).
    func open(object: Bool, key: (any CodingKey)?) -> (index: Int, id: Int) {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        if let key { path.append(key) }
        nextId += 1
        frames.append(Frame(id: nextId, isObject: object, start: bytes.count, firstMember: members.count, pushedKey: key != nil))
        return (frames.count - 1, nextId)
    }

    /// The handle of the container a value's encoder opened at `depth`, if it is still open and of that kind.
    func container(at depth: Int, object: Bool) -> (index: Int, id: Int)? {
        guard depth < frames.count, frames[depth].isObject == object else { return nil }
        return (depth, frames[depth].id)
    }

    /// Makes container `index` the innermost again (closing the children it is done with); it must be the one opened as `id`.
    func activate(_ index: Int, _ id: Int) throws {
        guard index < frames.count, frames[index].id == id else { throw JSONEncodingUnsupported() }
        while frames.count > index + 1 { try close() }
    }

    /// Starts the next member of object `index`: the comma, the key.
    func beginMember(_ index: Int, _ id: Int, _ key: String) throws {
        try activate(index, id)
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[index].count += 1
        members.append((key, bytes.count))
        write(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts the next element of array `index`.
    func beginElement(_ index: Int, _ id: Int) throws {
        try activate(index, id)
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[index].count += 1
    }

    /// Closes every container opened at or above `depth`.
    func close(downTo depth: Int) throws {
        while frames.count > depth { try close() }
    }

    func closeAll() throws { try close(downTo: 0) }

    /// Closes the innermost container, putting an object's members in key order.
    private func close() throws {
        guard let frame = frames.popLast() else { return }
        if frame.pushedKey { path.removeLast() }
        guard frame.isObject else { bytes.append(UInt8(ascii: "]")); return }
        let first = frame.firstMember, end = bytes.count
        defer { members.removeSubrange(first...) }
        if members.count - first > 1 {
            var sorted = true
            for i in (first + 1)..<members.count where !precedes(members[i - 1].key, members[i].key) {
                sorted = false
                break
            }
            if !sorted { try reorder(first, end) }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Rewrites the members from `members[first...]` (their bytes run to `end`) in key order.
    private func reorder(_ first: Int, _ end: Int) throws {
        spans.removeAll(keepingCapacity: true)
        for i in first..<members.count {
            let stop = i + 1 < members.count ? members[i + 1].start - 1 : end
            spans.append((members[i].key, members[i].start..<stop))
        }
        spans.sort { precedes($0.key, $1.key) }
        for i in 1..<spans.count where spans[i - 1].key == spans[i].key { throw JSONEncodingUnsupported() }
        scratch.removeAll(keepingCapacity: true)
        for (n, span) in spans.enumerated() {
            if n > 0 { scratch.append(UInt8(ascii: ",")) }
            scratch.append(contentsOf: bytes[span.range])
        }
        let start = members[first].start
        bytes.replaceSubrange(start..<end, with: scratch)
    }

    /// Foundation's key order: by UTF-8 bytes.
    private func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    // MARK: values

    /// Writes one value in the current place: scalars directly, other values by their `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T, key: (any CodingKey)? = nil) throws {
        // Types compared first (cheap), cast only on a match.
        if T.self == String.self, let v = value as? String { return write(v) }
        if T.self == Int.self, let v = value as? Int { return write(integer: v) }
        if T.self == Bool.self, let v = value as? Bool { return write(v) }
        if T.self == Double.self, let v = value as? Double { return try write(v) }
        if T.self == Date.self, let v = value as? Date { return write(v.formatted(.iso8601)) }
        if T.self == URL.self, let v = value as? URL { return write(v.absoluteString) }
        if T.self == Data.self, let v = value as? Data { return write(v.base64EncodedString()) }
        if let key { path.append(key) }
        defer { if key != nil { path.removeLast() } }
        let depth = frames.count, start = bytes.count
        try value.encode(to: JSONValueEncoder(state: self, depth: depth))
        try close(downTo: depth)
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
    }
}
