import AWSImport
import Foundation
import NetModel
import JSON

/// The API calls of one capture: regional listings, per-resource follow-ups, IAM and S3.
struct CallRunner: Sendable {
    let client: AWSClient
    let sink: CaptureSink
    let account: String
    let pageSize: Int?
    /// Prefixes warning sources and messages (the account, in an organization capture).
    var label: String? = nil

    /// EC2 listings (operation, file name as the import layout names it).
    static let ec2Listings: [(String, String)] = [
        ("DescribeVpcs", "ec2-describe-vpcs"),
        ("DescribeSubnets", "ec2-describe-subnets"),
        ("DescribeRouteTables", "ec2-describe-route-tables"),
        ("DescribeInternetGateways", "ec2-describe-internet-gateways"),
        ("DescribeEgressOnlyInternetGateways", "ec2-describe-egress-only-internet-gateways"),
        ("DescribeNatGateways", "ec2-describe-nat-gateways"),
        ("DescribeSecurityGroups", "ec2-describe-security-groups"),
        ("DescribeNetworkAcls", "ec2-describe-network-acls"),
        ("DescribeNetworkInterfaces", "ec2-describe-network-interfaces"),
        ("DescribeInstances", "ec2-describe-instances"),
        ("DescribeVpcPeeringConnections", "ec2-describe-vpc-peering-connections"),
        ("DescribeTransitGateways", "ec2-describe-transit-gateways"),
        ("DescribeTransitGatewayAttachments", "ec2-describe-transit-gateway-attachments"),
        ("DescribeTransitGatewayVpcAttachments", "ec2-describe-transit-gateway-vpc-attachments"),
        ("DescribeVpcEndpoints", "ec2-describe-vpc-endpoints"),
        ("DescribeAddresses", "ec2-describe-addresses"),
        ("DescribeVpnGateways", "ec2-describe-vpn-gateways"),
        ("DescribeCustomerGateways", "ec2-describe-customer-gateways"),
        ("DescribeVpnConnections", "ec2-describe-vpn-connections"),
    ]

    /// Per transit gateway route table, besides its routes: which attachments propagate into it and which use it.
    static let transitGatewayRouteTableCalls: [(String, String)] = [
        ("GetTransitGatewayRouteTablePropagations", "ec2-get-transit-gateway-route-table-propagations"),
        ("GetTransitGatewayRouteTableAssociations", "ec2-get-transit-gateway-route-table-associations"),
    ]

    /// Errors that mean "not configured" (no policy, no Block Public Access, no ownership controls).
    static let notConfigured: Set<String> = [
        "NoSuchBucketPolicy", "NoSuchPublicAccessBlockConfiguration", "OwnershipControlsNotFoundError",
    ]

    func resultKeys(_ service: String, _ operation: String) -> [String] {
        client.shapes.service(service).operations[operation]?.paginator?.resultKey ?? []
    }

    /// Records a failed call as a warning.
    func warn(_ service: String, _ operation: String, _ region: String, _ error: AWSServiceError) {
        guard error.code != AWSServiceError.skipped else { return }
        let code: String
        if error.isAuthenticationFailure { code = "auth-failed" }
        else if error.isAccessDenied { code = "access-denied" }
        else if error.isUnsupportedRegion { code = "unsupported-region" }
        else if AWSServiceError.throttlingCodes.contains(error.code) { code = "throttled" }
        else if error.status == 0 { code = "network-error" }
        else { code = "service-error" }
        let prefix = label.map { "\($0) " } ?? ""
        sink.warn(CaptureWarning(source: "\(prefix)\(service) \(operation) (\(region))", code: code,
                                 message: "\(prefix)\(service) \(operation) in \(region) failed: \(error.description); its resources are missing from the snapshot"))
    }

    /// A paginated query-protocol call stored as one document; nil on failure (recorded as a warning).
    @discardableResult
    func listing(_ service: String, _ operation: String, file: String, region: String, storeRegion: String?,
                 parameters: [(String, String)] = [], callFolder: String? = nil, usePageSize: Bool = true) async -> JSONValue? {
        let keys = resultKeys(service, operation)
        let sink = self.sink, counter = client.counter
        do {
            let json = try await client.paginatedQuery(service: service, operation: operation, region: region, parameters: parameters,
                                                       pageSize: usePageSize ? pageSize : nil) { page in
                _ = counter.call()
                sink.page(page, region: storeRegion ?? "global", keys: keys)
            }
            sink.add(CapturedDocument(account: account, region: storeRegion, callFolder: callFolder, baseName: file, json: json))
            return json
        } catch {
            warn(service, operation, region, error)
            return nil
        }
    }

