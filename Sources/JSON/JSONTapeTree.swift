extension JSONTape {
    /// The value at a node as a `JSONValue` tree (what `JSONParser.parse` answers); null for an index that is no node.
    public func value(_ index: Int) -> JSONValue {
        guard nodes.indices.contains(index) else { return .null }
        let node = nodes[index]
        switch node.tag {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .integer, .number: return .number(JSONNumber(checked: numberText(index) ?? "0"))
        case .string, .escapedString: return .string(string(index) ?? "")
        case .array:
            var items: [JSONValue] = []
            items.reserveCapacity(node.end - node.start)
            for element in children[node.start..<node.end] { items.append(value(element)) }
            return .array(items)
        case .object, .sortedObject:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(node.end - node.start)
            for key in children[node.start..<node.end] { members.append((key: string(key) ?? "", value: value(key + 1))) }
            return .object(JSONObject(members: members))
        }
    }
}
