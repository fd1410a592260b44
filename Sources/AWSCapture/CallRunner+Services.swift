import AWSImport
import Foundation
import NetModel
import JSON

extension AWSClient {
    /// One REST-JSON call with a JSON body (OpenSearch DescribeDomains is a POST).
    func restJSON(service: String, operation: String, region: String, method: String, path: String,
                  body: [String: JSONValue]) async throws(AWSServiceError) -> JSONValue {
        try checkNotSkipped(service)
        let model = shapes.service(service)
        let (base, signingRegion) = endpoint(service: service, region: region)
        let response = try await send(method: method, base: base, path: path, query: "",
                                      headers: [("Content-Type", "application/json")],
                                      body: Array(JSONValue.object(body).canonicalText.utf8), signingName: model.signingName,
                                      signingRegion: signingRegion, s3: false, contentSHA256: true, bucket: bucket(service, operation, region))
        guard let json = try? JSONParser.parse(response.body), case .object = json else {
            throw AWSServiceError(code: "MalformedResponse", message: "\(service) \(operation): response is not a JSON object", status: response.status)
        }
        return json
    }
}

/// Captures of the managed services whose workloads sit in VPCs: RDS/Aurora clusters, ElastiCache, EKS,
/// OpenSearch Service, ECS (`CallRunner+ECS.swift`), Lambda function URLs and CloudFormation exports. Each document is
/// stored as the AWS CLI prints it.
extension CallRunner {
    func services(region: String, in group: inout TaskGroup<Void>) {
        group.addTask { await self.listing("rds", "DescribeDBClusters", file: "rds-describe-db-clusters", region: region, storeRegion: region) }
        group.addTask {
            await self.listing("elasticache", "DescribeCacheClusters", file: "elasticache-describe-cache-clusters", region: region,
                               storeRegion: region, parameters: [("ShowCacheNodeInfo", "true")])
        }
        group.addTask {
            await self.listing("elasticache", "DescribeReplicationGroups", file: "elasticache-describe-replication-groups", region: region, storeRegion: region)
        }
        group.addTask {
            await self.listing("elasticache", "DescribeCacheSubnetGroups", file: "elasticache-describe-cache-subnet-groups", region: region, storeRegion: region)
        }
        group.addTask { await self.eks(region: region) }
        group.addTask { await self.openSearch(region: region) }
        group.addTask { await self.ecs(region: region) }
        // The exports templates laid over the snapshot read with Fn::ImportValue.
        group.addTask { await self.listing("cloudformation", "ListExports", file: "cloudformation-list-exports", region: region, storeRegion: region) }
    }

    /// The items of a paginated REST-JSON GET listing (`nextToken`), or nil on failure (recorded as a warning).
    func restListing(_ service: String, _ operation: String, region: String, path: String) async -> [JSONValue]? {
        guard let paginator = client.shapes.service(service).operations[operation]?.paginator, let key = paginator.resultKey.first else { return nil }
        var items: [JSONValue] = []
        var token: String? = nil
        var seen = Set<String>()
        do {
            repeat {
                var query: [String] = []
                if let pageSize, let limit = paginator.limitKey { query.append("\(limit)=\(pageSize)") }
                if let token { query.append("\(paginator.inputToken)=" + SigV4Encoding.encode(token)) }
                let page = try await client.rest(service: service, operation: operation, region: region, path: path,
                                                 query: query.sorted().joined(separator: "&"))
                _ = client.counter.call()
                sink.page(page, region: region, keys: paginator.resultKey)
                guard case .object(let o) = page else { break }
                if case .array(let found)? = o[key] { items += found }
                token = nil
                if case .string(let next)? = o[paginator.outputToken], !next.isEmpty, seen.insert(next).inserted { token = next }
            } while token != nil
            return items
        } catch {
            warn(service, operation, region, error)
            return nil
        }
    }

    /// One REST-JSON GET stored as a document in `folder/name.json`.
    func restDocument(_ service: String, _ operation: String, region: String, path: String, folder: String, name: String,
                      absentCodes: Set<String> = []) async -> JSONValue? {
        await document(service, operation, region: region, folder: folder, name: name, absentCodes: absentCodes) { () async throws(AWSServiceError) in
            try await client.rest(service: service, operation: operation, region: region, path: path)
        }
    }