    static func items(_ json: JSONValue?, _ key: String) -> [JSONObject] {
        guard case .object(let o)? = json, case .array(let items)? = o[key] else { return [] }
        return items.compactMap { if case .object(let i) = $0 { i } else { nil } }
    }

    static func string(_ o: JSONObject, _ key: String) -> String? {
        if case .string(let s)? = o[key] { s } else { nil }
    }

    func regional(region: String, in group: inout TaskGroup<Void>) {
        for (op, file) in CallRunner.ec2Listings {
            group.addTask { await self.listing("ec2", op, file: file, region: region, storeRegion: region) }
        }
        group.addTask {
            let tables = await self.listing("ec2", "DescribeTransitGatewayRouteTables", file: "ec2-describe-transit-gateway-route-tables",
                                            region: region, storeRegion: region)
            await withTaskGroup(of: Void.self) { inner in
                for t in CallRunner.items(tables, "TransitGatewayRouteTables") {
                    guard let id = CallRunner.string(t, "TransitGatewayRouteTableId") else { continue }
                    // The routes in effect, static and propagated: state active or blackhole (not pending or deleted).
                    inner.addTask {
                        await self.listing("ec2", "SearchTransitGatewayRoutes", file: id, region: region, storeRegion: region,
                                           parameters: [("TransitGatewayRouteTableId", id), ("Filter.1.Name", "state"),
                                                        ("Filter.1.Value.1", "active"), ("Filter.1.Value.2", "blackhole")],
                                           callFolder: "ec2-search-transit-gateway-routes")
                    }
                    for (operation, folder) in CallRunner.transitGatewayRouteTableCalls {
                        inner.addTask {
                            await self.listing("ec2", operation, file: id, region: region, storeRegion: region,
                                               parameters: [("TransitGatewayRouteTableId", id)], callFolder: folder)
                        }
                    }
                }
            }
        }
        group.addTask {
            let lists = await self.listing("ec2", "DescribeManagedPrefixLists", file: "ec2-describe-managed-prefix-lists",
                                           region: region, storeRegion: region)
            await withTaskGroup(of: Void.self) { inner in
                for l in CallRunner.items(lists, "PrefixLists") {
                    guard let id = CallRunner.string(l, "PrefixListId") else { continue }
                    inner.addTask {
                        await self.listing("ec2", "GetManagedPrefixListEntries", file: id, region: region, storeRegion: region,
                                           parameters: [("PrefixListId", id)], callFolder: "ec2-get-managed-prefix-list-entries")
                    }
                }
            }
        }
        group.addTask {
            let lbs = await self.listing("elbv2", "DescribeLoadBalancers", file: "elbv2-describe-load-balancers", region: region, storeRegion: region)
            await withTaskGroup(of: Void.self) { inner in
                for lb in CallRunner.items(lbs, "LoadBalancers") {
                    guard let arn = CallRunner.string(lb, "LoadBalancerArn"), let name = CallRunner.string(lb, "LoadBalancerName") else { continue }
                    inner.addTask {
                        let listeners = await self.listing("elbv2", "DescribeListeners", file: name, region: region, storeRegion: region,
                                                           parameters: [("LoadBalancerArn", arn)], callFolder: "elbv2-describe-listeners")
                        await self.listenerRules(CallRunner.items(listeners, "Listeners"), loadBalancer: name, region: region)
                    }
                    inner.addTask {
                        await self.listing("elbv2", "DescribeLoadBalancerAttributes", file: name, region: region, storeRegion: region,
                                           parameters: [("LoadBalancerArn", arn)], callFolder: "elbv2-describe-load-balancer-attributes")
                    }
                }
            }
        }
        group.addTask {
            let tgs = await self.listing("elbv2", "DescribeTargetGroups", file: "elbv2-describe-target-groups", region: region, storeRegion: region)
            await withTaskGroup(of: Void.self) { inner in
                for tg in CallRunner.items(tgs, "TargetGroups") {
                    guard let arn = CallRunner.string(tg, "TargetGroupArn"), let name = CallRunner.string(tg, "TargetGroupName") else { continue }
                    inner.addTask {
                        await self.listing("elbv2", "DescribeTargetHealth", file: name, region: region, storeRegion: region,
                                           parameters: [("TargetGroupArn", arn)], callFolder: "elbv2-describe-target-health")
                    }
                    inner.addTask {
                        await self.listing("elbv2", "DescribeTargetGroupAttributes", file: name, region: region, storeRegion: region,
                                           parameters: [("TargetGroupArn", arn)], callFolder: "elbv2-describe-target-group-attributes")
                    }
                }
            }
        }
        group.addTask { await self.listing("rds", "DescribeDBInstances", file: "rds-describe-db-instances", region: region, storeRegion: region) }
        group.addTask { await self.listing("rds", "DescribeDBSubnetGroups", file: "rds-describe-db-subnet-groups", region: region, storeRegion: region) }
        group.addTask {
            let functions = await self.lambdaFunctions(region: region)
            await self.functionUrls(functions, region: region)
            await self.lambdaPolicies(functions, region: region)
        }
        services(region: region, in: &group)
        resourcePolicies(region: region, in: &group)
    }

