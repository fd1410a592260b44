/// An EC2 instance.
public struct Instance: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    /// `running`, `stopped`, `terminated`, ...
    public var state: String
    public var vpcId: String?
    public var subnetId: String?
    public var privateIp: String?
    public var publicIp: String?
    public var securityGroupIds: [String]
    public var networkInterfaceIds: [String]
    public var instanceProfileArn: String?
    public var imageId: String?
    public var instanceType: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, state: String = "running", vpcId: String? = nil, subnetId: String? = nil,
                privateIp: String? = nil, publicIp: String? = nil, securityGroupIds: [String] = [],
                networkInterfaceIds: [String] = [], instanceProfileArn: String? = nil, imageId: String? = nil,
                instanceType: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.state = state
        self.vpcId = vpcId
        self.subnetId = subnetId
        self.privateIp = privateIp
        self.publicIp = publicIp
        self.securityGroupIds = securityGroupIds
        self.networkInterfaceIds = networkInterfaceIds
        self.instanceProfileArn = instanceProfileArn
        self.imageId = imageId
        self.instanceType = instanceType
        self.tags = tags
    }

    /// The Auto Scaling group that launched the instance, from its propagated tag.
    public var autoScalingGroup: String? { tags["aws:autoscaling:groupName"] }
}

/// An AWS Lambda function and, when it runs in a VPC, its network placement.
public struct LambdaFunction: Sendable, Hashable, Codable, Identifiable {
    /// The function name.
    public var id: String
    public var scope: ResourceScope
    public var arn: String?
    public var runtime: String?
    public var roleArn: String?
    public var vpcId: String?
    public var subnetIds: [String]
    public var securityGroupIds: [String]
    /// Names of environment variables (values are never stored).
    public var environmentVariableNames: [String]
    /// Environment variables whose value looked like a credential (value dropped at import); nil when not judged.
    public var plainSecrets: [PlainSecret]?
    /// The function URL, when one is configured.
    public var functionUrl: FunctionURL?

    public init(id: String, scope: ResourceScope, arn: String? = nil, runtime: String? = nil, roleArn: String? = nil,
                vpcId: String? = nil, subnetIds: [String] = [], securityGroupIds: [String] = [],
                environmentVariableNames: [String] = [], plainSecrets: [PlainSecret]? = nil, functionUrl: FunctionURL? = nil) {
        self.id = id
        self.scope = scope
        self.arn = arn
        self.runtime = runtime
        self.roleArn = roleArn
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.environmentVariableNames = environmentVariableNames
        self.plainSecrets = plainSecrets
        self.functionUrl = functionUrl
    }
}

/// A Lambda function URL (`get-function-url-config`/`list-function-url-configs`).
public struct FunctionURL: Sendable, Hashable, Codable {
    public var url: String
    /// `NONE` (anyone on the internet, subject to the resource policy) or `AWS_IAM`.
    public var authType: String

    public init(url: String, authType: String) {
        self.url = url
        self.authType = authType
    }

    /// AWS "Control access to Lambda function URLs": with `NONE`, Lambda performs no IAM authentication.
    public var isUnauthenticated: Bool { authType.uppercased() == "NONE" }
}
