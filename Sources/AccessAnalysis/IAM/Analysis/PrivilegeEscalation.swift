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
    /// `EscalationPath.coversAllResources` tells the two apart.
    public func privilegeEscalations() -> [EscalationPath] {
        EscalationMethod.allCases.compactMap { method in
            var steps: [ActionGrant] = []
            for action in method.requiredActions {
                guard let step = grant(action: action, onAllResources: false) else { return nil }
                steps.append(step)
            }
            return EscalationPath(method: method, steps: steps)
        }
    }
}
