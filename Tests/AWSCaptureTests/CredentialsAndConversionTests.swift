import AWSImport
import Foundation
import JSON
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AWSCapture

/// Credentials like the AWS CLI (shared files, profiles, roles) and the XML → CLI JSON conversion.
@Suite(.serialized)
struct CredentialsAndConversionTests {
    @Test func sharedFilesParseLikeTheCLI() {
        let creds = SharedConfig.parse(text: """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = secret1
            # comment
            [prod]
            aws_access_key_id=AKIAPROD
            aws_secret_access_key=secret2
            aws_session_token = tok
            """, isConfig: false)
        let config = SharedConfig.parse(text: """
            [default]
            region = eu-west-1
            [profile audit]
            role_arn = arn:aws:iam::111122223333:role/Audit
            source_profile = prod
            region = us-west-2
            s3 =
              max_concurrent_requests = 20
            [sso-session corp]
            sso_start_url = https://x
            """, isConfig: true)
        #expect(creds["prod"]?["aws_session_token"] == "tok")
        #expect(config["audit"]?["role_arn"] == "arn:aws:iam::111122223333:role/Audit")
        #expect(config["audit"]?["max_concurrent_requests"] == nil)
        #expect(config["corp"] == nil)
        #expect(config["default"]?["region"] == "eu-west-1")
        let files = SharedConfig(credentials: creds, config: config)
        #expect(files.profile("audit")?["source_profile"] == "prod")
        #expect(files.profile("missing") == nil)
    }

