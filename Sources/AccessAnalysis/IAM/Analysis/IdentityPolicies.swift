import NetModel

/// The identity policies in force for one IAM principal: its inline policies, its attached
/// managed policies and, for users, those of its groups.
///
/// Collecting never fails: a document that does not parse, or a managed policy or group the
/// snapshot lacks, is recorded in `problems` and the remaining policies are still returned.
public struct IdentityPolicies: Sendable, Hashable {
    /// The principal's ARN.
    public var principal: String
    public var sources: [PolicySource]
    public var problems: [Problem]

    public init(principal: String, sources: [PolicySource], problems: [Problem] = []) {
        self.principal = principal
        self.sources = sources
        self.problems = problems
    }

    /// Something that kept a policy out of the set.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case unreadable(PolicyParseError)
        /// An attached managed policy is not in the snapshot, or has no document.
        case managedPolicyMissing(arn: String)
        /// A group the user belongs to is not in the snapshot.
        case groupMissing(name: String)

        public var description: String {
            switch self {
            case .unreadable(let error): error.description
            case .managedPolicyMissing(let arn): "managed policy \(arn) has no document in the snapshot"
            case .groupMissing(let name): "group \(name) is not in the snapshot"
            }
        }
    }

    /// Gathers and parses the policies of `principal`.
    ///
    /// - Parameters:
    ///   - managedPolicies: the snapshot's managed policies (looked up by ARN).
    ///   - groups: the snapshot's groups (looked up by name within the principal's account).
    public static func collect(for principal: IAMPrincipal, managedPolicies: [ManagedPolicy],
                               groups: [IAMPrincipal]) -> IdentityPolicies {
        let managed = Dictionary(managedPolicies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result = IdentityPolicies(principal: principal.id, sources: [])
        result.add(policiesOf: principal, via: nil, managed: managed)
        if principal.kind == .user {
            for name in principal.groupNames {
                guard let group = groups.first(where: { $0.kind == .group && $0.name == name && $0.scope.account == principal.scope.account }) else {
                    result.problems.append(.groupMissing(name: name))
                    continue
                }
                result.add(policiesOf: group, via: name, managed: managed)
            }
        }
        return result
    }

    private mutating func add(policiesOf holder: IAMPrincipal, via group: String?, managed: [String: ManagedPolicy]) {
        let owner = "\(holder.kind.rawValue) \(holder.name)"
        for inline in holder.inlinePolicies {
            add(text: inline.document, name: "\(owner) inline \"\(inline.name)\"")
        }
        for arn in holder.attachedPolicyArns {
            guard let document = managed[arn]?.document else {
                problems.append(.managedPolicyMissing(arn: arn))
                continue
            }
            add(text: document, name: group.map { "\(arn) (via group \($0))" } ?? arn)
        }
    }

    private mutating func add(text: String, name: String) {
        do {
            sources.append(PolicySource(name: name, document: try PolicyDocument(parsing: text, source: name)))
        } catch {
            problems.append(.unreadable(error))
        }
    }

    /// An evaluator over these policies.
    public var evaluator: PolicyEvaluator { PolicyEvaluator(policies: sources) }
}