    /// DescribeRules for each listener (paginated with Marker), stored as `elbv2-describe-rules/<load-balancer>-<port>.json`;
    /// the import finds each rule's listener from the rule's ARN. Gateway Load Balancer listeners have no rules.
    func listenerRules(_ listeners: [JSONObject], loadBalancer name: String, region: String) async {
        await withTaskGroup(of: Void.self) { group in
            for l in listeners {
                guard let arn = CallRunner.string(l, "ListenerArn"), CallRunner.string(l, "Protocol") != "GENEVE" else { continue }
                let port: String
                if case .number(let n)? = l["Port"], let whole = Int(exactly: n.double) { port = String(whole) } else { port = String(arn.split(separator: "/").last ?? "listener") }
                group.addTask {
                    await self.listing("elbv2", "DescribeRules", file: "\(name)-\(port)", region: region, storeRegion: region,
                                       parameters: [("ListenerArn", arn)], callFolder: "elbv2-describe-rules")
                }
            }
        }
    }

    /// Lambda ListFunctions (rest-json), every page; returns the merged listing (nil on failure).
    @discardableResult
    func lambdaFunctions(region: String) async -> JSONValue? {
        let paginator = client.shapes.service("lambda").operations["ListFunctions"]!.paginator!
        var merged: [String: JSONValue] = [:]
        var marker: String? = nil
        var seen = Set<String>()
        do {
            repeat {
                var query: [String] = []
                if let marker { query.append("Marker=" + SigV4Encoding.encode(marker)) }
                if let pageSize { query.append("MaxItems=\(pageSize)") }
                let page = try await client.rest(service: "lambda", operation: "ListFunctions", region: region,
                                                 path: "/2015-03-31/functions/", query: query.joined(separator: "&"))
                _ = client.counter.call()
                sink.page(page, region: region, keys: ["Functions"])
                guard case .object(let o) = page else { break }
                AWSClient.merge(o, into: &merged, paginator: paginator)
                marker = nil
                if case .string(let next)? = o["NextMarker"], !next.isEmpty, seen.insert(next).inserted { marker = next }
            } while marker != nil
            if merged["Functions"] == nil { merged["Functions"] = .array([]) }
            sink.add(CapturedDocument(account: account, region: region, callFolder: nil, baseName: "lambda-list-functions", json: .object(merged)))
            return .object(merged)
        } catch {
            warn("lambda", "ListFunctions", region, error)
            return nil
        }
    }

