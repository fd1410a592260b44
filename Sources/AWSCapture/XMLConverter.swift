import AWSImport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

/// Parses an XML document into a tree.
enum XMLTree {
    static func parse(_ bytes: [UInt8]) -> XMLElementNode? {
        let delegate = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLElementNode(name: local, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
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
        case "list": return .array(node.children(named: shape.memberXml ?? "member").compactMap { value($0, shape.member!) })
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
            if memberShape.type == "list", memberShape.flattened == true {
                let name = memberShape.memberXml != "member" ? memberShape.memberXml! : member.xmlName
                let items = node.children(named: name)
                if !items.isEmpty { out[member.name] = .array(items.compactMap { value($0, memberShape.member!) }) }
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
            guard let k = entry.child(shape.keyXml ?? "key")?.text, let vNode = entry.child(shape.valueXml ?? "value") else { continue }
            out[k] = value(vNode, shape.value!)
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
            return Double(t).map { .number($0) }
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
