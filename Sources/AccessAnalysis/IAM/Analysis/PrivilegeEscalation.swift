/// Known IAM privilege-escalation methods (Rhino Security Labs' list, plus CodeBuild and
/// SageMaker variants), each a set of actions that together let a principal gain more rights.
public enum EscalationMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case createPolicyVersion
    case setDefaultPolicyVersion
    case passRoleToEC2
    case createAccessKey
    case createLoginProfile
    case updateLoginProfile
    case attachUserPolicy
    case attachGroupPolicy
    case attachRolePolicy
    case putUserPolicy
    case putGroupPolicy
    case putRolePolicy
    case attachOwnRolePolicy
    case putOwnRolePolicy
    case addUserToGroup
    case updateAssumeRolePolicy
    case passRoleToLambdaInvoke
    case passRoleToLambdaEventSource
    case updateLambdaCode
    case passRoleToGlueDevEndpoint
    case updateGlueDevEndpoint
    case passRoleToCloudFormation
    case passRoleToDataPipeline
    case passRoleToCodeBuild
    case passRoleToSageMakerNotebook

    /// The actions that must all be allowed for the method to work.
    public var requiredActions: [String] {
        switch self {
        case .createPolicyVersion: ["iam:CreatePolicyVersion"]
        case .setDefaultPolicyVersion: ["iam:SetDefaultPolicyVersion"]
        case .passRoleToEC2: ["iam:PassRole", "ec2:RunInstances"]
        case .createAccessKey: ["iam:CreateAccessKey"]
        case .createLoginProfile: ["iam:CreateLoginProfile"]
        case .updateLoginProfile: ["iam:UpdateLoginProfile"]
        case .attachUserPolicy: ["iam:AttachUserPolicy"]
        case .attachGroupPolicy: ["iam:AttachGroupPolicy"]
        case .attachRolePolicy: ["iam:AttachRolePolicy", "sts:AssumeRole"]
        case .putUserPolicy: ["iam:PutUserPolicy"]
        case .putGroupPolicy: ["iam:PutGroupPolicy"]
        case .putRolePolicy: ["iam:PutRolePolicy", "sts:AssumeRole"]
        case .attachOwnRolePolicy: ["iam:AttachRolePolicy"]
        case .putOwnRolePolicy: ["iam:PutRolePolicy"]
        case .addUserToGroup: ["iam:AddUserToGroup"]
        case .updateAssumeRolePolicy: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"]
        case .passRoleToLambdaInvoke: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]
        case .passRoleToLambdaEventSource: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"]
        case .updateLambdaCode: ["lambda:UpdateFunctionCode"]
        case .passRoleToGlueDevEndpoint: ["iam:PassRole", "glue:CreateDevEndpoint"]
        case .updateGlueDevEndpoint: ["glue:UpdateDevEndpoint"]
        case .passRoleToCloudFormation: ["iam:PassRole", "cloudformation:CreateStack"]
        case .passRoleToDataPipeline: ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"]
        case .passRoleToCodeBuild: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"]
        case .passRoleToSageMakerNotebook: ["iam:PassRole", "sagemaker:CreateNotebookInstance",
                                             "sagemaker:CreatePresignedNotebookInstanceUrl"]
        }
    }

    /// One line on how the method escalates.
    public var summary: String {
        switch self {
        case .createPolicyVersion: "create a new default version of a managed policy with any permissions"
        case .setDefaultPolicyVersion: "switch a managed policy to a more permissive existing version"
        case .passRoleToEC2: "launch an instance with a privileged role and use its credentials"
        case .createAccessKey: "create access keys for another user"
        case .createLoginProfile: "set a console password for a user that has none"
        case .updateLoginProfile: "change another user's console password"
        case .attachUserPolicy: "attach any managed policy (e.g. AdministratorAccess) to a user"
        case .attachGroupPolicy: "attach any managed policy to a group"
        case .attachRolePolicy: "attach any managed policy to a role, then assume it"
        case .putUserPolicy: "write an inline policy with any permissions on a user"
        case .putGroupPolicy: "write an inline policy with any permissions on a group"
        case .putRolePolicy: "write an inline policy on a role, then assume it"
        case .attachOwnRolePolicy: "attach any managed policy to its own role"
        case .putOwnRolePolicy: "write an inline policy with any permissions on its own role"
        case .addUserToGroup: "join a more privileged group"
        case .updateAssumeRolePolicy: "rewrite a role's trust policy to allow oneself, then assume it"
        case .passRoleToLambdaInvoke: "create a Lambda function with a privileged role and invoke it"
        case .passRoleToLambdaEventSource: "create a Lambda function with a privileged role and trigger it from an event source"
        case .updateLambdaCode: "replace the code of a function that runs with a privileged role"
        case .passRoleToGlueDevEndpoint: "create a Glue development endpoint with a privileged role and log in to it"
        case .updateGlueDevEndpoint: "add an SSH key to a Glue development endpoint that has a privileged role"
        case .passRoleToCloudFormation: "create a CloudFormation stack that acts with a privileged role"
        case .passRoleToDataPipeline: "run a Data Pipeline with a privileged role"
        case .passRoleToCodeBuild: "run a CodeBuild project with a privileged role"
        case .passRoleToSageMakerNotebook: "open a SageMaker notebook that runs with a privileged role"
        }
    }
}