    @Test func regionPrecedence() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-cfg-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("config").path
        try "[default]\nregion = eu-west-1\n[profile x]\nregion = ap-south-1\n".write(toFile: config, atomically: true, encoding: .utf8)
        #expect(CredentialResolver.defaultRegion(environment: ["AWS_CONFIG_FILE": config], profile: nil) == "eu-west-1")
        #expect(CredentialResolver.defaultRegion(environment: ["AWS_CONFIG_FILE": config], profile: "x") == "ap-south-1")
        #expect(CredentialResolver.defaultRegion(environment: ["AWS_CONFIG_FILE": config, "AWS_DEFAULT_REGION": "us-west-1"], profile: "x") == "us-west-1")
        #expect(CredentialResolver.defaultRegion(environment: ["AWS_CONFIG_FILE": config, "AWS_DEFAULT_REGION": "us-west-1", "AWS_REGION": "ca-central-1"], profile: nil) == "ca-central-1")
    }

    @Test func profilesAndRolesAgainstMoto() async throws {
        try await MotoServer.with { server in
            let roleArn = try server.setup("role").trimmingCharacters(in: .whitespacesAndNewlines)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-aws-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let credentials = dir.appendingPathComponent("credentials").path
            let config = dir.appendingPathComponent("config").path
            try "[base]\naws_access_key_id = AKIABASEEXAMPLE\naws_secret_access_key = base-secret\n".write(toFile: credentials, atomically: true, encoding: .utf8)
            try "[profile audit]\nrole_arn = \(roleArn)\nsource_profile = base\nregion = us-east-1\n".write(toFile: config, atomically: true, encoding: .utf8)
            let env = ["AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_CONFIG_FILE": config, "HOME": "/nonexistent",
                       "AWS_EC2_METADATA_DISABLED": "true"]

            // A plain profile from the credentials file.
            let plain = try await capture(CaptureOptions(profile: "base", regions: ["us-east-1"], endpointURL: server.url, environment: env))
            #expect(plain.credentialSource == "profile base")
            #expect(plain.metadata.origin == [server.url, "profile:base"])

            // AWS_PROFILE and AWS_ENDPOINT_URL from the environment.
            var envProfile = env
            envProfile["AWS_PROFILE"] = "base"
            envProfile["AWS_ENDPOINT_URL"] = server.url
            let fromEnv = try await capture(CaptureOptions(regions: ["us-east-1"], environment: envProfile))
            #expect(fromEnv.credentialSource == "profile base")
            #expect(fromEnv.metadata.origin == [server.url, "profile:base"])

            // role_arn + source_profile: STS AssumeRole first.
            let viaRole = try await capture(CaptureOptions(profile: "audit", regions: [], endpointURL: server.url, environment: env))
            #expect(viaRole.credentialSource.hasPrefix("role \(roleArn)"))
            #expect(viaRole.callerArn.contains("assumed-role/auditor-role"), "\(viaRole.callerArn)")
            #expect(viaRole.metadata.regions == ["us-east-1"])

            // AWS_PROFILE and --role-arn on top of environment keys.
            var envKeys = env
            envKeys["AWS_ACCESS_KEY_ID"] = "AKIAENVEXAMPLE"
            envKeys["AWS_SECRET_ACCESS_KEY"] = "env-secret"
            let crossAccount = try await capture(CaptureOptions(regions: ["us-east-1"], endpointURL: server.url, roleArn: roleArn, environment: envKeys))
            #expect(crossAccount.callerArn.contains("assumed-role/auditor-role"))
            #expect(crossAccount.credentialSource.contains("environment variables"))

            // Nothing anywhere: a clear error, no endless IMDS wait.
            let none = CaptureOptions(regions: ["us-east-1"], endpointURL: server.url, environment: env.filter { $0.key != "AWS_SHARED_CREDENTIALS_FILE" }.merging(["AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_CONFIG_FILE": "/dev/null"]) { $1 })
            await #expect(throws: CaptureError.noCredentials) { _ = try await capture(none) }
            let missing = CaptureOptions(profile: "nope", regions: ["us-east-1"], endpointURL: server.url, environment: env)
            do { _ = try await capture(missing); Issue.record("must fail") } catch let error as CaptureError {
                #expect(error.description.contains("profile nope not found"))
            }
        }
    }

    @Test func containerCredentialsAreTheFallback() async throws {
        try await MotoServer.with { server in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-ecs-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try #"{"AccessKeyId": "AKIACONTAINER", "SecretAccessKey": "container-secret", "Token": "container-token", "Expiration": "2099-01-01T00:00:00Z"}"#
                .write(to: dir.appendingPathComponent("creds.json"), atomically: true, encoding: .utf8)
            let port = try MotoServer.freePort()
            let http = Process()
            http.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            http.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir.path]
            http.standardOutput = FileHandle.nullDevice
            http.standardError = FileHandle.nullDevice
            try http.run()
            defer { kill(http.processIdentifier, SIGKILL); http.waitUntilExit() }
            while !MotoServer.answers(port: port) { usleep(50_000) }
            let env = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:\(port)/creds.json", "AWS_CONFIG_FILE": "/dev/null",
                       "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "HOME": "/nonexistent", "AWS_REGION": "us-east-1"]
            let result = try await capture(CaptureOptions(endpointURL: server.url, environment: env))
            #expect(result.credentialSource == "container credentials")
            #expect(result.metadata.regions == ["us-east-1"])
            #expect(!result.rawDocuments.contains { $0.content.contains("container-secret") || $0.content.contains("container-token") })
        }
    }

    @Test func shapesCoverEveryCall() {
        let model = ShapeModel.bundled
        var calls = CallRunner.ec2Listings.map { ("ec2", $0.0) }
        calls += [("ec2", "DescribeRegions"), ("ec2", "DescribeTransitGatewayRouteTables"), ("ec2", "SearchTransitGatewayRoutes"),
                  ("ec2", "DescribeManagedPrefixLists"), ("ec2", "GetManagedPrefixListEntries"),
                  ("elbv2", "DescribeLoadBalancers"), ("elbv2", "DescribeListeners"), ("elbv2", "DescribeTargetGroups"),
                  ("elbv2", "DescribeTargetHealth"), ("rds", "DescribeDBInstances"), ("rds", "DescribeDBSubnetGroups"),
                  ("lambda", "ListFunctions"), ("iam", "GetAccountAuthorizationDetails"), ("sts", "GetCallerIdentity"),
                  ("sts", "AssumeRole"), ("s3", "ListBuckets"), ("s3", "GetBucketLocation"), ("s3", "GetBucketPolicy"),
                  ("s3", "GetBucketPolicyStatus"), ("s3", "GetBucketAcl"), ("s3", "GetPublicAccessBlock"),
                  ("s3", "GetBucketOwnershipControls"), ("s3control", "GetPublicAccessBlock")]
        for (service, operation) in calls {
            let op = model.services[service]?.operations[operation]
            #expect(op?.output.flatMap { model.services[service]?.shapes[$0] } != nil, "\(service) \(operation)")
        }
        // Every paginated listing knows its tokens.
        #expect(model.service("ec2").operations["DescribeInstances"]?.paginator?.resultKey == ["Reservations"])
        #expect(model.service("iam").operations["GetAccountAuthorizationDetails"]?.paginator?.moreResults == "IsTruncated")
        #expect(model.service("rds").operations["DescribeDBInstances"]?.paginator?.inputToken == "Marker")
        #expect(model.service("s3control").operations["GetPublicAccessBlock"]?.hostPrefix == "{AccountId}.")
    }

    @Test func ec2XMLBecomesCLIJSON() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>r1</requestId>
              <securityGroupInfo>
                <item>
                  <ownerId>123456789012</ownerId><groupId>sg-1</groupId><groupName>web</groupName>
                  <groupDescription>web &amp; co</groupDescription>
                  <ipPermissions>
                    <item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort>
                      <groups><item><groupId>sg-2</groupId><userId>123456789012</userId></item></groups>
                      <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                      <ipv6Ranges/>
                    </item>
                  </ipPermissions>
                  <tagSet><item><key>Name</key><value>web</value></item></tagSet>
                </item>
              </securityGroupInfo>
              <nextToken>abc</nextToken>
            </DescribeSecurityGroupsResponse>
            """
        let json = try #require(XMLToCLIJSON(service: ShapeModel.bundled.service("ec2")).convert(operation: "DescribeSecurityGroups", body: Array(xml.utf8)))
        let expected = try JSONParser.parse(Array("""
            {"SecurityGroups": [{"OwnerId": "123456789012", "GroupId": "sg-1", "GroupName": "web", "Description": "web & co",
              "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                                 "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "123456789012"}],
                                 "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": []}],
              "Tags": [{"Key": "Name", "Value": "web"}]}], "NextToken": "abc"}
            """.utf8))
        #expect(json == expected)
    }

    @Test func s3AndIAMFollowTheirShapes() throws {
        let acl = """
            <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o1</ID></Owner>
            <AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
            <URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant></AccessControlList>
            </AccessControlPolicy>
            """
        let s3 = XMLToCLIJSON(service: ShapeModel.bundled.service("s3"))
        let json = try #require(s3.convert(operation: "GetBucketAcl", body: Array(acl.utf8)))
        #expect(json == (try JSONParser.parse(Array("""
            {"Owner": {"ID": "o1"}, "Grants": [{"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}]}
            """.utf8))))
        let policy = try #require(s3.convert(operation: "GetBucketPolicy", body: Array(#"{"Version":"2012-10-17"}"#.utf8)))
        #expect(policy == .object(["Policy": .string(#"{"Version":"2012-10-17"}"#)]))
        let location = try #require(s3.convert(operation: "GetBucketLocation", body: Array(#"<LocationConstraint xmlns="x"/>"#.utf8)))
        #expect(location == .object(["LocationConstraint": .null]))
        let pab = try #require(s3.convert(operation: "GetPublicAccessBlock", body: Array("<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls></PublicAccessBlockConfiguration>".utf8)))
        #expect(pab == .object(["PublicAccessBlockConfiguration": .object(["BlockPublicAcls": .bool(true), "IgnorePublicAcls": .bool(false)])]))

        let iamXML = """
            <GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated>
            <RoleDetailList><member><RoleName>r</RoleName>
            <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
            <RolePolicyList/></member></RoleDetailList>
            </GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>
            """
        let iam = try #require(XMLToCLIJSON(service: ShapeModel.bundled.service("iam")).convert(operation: "GetAccountAuthorizationDetails", body: Array(iamXML.utf8)))
        #expect(iam == (try JSONParser.parse(Array("""
            {"IsTruncated": false, "RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": {"Version": "2012-10-17"}, "RolePolicyList": []}]}
            """.utf8))))
    }

    @Test func errorsAreDecodedClassifiedAndRedacted() {
        let body = Array("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized. Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=abcdef0123</Message></Error></Errors></Response>".utf8)
        let e = AWSClient.decodeError(.init(status: 403, body: body), secrets: ["topsecretvalue"])
        #expect(e.code == "UnauthorizedOperation")
        #expect(e.isAccessDenied)
        #expect(!e.message.contains("abcdef0123"))
        let throttled = AWSClient.decodeError(.init(status: 400, body: Array("<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>".utf8)), secrets: [])
        #expect(throttled.isRetryable)
        let s3 = AWSClient.decodeError(.init(status: 404, body: Array("<Error><Code>NoSuchBucketPolicy</Code><Message>none</Message></Error>".utf8)), secrets: [])
        #expect(s3.code == "NoSuchBucketPolicy")
        #expect(!s3.isRetryable)
        let lambda = AWSClient.decodeError(.init(status: 403, headers: [(name: "x-amzn-errortype", value: "AccessDeniedException:http://internal")],
                                                 body: Array(#"{"Message":"denied topsecretvalue"}"#.utf8)), secrets: ["topsecretvalue"])
        #expect(lambda.code == "AccessDeniedException")
        // Lambda's throttling body carries "Type":"User"; the header names the error, and it is retried.
        let lambdaThrottled = AWSClient.decodeError(.init(status: 429, headers: [(name: "x-amzn-errortype", value: "TooManyRequestsException")],
                                                          body: Array(#"{"Type":"User","message":"Rate exceeded"}"#.utf8)), secrets: [])
        #expect(lambdaThrottled.code == "TooManyRequestsException" && lambdaThrottled.isRetryable)
        let typeOnly = AWSClient.decodeError(.init(status: 429, body: Array(#"{"Type":"User","message":"Rate exceeded"}"#.utf8)), secrets: [])
        #expect(typeOnly.code == "TooManyRequestsException" && typeOnly.isRetryable)
        #expect(!lambda.message.contains("topsecretvalue"))
        #expect(Redactor.redact("AWS_SECRET_ACCESS_KEY=abc123 X-Amz-Security-Token: FQoG") == "AWS_SECRET_ACCESS_KEY=(redacted) X-Amz-Security-Token: (redacted)")
        let redirect = AWSClient.decodeError(.init(status: 301, body: Array("<Error><Code>PermanentRedirect</Code><Message>m</Message><Region>eu-west-3</Region></Error>".utf8)), secrets: [])
        #expect(redirect.region == "eu-west-3")
        let redirectHeader = AWSClient.decodeError(.init(status: 400, headers: [(name: "x-amz-bucket-region", value: "ap-south-1")],
                                                         body: Array("<Error><Code>AuthorizationHeaderMalformed</Code></Error>".utf8)), secrets: [])
        #expect(redirectHeader.region == "ap-south-1")
        let fiveHundred = AWSClient.decodeError(.init(status: 503, body: []), secrets: [])
        #expect(fiveHundred.isRetryable)
    }
}