    /// One call's answer stored as `folder/name.json`; nil when it fails (a warning unless its code is in `absentCodes`).
    func document(_ service: String, _ operation: String, region: String, folder: String, name: String, absentCodes: Set<String>,
                  _ call: () async throws(AWSServiceError) -> JSONValue) async -> JSONValue? {
        do throws(AWSServiceError) {
            let json = try await call()
            _ = client.counter.call()
            sink.page(json, region: region, keys: [])
            sink.add(CapturedDocument(account: account, region: region, callFolder: folder, baseName: name, json: json))
            return json
        } catch {
            _ = client.counter.call()
            if !absentCodes.contains(error.code) { warn(service, "\(operation) \(name)", region, error) }
            return nil
        }
    }

    /// EKS ListClusters, then per cluster DescribeCluster, ListNodegroups and per node group DescribeNodegroup.
    func eks(region: String) async {
        guard let clusters = await restListing("eks", "ListClusters", region: region, path: "/clusters") else { return }
        await withTaskGroup(of: Void.self) { group in
            for case .string(let name) in clusters {
                group.addTask {
                    _ = await self.restDocument("eks", "DescribeCluster", region: region, path: "/clusters/\(name)",
                                                folder: "eks-describe-cluster", name: name)
                    let groups = await self.restListing("eks", "ListNodegroups", region: region, path: "/clusters/\(name)/node-groups") ?? []
                    for case .string(let nodegroup) in groups {
                        _ = await self.restDocument("eks", "DescribeNodegroup", region: region, path: "/clusters/\(name)/node-groups/\(nodegroup)",
                                                    folder: "eks-describe-nodegroup", name: "\(name)-\(nodegroup)")
                    }
                }
            }
        }
    }

    /// OpenSearch ListDomainNames, then DescribeDomains five names at a time (its limit), stored as one document.
    func openSearch(region: String) async {
        do throws(AWSServiceError) {
            let names = try await client.rest(service: "opensearch", operation: "ListDomainNames", region: region, path: "/2021-01-01/domain")
            _ = client.counter.call()
            sink.page(names, region: region, keys: ["DomainNames"])
            let domainNames = CallRunner.items(names, "DomainNames").compactMap { CallRunner.string($0, "DomainName") }
            var statuses: [JSONValue] = []
            for start in stride(from: 0, to: domainNames.count, by: 5) {
                let batch = domainNames[start..<min(start + 5, domainNames.count)].map { JSONValue.string($0) }
                let page = try await client.restJSON(service: "opensearch", operation: "DescribeDomains", region: region, method: "POST",
                                                     path: "/2021-01-01/opensearch/domain-info", body: ["DomainNames": .array(batch)])
                _ = client.counter.call()
                sink.page(page, region: region, keys: ["DomainStatusList"])
                if case .object(let o) = page, case .array(let found)? = o["DomainStatusList"] { statuses += found }
            }
            sink.add(CapturedDocument(account: account, region: region, callFolder: nil, baseName: "opensearch-describe-domains",
                                      json: .object(["DomainStatusList": .array(statuses)])))
        } catch {
            warn("opensearch", "ListDomainNames/DescribeDomains", region, error)
        }
    }

    /// GetFunctionUrlConfig per function (its unqualified URL); a function without one answers ResourceNotFoundException.
    func functionUrls(_ functions: JSONValue?, region: String) async {
        let names = CallRunner.items(functions, "Functions").compactMap { CallRunner.string($0, "FunctionName") }
        await withTaskGroup(of: Void.self) { group in
            for name in names {
                group.addTask {
                    _ = await self.restDocument("lambda", "GetFunctionUrlConfig", region: region, path: "/2021-10-31/functions/\(name)/url",
                                                folder: "lambda-get-function-url-config", name: name, absentCodes: ["ResourceNotFoundException"])
                }
            }
        }
    }
}
