/// What is known about a request when a policy's conditions are judged: the values of some keys, the keys
/// known to be absent, and nothing about the rest.
///
/// IAM User Guide, "IAM JSON policy elements: Condition": the request context holds the keys AWS sets for the
/// request; a key may be missing (an anonymous caller has no `aws:PrincipalAccount`, a call from the internet
/// no `aws:SourceVpc`). Keys are compared case-insensitively.
public struct RequestContext: Sendable, Hashable, Codable {
    /// Known values by lowercased key (a multivalued key such as `aws:TagKeys` holds several).
    public private(set) var values: [String: [String]] = [:]
    /// Lowercased keys known to be absent from the request.
    public private(set) var absent: Set<String> = []

    /// What a key holds in this context.
    public enum KeyState: Sendable, Hashable {
        case present([String])
        case absent
        case unknown
    }

    public init(values: [String: [String]] = [:], absent: [String] = []) {
        for (key, v) in values { self.values[key.lowercased()] = v }
        self.absent = Set(absent.map { $0.lowercased() }).subtracting(self.values.keys)
    }

    public func state(of key: String) -> KeyState {
        let k = key.lowercased()
        if let v = values[k] { return .present(v) }
        return absent.contains(k) ? .absent : .unknown
    }

    /// An anonymous caller from the internet, outside every AWS account, organization and VPC: the keys that
    /// identify a principal or a network path inside AWS are absent (IAM User Guide, "AWS global condition
    /// context keys": aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalOrgID… are "not present" for
    /// anonymous requests; aws:SourceVpc and aws:SourceVpce only for requests through a VPC endpoint). Its
    /// address, transport and time are unknown.
    public static let anonymousOutsider = RequestContext(values: ["aws:PrincipalType": ["Anonymous"]], absent: [
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:userid",
        "aws:username", "aws:SourceVpc", "aws:SourceVpce", "aws:VpcSourceIp", "aws:SourceArn", "aws:SourceAccount",
        "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName",
        "aws:CalledVia", "aws:ViaAWSService", "kms:CallerAccount", "kms:ViaService",
    ])
}
