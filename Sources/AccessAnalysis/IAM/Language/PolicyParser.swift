import JSON
import NetModel

/// Turns policy JSON into a `PolicyDocument`, reporting the first problem as a `PolicyParseError`.
struct PolicyParser {
    let source: String

    private static let topElements = ["Version", "Id", "Statement"]
    private static let statementElements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                            "Resource", "NotResource", "Condition"]

    func parse(_ text: String) throws(PolicyParseError) -> PolicyDocument {
        let json: JSONValue
        do {
            json = try PolicyJSON.parse(text)
        } catch {
            throw fail(.notJSON(offset: error.offset, reason: error.reason))
        }
        let top = try elements(of: json, allowed: Self.topElements, statement: nil)
        var version: String?
        if let v = top["Version"] {
            let text = try string(v, element: "Version", statement: nil)
            guard text == "2012-10-17" || text == "2008-10-17" else { throw fail(.unsupportedVersion(text)) }
            version = text
        }
        let id = try top["Id"].map { v throws(PolicyParseError) in try string(v, element: "Id", statement: nil) }
        let rawStatements: [JSONValue]
        switch top["Statement"] {
        case nil: throw fail(.missingStatement)
        case .array(let items)?:
            guard !items.isEmpty else { throw fail(.emptyStatementList) }
            rawStatements = items
        case .object(let statement)?: rawStatements = [.object(statement)]
        case let other?: throw fail(.wrongType(element: "Statement", expected: "an object or a list", found: other.policyTypeName))
        }
        var statements: [Statement] = []
        for (index, raw) in rawStatements.enumerated() {
            statements.append(try statement(raw, index: index))
        }
        return PolicyDocument(version: version, id: id, statements: statements)
    }

    private func fail(_ problem: PolicyParseError.Problem, statement: Int? = nil) -> PolicyParseError {
        PolicyParseError(source: source, statementIndex: statement, problem: problem)
    }

    /// The members of an object keyed by canonical element name; unknown or repeated names fail.
    private func elements(of value: JSONValue, allowed: [String], statement: Int?) throws(PolicyParseError) -> [String: JSONValue] {
        guard case .object(let members) = value else { throw fail(.notAnObject(found: value.policyTypeName), statement: statement) }
        var out: [String: JSONValue] = [:]
        for member in members {
            guard let name = allowed.first(where: { $0.equalsIgnoringCase(member.key) }) else {
                throw fail(.unknownElement(member.key), statement: statement)
            }
            guard out[name] == nil else { throw fail(.duplicateElement(name), statement: statement) }
            out[name] = member.value
        }
        return out
    }

    private func string(_ value: JSONValue, element: String, statement: Int?) throws(PolicyParseError) -> String {
        guard case .string(let s) = value else {
            throw fail(.wrongType(element: element, expected: "a string", found: value.policyTypeName), statement: statement)
        }
        return s
    }

    /// A string or a non-empty list of strings.
    func stringList(_ value: JSONValue, element: String, statement: Int?) throws(PolicyParseError) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items):
            guard !items.isEmpty else { throw fail(.emptyList(element: element), statement: statement) }
            var out: [String] = []
            for item in items { out.append(try string(item, element: element, statement: statement)) }
            return out
        default:
            throw fail(.wrongType(element: element, expected: "a string or a list of strings", found: value.policyTypeName), statement: statement)
        }
    }

    private func statement(_ raw: JSONValue, index: Int) throws(PolicyParseError) -> Statement {
        let e = try elements(of: raw, allowed: Self.statementElements, statement: index)
        let sid = try e["Sid"].map { v throws(PolicyParseError) in try string(v, element: "Sid", statement: index) }
        guard let rawEffect = e["Effect"] else { throw fail(.missingEffect, statement: index) }
        let effectText = try string(rawEffect, element: "Effect", statement: index)
        guard let effect = Effect(rawValue: effectText) else { throw fail(.invalidEffect(effectText), statement: index) }

        let actions = try patternList(e, "Action", "NotAction", index: index)
        guard let actions else { throw fail(.missingAction, statement: index) }
        for action in actions.patterns where action != "*" {
            let parts = action.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail(.invalidAction(action), statement: index) }
        }
        let resources = try patternList(e, "Resource", "NotResource", index: index)

        var principal: PrincipalClause?
        switch (e["Principal"], e["NotPrincipal"]) {
        case (.some, .some): throw fail(.conflictingElements("Principal", "NotPrincipal"), statement: index)
        case (let p?, nil): principal = .principal(try self.principal(p, index: index))
        case (nil, let p?): principal = .notPrincipal(try self.principal(p, index: index))
        case (nil, nil): principal = nil
        }
        let conditions = try e["Condition"].map { v throws(PolicyParseError) in try self.conditions(v, index: index) } ?? []
        return Statement(index: index, sid: sid, effect: effect, principal: principal, actions: actions,
                         resources: resources, conditions: conditions)
    }

    private func patternList(_ e: [String: JSONValue], _ name: String, _ notName: String,
                             index: Int) throws(PolicyParseError) -> PatternList? {
        switch (e[name], e[notName]) {
        case (.some, .some): throw fail(.conflictingElements(name, notName), statement: index)
        case (let v?, nil): return .only(try stringList(v, element: name, statement: index))
        case (nil, let v?): return .allExcept(try stringList(v, element: notName, statement: index))
        case (nil, nil): return nil
        }
    }

    private func principal(_ value: JSONValue, index: Int) throws(PolicyParseError) -> Principal {
        switch value {
        case .string("*"): return .anyone
        case .string(let s): throw fail(.invalidPrincipal("a bare string must be \"*\", found \"\(Quoted.value(s, limit: 60))\""), statement: index)
        case .object(let members):
            guard !members.isEmpty else { throw fail(.invalidPrincipal("empty object"), statement: index) }
            var ids: [PrincipalIdentity] = []
            for member in members {
                guard let kind = PrincipalKind.allCases.first(where: { $0.rawValue.equalsIgnoringCase(member.key) }) else {
                    throw fail(.invalidPrincipal("unknown principal type \"\(Quoted.value(member.key, limit: 60))\""), statement: index)
                }
                let values: [String]
                switch member.value {
                case .number(let n): values = [n.text]   // a bare account ID
                case .array(let items) where items.allSatisfy({ if case .number = $0 { true } else if case .string = $0 { true } else { false } }):
                    guard !items.isEmpty else { throw fail(.invalidPrincipal("\(kind.rawValue) is an empty list"), statement: index) }
                    values = items.compactMap(\.scalarText)
                default: values = try stringList(member.value, element: "Principal \(kind.rawValue)", statement: index)
                }
                ids += values.map { PrincipalIdentity(kind, $0) }
            }
            return .identities(ids)
        default:
            throw fail(.wrongType(element: "Principal", expected: "\"*\" or an object", found: value.policyTypeName), statement: index)
        }
    }

    private func conditions(_ value: JSONValue, index: Int) throws(PolicyParseError) -> [Condition] {
        guard case .object(let operators) = value else {
            throw fail(.wrongType(element: "Condition", expected: "an object", found: value.policyTypeName), statement: index)
        }
        var out: [Condition] = []
        for (opName, block) in operators {
            guard case .object(let keys) = block, !keys.isEmpty else {
                throw fail(.invalidCondition("operator \(Quoted.value(opName, limit: 60)) must map to an object of keys, found \(block.policyTypeName)"), statement: index)
            }
            let op = ConditionOperator(opName)
            guard !op.base.isEmpty else { throw fail(.invalidCondition("operator \"\(Quoted.value(opName, limit: 60))\" has no name"), statement: index) }
            // IAM User Guide, "IAM JSON policy elements: Condition operators": IAM refuses an unknown operator, and
            // `IfExists` may end "any condition operator name except the Null condition".
            guard let kind = op.kind else {
                let hint = Suggestion.hint(op.base, in: ConditionOperatorKind.allCases.map(\.rawValue))
                throw fail(.invalidCondition("unknown condition operator \"\(Quoted.value(opName, limit: 60))\"\(hint)"), statement: index)
            }
            guard !(kind == .null && op.ifExists) else {
                throw fail(.invalidCondition("\"\(Quoted.value(opName, limit: 60))\": Null takes no IfExists"), statement: index)
            }
            for (key, rawValues) in keys {
                let values: [String]
                switch rawValues {
                case .array(let items):
                    guard !items.isEmpty else { throw fail(.invalidCondition("\(Quoted.value(opName, limit: 60)) \(Quoted.value(key, limit: 60)) has an empty list"), statement: index) }
                    values = try items.map { item throws(PolicyParseError) in
                        guard let text = item.scalarText else {
                            throw fail(.invalidCondition("\(Quoted.value(opName, limit: 60)) \(Quoted.value(key, limit: 60)) values must be strings, numbers or booleans"), statement: index)
                        }
                        return text
                    }
                default:
                    guard let text = rawValues.scalarText else {
                        throw fail(.invalidCondition("\(Quoted.value(opName, limit: 60)) \(Quoted.value(key, limit: 60)) must be a value or a list, found \(rawValues.policyTypeName)"), statement: index)
                    }
                    values = [text]
                }
                out.append(Condition(op, key: key, values: values))
            }
        }
        return out
    }
}
