import AWSImport
import Foundation
import HTTPClient
import SigV4
import JSON

/// Where the credentials came from (shown to users; never the keys themselves).
public enum CredentialSource: Sendable, Hashable, CustomStringConvertible {
    case environment
    case profile(String)
    case assumedRole(roleArn: String, via: String)
    case container
    case instanceMetadata
    case explicit

    public var description: String {
        switch self {
        case .environment: "environment variables"
        case .profile(let p): "profile \(p)"
        case .assumedRole(let arn, let via): "role \(arn) (from \(via))"
        case .container: "container credentials"
        case .instanceMetadata: "EC2 instance metadata (IMDSv2)"
        case .explicit: "explicit credentials"
        }
    }
}

/// The `~/.aws/config` and `~/.aws/credentials` files (INI), read like the AWS CLI reads them.
struct SharedConfig: Sendable {
    /// `[profile]` sections of the credentials file.
    var credentials: [String: [String: String]] = [:]
    /// `[profile name]` / `[default]` sections of the config file, keyed by profile name.
    var config: [String: [String: String]] = [:]

    init(environment env: [String: String]) {
        let home = env["HOME"] ?? NSHomeDirectory()
        let credPath = env["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
        let configPath = env["AWS_CONFIG_FILE"] ?? home + "/.aws/config"
        credentials = SharedConfig.parse(path: credPath, isConfig: false)
        config = SharedConfig.parse(path: configPath, isConfig: true)
    }

    init(credentials: [String: [String: String]], config: [String: [String: String]]) {
        self.credentials = credentials
        self.config = config
    }

    /// A profile's settings: credentials-file values win over config-file values.
    func profile(_ name: String) -> [String: String]? {
        let c = config[name], k = credentials[name]
        if c == nil && k == nil { return nil }
        return (c ?? [:]).merging(k ?? [:]) { _, cred in cred }
    }

    static func parse(path: String, isConfig: Bool) -> [String: [String: String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return parse(text: text, isConfig: isConfig)
    }

    static func parse(text: String, isConfig: Bool) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        var current: String? = nil
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                var name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if isConfig {
                    if name.hasPrefix("profile ") { name = name.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces) }
                    else if name != "default" { current = nil; continue }  // sso-session, services, ...
                }
                current = name
                if out[name] == nil { out[name] = [:] }
                continue
            }
            // Nested settings (lines starting with whitespace under a key) are ignored.
            guard raw.first != " " && raw.first != "\t", let current, let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            out[current, default: [:]][key] = value
        }
        return out
    }
}

/// Resolves credentials like the AWS CLI: a named profile (`--profile` / `AWS_PROFILE`), otherwise
/// environment variables, the shared files' profile, then container credentials and IMDSv2.
struct CredentialResolver: Sendable {
    var environment: [String: String]
    var transport: any HTTPTransport
    var endpointURL: String?
    var retry: RetryPolicy
    var counter: CallCounter
    /// Rate limits for AssumeRole, counted against `limitAccount` (the caller's account).
    var limiter: RateLimiter? = nil
    var limitAccount = ""