    func global(homeRegion: String, in group: inout TaskGroup<Void>) {
        group.addTask {
            await self.listing("iam", "GetAccountAuthorizationDetails", file: "iam-get-account-authorization-details",
                               region: homeRegion, storeRegion: nil, usePageSize: false)
        }
        group.addTask { await self.s3(homeRegion: homeRegion) }
        group.addTask { await self.directConnect(homeRegion: homeRegion) }
        group.addTask {
            do throws(AWSServiceError) {
                let json = try await self.client.rest(service: "s3control", operation: "GetPublicAccessBlock", region: homeRegion,
                                                      path: "/v20180820/configuration/publicAccessBlock",
                                                      headers: [("x-amz-account-id", self.account)], hostPrefix: "\(self.account).")
                _ = self.client.counter.call()
                self.sink.page(json, region: "global", keys: [])
                self.sink.add(CapturedDocument(account: self.account, region: nil, callFolder: nil,
                                               baseName: "s3control-get-public-access-block", json: json))
            } catch {
                _ = self.client.counter.call()
                if !CallRunner.notConfigured.contains(error.code) { self.warn("s3control", "GetPublicAccessBlock", homeRegion, error) }
            }
        }
    }

    /// ListBuckets, then per bucket: location, policy (+ status), ACL, Block Public Access, ownership controls.
    func s3(homeRegion: String) async {
        var buckets: [JSONObject] = []
        var merged: [String: JSONValue] = [:]
        var token: String? = nil
        do {
            repeat {
                let query = token.map { "continuation-token=" + SigV4Encoding.encode($0) } ?? ""
                let page = try await client.rest(service: "s3", operation: "ListBuckets", region: homeRegion, path: "/", query: query)
                _ = client.counter.call()
                sink.page(page, region: "global", keys: ["Buckets"])
                guard case .object(let o) = page else { break }
                buckets += CallRunner.items(page, "Buckets")
                for (k, v) in o where k != "ContinuationToken" && k != "Buckets" && merged[k] == nil { merged[k] = v }
                token = nil
                if case .string(let next)? = o["ContinuationToken"], !next.isEmpty { token = next }
            } while token != nil
        } catch {
            warn("s3", "ListBuckets", homeRegion, error)
            return
        }
        merged["Buckets"] = .array(buckets.map { .object($0) })
        sink.add(CapturedDocument(account: account, region: nil, callFolder: nil, baseName: "s3api-list-buckets", json: .object(merged)))
        await withTaskGroup(of: Void.self) { group in
            for b in buckets {
                guard let name = CallRunner.string(b, "Name") else { continue }
                group.addTask { await self.bucket(name, homeRegion: homeRegion) }
            }
        }
    }

    func bucket(_ name: String, homeRegion: String) async {
        let redirects: Set<String> = ["PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException"]
        var region = homeRegion.hasPrefix("cn-") ? homeRegion : "us-east-1"
        func get(_ operation: String, _ subresource: String, _ folder: String) async -> JSONValue? {
            var attempt = 0
            while true {
                attempt += 1
                do {
                    let json = try await client.rest(service: "s3", operation: operation, region: region, path: "/" + name, query: subresource)
                    _ = client.counter.call()
                    sink.page(json, region: "global", keys: [])
                    sink.add(CapturedDocument(account: account, region: nil, callFolder: folder, baseName: name, json: json))
                    return json
                } catch {
                    _ = client.counter.call()
                    // A bucket in another region than assumed (GetBucketLocation denied): follow S3's hint once.
                    if attempt == 1, redirects.contains(error.code), let other = error.region, other != region {
                        region = other
                        continue
                    }
                    if !CallRunner.notConfigured.contains(error.code) { warn("s3", "\(operation) \(name)", region, error) }
                    return nil
                }
            }
        }
        let location = await get("GetBucketLocation", "location", "s3api-get-bucket-location")
        if case .object(let o)? = location {
            if case .string(let c)? = o["LocationConstraint"], !c.isEmpty { region = c == "EU" ? "eu-west-1" : c } else { region = "us-east-1" }
        }
        if client.endpointURL != nil { region = homeRegion }
        if await get("GetBucketPolicy", "policy", "s3api-get-bucket-policy") != nil {
            _ = await get("GetBucketPolicyStatus", "policyStatus", "s3api-get-bucket-policy-status")
        }
        _ = await get("GetBucketAcl", "acl", "s3api-get-bucket-acl")
        _ = await get("GetPublicAccessBlock", "publicAccessBlock", "s3api-get-public-access-block")
        _ = await get("GetBucketOwnershipControls", "ownershipControls", "s3api-get-bucket-ownership-controls")
    }
}

import SigV4
/// URI encoding for query values.
enum SigV4Encoding {
    static func encode(_ s: String) -> String { SigV4Signer.uriEncode(s) }
}
