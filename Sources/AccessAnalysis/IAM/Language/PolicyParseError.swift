import NetModel
/// Why a policy document could not be read, naming the document and the problem.
///
/// `description` renders one short line such as
/// `policy role/app inline "s3": statement 2: Effect must be "Allow" or "Deny", not "Permit"`.
public struct PolicyParseError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The document's name as given to the parser.
    public var source: String
    /// The 0-based statement the problem is in, when it is in one.
    public var statementIndex: Int?
    public var problem: Problem

    public init(source: String, statementIndex: Int? = nil, problem: Problem) {
        self.source = source
        self.statementIndex = statementIndex
        self.problem = problem
    }

    /// What is wrong with the document.
    public enum Problem: Sendable, Hashable, Codable {
        /// The text is not JSON; `offset` is the byte where reading stopped.
        case notJSON(offset: Int, reason: String)
        /// The top level (or a statement) is not a JSON object.
        case notAnObject(found: String)
        case missingStatement
        case emptyStatementList
        case unsupportedVersion(String)
        /// An element name IAM does not define, e.g. `Effects`.
        case unknownElement(String)
        /// The same element appears twice in one object.
        case duplicateElement(String)
        case missingEffect
        case invalidEffect(String)
        /// Both `Action` and `NotAction` (or `Resource`/`NotResource`, `Principal`/`NotPrincipal`).
        case conflictingElements(String, String)
        /// Neither `Action` nor `NotAction`.
        case missingAction
        /// An element's value has the wrong JSON type, e.g. a number for `Action`.
        case wrongType(element: String, expected: String, found: String)
        /// A list element that must not be empty is.
        case emptyList(element: String)
        /// An action that is neither `*` nor `service:name`.
        case invalidAction(String)
        case invalidPrincipal(String)
        case invalidCondition(String)
    }

    public var description: String {
        let location = statementIndex.map { "statement \($0 + 1): " } ?? ""
        return Quoted.value("policy \(source): \(location)\(problem.message)", limit: 240)
    }
}

extension PolicyParseError.Problem {
    /// The problem as a short phrase.
    public var message: String {
        switch self {
        case .notJSON(let offset, let reason): "not valid JSON (\(reason) at byte \(offset))"
        case .notAnObject(let found): "expected a JSON object, found \(found)"
        case .missingStatement: "no Statement element"
        case .emptyStatementList: "Statement is an empty list"
        case .unsupportedVersion(let v): "unsupported Version \"\(Quoted.value(v))\" (expected 2012-10-17 or 2008-10-17)"
        case .unknownElement(let name): "unknown element \"\(Quoted.value(name))\""
        case .duplicateElement(let name): "element \"\(Quoted.value(name))\" appears more than once"
        case .missingEffect: "no Effect element"
        case .invalidEffect(let v): "Effect must be \"Allow\" or \"Deny\", not \"\(Quoted.value(v))\""
        case .conflictingElements(let a, let b): "has both \(Quoted.value(a)) and \(Quoted.value(b))"
        case .missingAction: "has neither Action nor NotAction"
        case .wrongType(let element, let expected, let found): "\(element) must be \(expected), found \(found)"
        case .emptyList(let element): "\(element) is an empty list"
        case .invalidAction(let a): "action \"\(Quoted.value(a))\" is not \"*\" or \"service:action\""
        case .invalidPrincipal(let detail): "invalid Principal: \(Quoted.value(detail, limit: 160))"
        case .invalidCondition(let detail): "invalid Condition: \(Quoted.value(detail, limit: 160))"
        }
    }
}