    func resolve(profile explicitProfile: String?, region: String) async throws(CaptureError) -> (AWSCredentials, CredentialSource) {
        let files = SharedConfig(environment: environment)
        if let name = explicitProfile {
            return try await fromProfile(name, files: files, region: region, depth: 0)
        }
        if let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty, let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty {
            return (AWSCredentials(accessKeyId: key, secretAccessKey: secret,
                                   sessionToken: environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"]), .environment)
        }
        let name = environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["AWS_DEFAULT_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let name { return try await fromProfile(name, files: files, region: region, depth: 0) }
        if files.profile("default") != nil, let found = try? await fromProfile("default", files: files, region: region, depth: 0) {
            return found
        }
        if let found = await containerCredentials() { return (found, .container) }
        if let found = await instanceMetadataCredentials() { return (found, .instanceMetadata) }
        throw .noCredentials
    }

    func fromProfile(_ name: String, files: SharedConfig, region: String, depth: Int) async throws(CaptureError) -> (AWSCredentials, CredentialSource) {
        guard depth < 5 else { throw .configuration("profile \(name): source_profile chain is too long or circular") }
        guard let p = files.profile(name) else { throw .configuration("profile \(name) not found in the AWS config or credentials files") }
        if let roleArn = p["role_arn"] {
            let base: AWSCredentials
            if let source = p["source_profile"] {
                if source == name, let key = p["aws_access_key_id"], let secret = p["aws_secret_access_key"] {
                    base = AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: p["aws_session_token"])
                } else {
                    base = try await fromProfile(source, files: files, region: region, depth: depth + 1).0
                }
            } else if let cs = p["credential_source"] {
                switch cs {
                case "Environment":
                    guard let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else { throw .noCredentials }
                    base = AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
                case "EcsContainer":
                    guard let c = await containerCredentials() else { throw .noCredentials }
                    base = c
                default:
                    guard let c = await instanceMetadataCredentials() else { throw .noCredentials }
                    base = c
                }
            } else {
                throw .configuration("profile \(name): role_arn needs source_profile or credential_source")
            }
            let creds = try await assumeRole(roleArn, with: base, region: p["region"] ?? region,
                                             externalId: p["external_id"], sessionName: p["role_session_name"])
            return (creds, .assumedRole(roleArn: roleArn, via: "profile \(name)"))
        }
        if let key = p["aws_access_key_id"], let secret = p["aws_secret_access_key"] {
            return (AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: p["aws_session_token"]), .profile(name))
        }
        if p["sso_start_url"] != nil || p["sso_session"] != nil {
            throw .configuration("profile \(name) uses AWS SSO: run `aws sso login --profile \(name)` and export the credentials (aws configure export-credentials), or use another profile")
        }
        if p["credential_process"] != nil {
            throw .configuration("profile \(name) uses credential_process, which netaudit does not run; export the credentials instead")
        }
        throw .configuration("profile \(name) has no credentials (aws_access_key_id/aws_secret_access_key or role_arn)")
    }

    /// STS AssumeRole with `base`; returns the temporary credentials.
    func assumeRole(_ roleArn: String, with base: AWSCredentials, region: String, externalId: String? = nil,
                    sessionName: String? = nil) async throws(CaptureError) -> AWSCredentials {
        var client = AWSClient(transport: transport, credentials: base, endpointURL: endpointURL, retry: retry, counter: counter)
        client.limiter = limiter
        client.account = limitAccount
        var params: [(String, String)] = [("RoleArn", roleArn), ("RoleSessionName", sessionName ?? "netaudit-\(Int(Date().timeIntervalSince1970))")]
        if let externalId { params.append(("ExternalId", externalId)) }
        let result: JSONValue
        do {
            result = try await client.query(service: "sts", operation: "AssumeRole", region: region, parameters: params)
        } catch {
            if error.isAuthenticationFailure { throw .invalidCredentials(call: "sts AssumeRole", detail: error.description) }
            throw .assumeRoleFailed(roleArn: roleArn, detail: error.description)
        }
        guard case .object(let top) = result, case .object(let c)? = top["Credentials"],
              case .string(let key)? = c["AccessKeyId"], case .string(let secret)? = c["SecretAccessKey"] else {
            throw .assumeRoleFailed(roleArn: roleArn, detail: "the answer holds no credentials")
        }
        var token: String? = nil
        if case .string(let t)? = c["SessionToken"] { token = t }
        return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: token)
    }

    /// ECS/EKS container credentials (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` / `_FULL_URI`).
    func containerCredentials() async -> AWSCredentials? {
        let url: String
        if let rel = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !rel.isEmpty { url = "http://169.254.170.2" + rel }
        else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty { url = full }
        else { return nil }
        var headers: [(name: String, value: String)] = []
        if let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"],
           let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) {
            headers.append((name: "Authorization", value: token.trimmingCharacters(in: .whitespacesAndNewlines)))
        } else if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            headers.append((name: "Authorization", value: token))
        }
        guard let r = try? await transport.send(HTTPRequest(method: "GET", url: url, headers: headers)), r.status == 200 else { return nil }
        return CredentialResolver.parseCredentialJSON(r.body)
    }

    /// EC2 instance metadata, IMDSv2 only (token first), with short timeouts.
    func instanceMetadataCredentials() async -> AWSCredentials? {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { return nil }
        let base = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://169.254.169.254"
        let imds = CurlTransport(configuration: HTTPClientConfiguration(connectTimeout: 1, totalTimeout: 2, maxConcurrency: 1,
                                                                      environment: ["NO_PROXY": "*"]))
        defer { imds.shutdown() }
        guard let t = try? await imds.send(HTTPRequest(method: "PUT", url: base + "/latest/api/token",
                                                        headers: [(name: "X-aws-ec2-metadata-token-ttl-seconds", value: "21600")])),
              t.status == 200 else { return nil }
        let token = String(decoding: t.body, as: UTF8.self)
        let auth = [(name: "X-aws-ec2-metadata-token", value: token)]
        guard let r = try? await imds.send(HTTPRequest(method: "GET", url: base + "/latest/meta-data/iam/security-credentials/", headers: auth)),
              r.status == 200, let role = String(decoding: r.body, as: UTF8.self).split(separator: "\n").first else { return nil }
        guard let c = try? await imds.send(HTTPRequest(method: "GET", url: base + "/latest/meta-data/iam/security-credentials/" + role, headers: auth)),
              c.status == 200 else { return nil }
        return CredentialResolver.parseCredentialJSON(c.body)
    }

    static func parseCredentialJSON(_ body: [UInt8]) -> AWSCredentials? {
        guard case .object(let o)? = try? JSONParser.parse(body),
              case .string(let key)? = o["AccessKeyId"], case .string(let secret)? = o["SecretAccessKey"] else { return nil }
        var token: String? = nil
        if case .string(let t)? = o["Token"] ?? o["SessionToken"] { token = t }
        return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: token)
    }

    /// The default region: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    static func defaultRegion(environment env: [String: String], profile: String?) -> String? {
        if let r = env["AWS_REGION"], !r.isEmpty { return r }
        if let r = env["AWS_DEFAULT_REGION"], !r.isEmpty { return r }
        let files = SharedConfig(environment: env)
        let name = profile ?? env["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return files.config[name]?["region"]
    }
}
