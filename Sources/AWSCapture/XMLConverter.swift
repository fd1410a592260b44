import AWSImport
import Foundation
import JSON

/// A parsed XML element (names without namespace prefixes; attributes as written).
final class XMLElementNode {
    let name: String
    var attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }
    func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// The first descendant with this name (depth first).
    func descendant(_ name: String) -> XMLElementNode? {
        for c in children {
            if c.name == name { return c }
            if let d = c.descendant(name) { return d }
        }
        return nil
    }
}

/// A small XML parser for AWS responses (elements, attributes, text, entities, CDATA; comments,
/// processing instructions and DOCTYPEs skipped). Foundation's XMLParser stops at libxml2's 10 MB
/// limit, which a DescribeInstances page of a few thousand instances exceeds.
enum XMLTree {
    /// Deeper responses are refused (AWS responses nest a few dozen levels at most), as `JSONParser.maxDepth`.
    static let maxDepth = JSONParser.maxDepth

    static func parse(_ bytes: [UInt8]) -> XMLElementNode? {
        var parser = Parser(bytes: bytes)
        return parser.document()
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func document() -> XMLElementNode? {
            var root: XMLElementNode? = nil
            var stack: [XMLElementNode] = []
            var text: [UInt8] = []
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                if c != 0x3C {  // text
                    text.append(c)
                    i += 1
                    continue
                }
                // '<'
                if starts("<!--") {
                    guard let end = find("-->", from: i + 4) else { return nil }
                    i = end + 3
                    continue
                }
                if starts("<![CDATA[") {
                    guard let end = find("]]>", from: i + 9) else { return nil }
                    if let top = stack.last { flush(&text, into: top); top.text += String(decoding: bytes[(i + 9)..<end], as: UTF8.self) }
                    i = end + 3
                    continue
                }
                if starts("<?") {
                    guard let end = find("?>", from: i + 2) else { return nil }
                    i = end + 2
                    continue
                }
                if starts("<!") {
                    guard let end = find(">", from: i + 2) else { return nil }
                    i = end + 1
                    continue
                }
                if let top = stack.last { flush(&text, into: top) } else { text.removeAll(keepingCapacity: true) }
                if i + 1 < n, bytes[i + 1] == 0x2F {  // closing tag
                    guard let end = find(">", from: i + 2) else { return nil }
                    i = end + 1
                    guard !stack.isEmpty else { return nil }
                    stack.removeLast()
                    continue
                }
                // Opening tag.
                i += 1
                let name = readName()
                guard !name.isEmpty else { return nil }
                var attributes: [String: String] = [:]
                var selfClosing = false
                while i < n {
                    skipSpace()
                    guard i < n else { return nil }
                    if bytes[i] == 0x3E { i += 1; break }
                    if bytes[i] == 0x2F, i + 1 < n, bytes[i + 1] == 0x3E { i += 2; selfClosing = true; break }
                    let attr = readName()
                    guard !attr.isEmpty else { return nil }
                    skipSpace()
                    guard i < n, bytes[i] == 0x3D else { return nil }
                    i += 1
                    skipSpace()
                    guard i < n, bytes[i] == 0x22 || bytes[i] == 0x27 else { return nil }
                    let quote = bytes[i]
                    var j = i + 1
                    while j < n, bytes[j] != quote { j += 1 }
                    guard j < n else { return nil }
                    attributes[attr] = XMLTree.decodeEntities(bytes[(i + 1)..<j])
                    i = j + 1
                }
                let local = name.split(separator: ":").last.map(String.init) ?? name
                let node = XMLElementNode(name: local, attributes: attributes)
                if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node } else { return nil }
                if !selfClosing {
                    stack.append(node)
                    // Bounded like the JSON parser: a hostile body must not nest without end.
                    if stack.count > XMLTree.maxDepth { return nil }
                }
            }
            return stack.isEmpty ? root : nil
        }

        func starts(_ s: StaticString) -> Bool {
            let count = s.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            return s.withUTF8Buffer { buf in
                for k in 0..<count where bytes[i + k] != buf[k] { return false }
                return true
            }
        }

        func find(_ s: StaticString, from start: Int) -> Int? {
            let count = s.utf8CodeUnitCount
            return s.withUTF8Buffer { buf -> Int? in
                var j = start
                while j + count <= bytes.count {
                    if bytes[j] == buf[0] {
                        var match = true
                        for k in 1..<max(count, 1) where bytes[j + k] != buf[k] { match = false; break }
                        if match { return j }
                    }
                    j += 1
                }
                return nil
            }
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func readName() -> String {
            let start = i
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x3E || c == 0x2F || c == 0x3D { break }
                i += 1
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        func flush(_ text: inout [UInt8], into node: XMLElementNode) {
            guard !text.isEmpty else { return }
            node.text += XMLTree.decodeEntities(text[...])
            text.removeAll(keepingCapacity: true)
        }
    }

    /// Replaces `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references.
    static func decodeEntities(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = slice.startIndex
        while k < slice.endIndex {
            let c = slice[k]
            guard c == 0x26, let semi = slice[k...].prefix(12).firstIndex(of: 0x3B) else { out.append(c); k += 1; continue }
            let name = String(decoding: slice[(k + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar? = nil
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                k = semi + 1
            } else {
                out.append(c)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Converts query-protocol and rest-xml responses into the JSON the AWS CLI prints, walking the
/// XML by botocore's output shapes (member names, list wrappers, flattened lists, scalar types).
struct XMLToCLIJSON {
    let service: ShapeModel.Service

    /// The output document of `operation` from its response body.
    func convert(operation: String, body: [UInt8]) -> JSONValue? {
        guard let op = service.operations[operation], let outputName = op.output,
              let output = service.shapes[outputName] else { return .object([:]) }
        if let payload = output.payload, let member = output.members?.first(where: { $0.name == payload }),
           let shape = service.shapes[member.shape] {
            if shape.type == "structure" {
                guard let root = XMLTree.parse(body) else { return nil }
                return .object([payload: structure(root, shape)])
            }
            // A scalar payload (the bucket policy): the body itself.
            return .object([payload: .string(String(decoding: body, as: UTF8.self))])
        }
        guard let root = XMLTree.parse(body) else { return nil }
        if operation == "GetBucketLocation" {
            let text = root.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return .object(["LocationConstraint": text.isEmpty ? .null : .string(text)])
        }
        var node = root
        if let wrapper = op.resultWrapper {
            node = root.name == wrapper ? root : (root.descendant(wrapper) ?? XMLElementNode(name: wrapper, attributes: [:]))
        }
        return structure(node, output)
    }

    func value(_ node: XMLElementNode, _ shapeName: String) -> JSONValue? {
        guard let shape = service.shapes[shapeName] else { return .string(node.text) }
        switch shape.type {
        case "structure": return structure(node, shape)
        case "list":
            guard let member = shape.member else { return nil }
            return .array(node.children(named: shape.memberXml ?? "member").compactMap { value($0, member) })
        case "map": return map(node.children(named: shape.flattened == true ? node.name : "entry"), shape)
        default: return scalar(node.text, shape)
        }
    }

    func structure(_ node: XMLElementNode, _ shape: ShapeModel.Shape) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for member in shape.members ?? [] {
            guard let memberShape = service.shapes[member.shape] else { continue }
            if member.attribute == true {
                let attr = node.attributes[member.xmlName]
                    ?? node.attributes.first { $0.key.split(separator: ":").last.map(String.init) == member.xmlName.split(separator: ":").last.map(String.init) }?.value
                if let attr { out[member.name] = scalar(attr, memberShape) }
                continue
            }
            if memberShape.type == "list", memberShape.flattened == true, let itemShape = memberShape.member {
                let name = memberShape.memberXml.flatMap { $0 != "member" ? $0 : nil } ?? member.xmlName
                let items = node.children(named: name)
                if !items.isEmpty { out[member.name] = .array(items.compactMap { value($0, itemShape) }) }
                continue
            }
            if memberShape.type == "map", memberShape.flattened == true {
                let items = node.children(named: member.xmlName)
                if !items.isEmpty { out[member.name] = map(items, memberShape) }
                continue
            }
            guard let child = node.child(member.xmlName), let v = value(child, member.shape) else { continue }
            out[member.name] = v
        }
        return .object(out)
    }

    func map(_ entries: [XMLElementNode], _ shape: ShapeModel.Shape) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for entry in entries {
            guard let k = entry.child(shape.keyXml ?? "key")?.text, let vNode = entry.child(shape.valueXml ?? "value"),
                  let valueShape = shape.value else { continue }
            out[k] = value(vNode, valueShape)
        }
        return .object(out)
    }

    func scalar(_ text: String, _ shape: ShapeModel.Shape) -> JSONValue? {
        switch shape.type {
        case "boolean":
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            return t.isEmpty ? nil : .bool(t == "true")
        case "integer", "long", "double", "float":
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            // Infinity and NaN are no JSON numbers (the stored document could not be written back).
            return Double(t).flatMap { $0.isFinite ? .number($0) : nil }
        case "timestamp":
            return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
        default:
            if shape.policyDocument == true { return XMLToCLIJSON.policyDocument(text) }
            return .string(text)
        }
    }

    /// IAM policy documents arrive URL-encoded; the CLI prints them as JSON objects.
    static func policyDocument(_ text: String) -> JSONValue {
        let decoded = text.removingPercentEncoding ?? text
        if let json = try? JSONParser.parse(Array(decoded.utf8)) { return json }
        if let json = try? JSONParser.parse(Array(text.utf8)) { return json }
        return .string(decoded)
    }
}