extension EscalationMethod {
    /// The service a role is passed to with `iam:PassRole`, as `iam:PassedToService` names it (IAM User Guide,
    /// "Granting a user permissions to pass a role to an AWS service"); nil for methods without PassRole.
    public var passedToService: String? {
        switch self {
        case .passRoleToEC2: "ec2.amazonaws.com"
        case .passRoleToLambdaInvoke, .passRoleToLambdaEventSource: "lambda.amazonaws.com"
        case .passRoleToGlueDevEndpoint: "glue.amazonaws.com"
        case .passRoleToCloudFormation: "cloudformation.amazonaws.com"
        case .passRoleToDataPipeline: "datapipeline.amazonaws.com"
        case .passRoleToCodeBuild: "codebuild.amazonaws.com"
        case .passRoleToSageMakerNotebook: "sagemaker.amazonaws.com"
        default: nil
        }
    }

    /// Methods that act on the principal itself, without assuming anything: only a role's own ARN counts.
    public var targetsOwnRole: Bool { self == .attachOwnRolePolicy || self == .putOwnRolePolicy }

    /// The same method through assuming the role, which makes the own-role variant redundant.
    var assumingVariant: EscalationMethod? {
        switch self {
        case .attachOwnRolePolicy: .attachRolePolicy
        case .putOwnRolePolicy: .putRolePolicy
        default: nil
        }
    }

    /// Methods that work on other users' credentials: granted only on the caller's own user
    /// (`user/${aws:username}`) they gain nothing.
    var targetsOtherUsers: Bool { self == .createAccessKey || self == .createLoginProfile || self == .updateLoginProfile }
}

/// A privilege-escalation method available to a principal, with the grant of each required action.
public struct EscalationPath: Sendable, Hashable, Codable {
    public var method: EscalationMethod
    /// One grant per required action, in `method.requiredActions` order.
    public var steps: [ActionGrant]

    public init(method: EscalationMethod, steps: [ActionGrant]) {
        self.method = method
        self.steps = steps
    }

    /// Whether any step depends on request conditions.
    public var isConditional: Bool { steps.contains { $0.grant.isConditional } }

    /// Whether every step is granted on every resource (rather than on named resources only).
    public var coversAllResources: Bool { steps.allSatisfy { $0.grant.coversAllResources } }
}

extension PermissionAnalysis {
    /// The escalation methods whose every action the policies allow, on any resource.
    ///
    /// Actions scoped to named resources count (e.g. `iam:PutUserPolicy` on the user itself);
    /// `EscalationPath.coversAllResources` tells the two apart. Conditions decide some methods:
    /// - `iam:PassRole` whose every granting statement pins `iam:PassedToService` to other services cannot
    ///   pass the role to the method's service;
    /// - credentials actions granted only on the caller itself (`${aws:username}`, or the principal's own ARN)
    ///   reach no other user;
    /// - a role allowed `iam:AttachRolePolicy` / `iam:PutRolePolicy` on its own ARN escalates without
    ///   `sts:AssumeRole` (reported only when the assuming variant is not).
    public func privilegeEscalations() -> [EscalationPath] {
        let paths = EscalationMethod.allCases.compactMap { method -> EscalationPath? in
            if method.targetsOwnRole {
                guard let arn = principalArn, arn.contains(":role/"),
                      let action = method.requiredActions.first,
                      let grant = Grant(evaluator.evaluate(action: action, resource: arn)) else { return nil }
                return EscalationPath(method: method, steps: [ActionGrant(action: action, level: actions.accessLevel(of: action), grant: grant)])
            }
            var steps: [ActionGrant] = []
            for action in method.requiredActions {
                guard var step = grant(action: action, onAllResources: false) else { return nil }
                if action.equalsIgnoringCase("iam:PassRole"), let service = method.passedToService {
                    step.grant.statements = step.grant.statements.filter { $0.statement.mayPass(to: service) }
                }
                if method.targetsOtherUsers {
                    step.grant.statements = step.grant.statements.filter { !$0.statement.onlyTargets(self: principalArn) }
                }
                guard !step.grant.statements.isEmpty else { return nil }
                steps.append(step)
            }
            return EscalationPath(method: method, steps: steps)
        }
        let found = Set(paths.map(\.method))
        return paths.filter { path in path.method.assumingVariant.map { !found.contains($0) } ?? true }
    }
}

extension Statement {
    /// Whether the statement's `iam:PassedToService` condition (if any) admits `service`: a pinned list
    /// (`StringEquals`/`StringLike`, with or without `ForAnyValue:`) must match it.
    func mayPass(to service: String) -> Bool {
        let pins = conditions.filter { c in
            c.matchesKey("iam:PassedToService") && !c.op.ifExists && c.op.setQualifier != .forAllValues
                && ["StringEquals", "StringEqualsIgnoreCase", "StringLike"].contains(where: c.op.isBase)
        }
        return pins.allSatisfy { c in c.values.contains { Wildcard.matches($0, service, ignoringCase: true) } }
    }

    /// Whether every resource the statement names is the caller itself: a pattern holding the policy variable
    /// `${aws:username}` (IAM User Guide, "IAM policy elements: Variables and tags") or the principal's own ARN.
    func onlyTargets(self arn: String?) -> Bool {
        guard case .only(let patterns)? = resources, !patterns.isEmpty else { return false }
        return patterns.allSatisfy { p in p.contains("${aws:username}") || (arn.map { p == $0 } ?? false) }
    }
}
