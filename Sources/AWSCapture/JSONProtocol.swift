import AWSImport
import Foundation

extension AWSClient {
    /// One JSON-protocol call (Direct Connect): a signed POST of a JSON body with `X-Amz-Target:
    /// <targetPrefix>.<operation>`. The answer is already the JSON the AWS CLI prints.
    func json(service: String, operation: String, region: String, body: [String: JSONValue] = [:]) async throws(AWSServiceError) -> JSONValue {
        let model = shapes.service(service)
        let (base, signingRegion) = endpoint(service: service, region: region)
        let target = (model.targetPrefix ?? service) + "." + operation
        let response = try await send(method: "POST", base: base, path: "/", query: "",
                                      headers: [("Content-Type", "application/x-amz-json-\(model.jsonVersion ?? "1.1")"),
                                                ("X-Amz-Target", target)],
                                      body: Array(JSONValue.object(body).canonicalText.utf8), signingName: model.signingName,
                                      signingRegion: signingRegion, s3: false, contentSHA256: false)
        guard let json = try? JSONParser.parse(response.body), case .object = json else {
            throw AWSServiceError(code: "MalformedResponse", message: "\(service) \(operation): response is not a JSON object", status: response.status)
        }
        return json
    }
}

extension CallRunner {
    /// A paginated JSON-protocol call (`nextToken` pages) followed to the end and merged like the AWS CLI
    /// (result lists concatenated, every result key present); each page is reported to the sink under `pageRegion`.
    func jsonListing(_ service: String, _ operation: String, region: String, pageRegion: String,
                     body: [String: JSONValue] = [:]) async throws(AWSServiceError) -> [String: JSONValue] {
        guard let paginator = client.shapes.service(service).operations[operation]?.paginator else {
            let page = try await client.json(service: service, operation: operation, region: region, body: body)
            _ = client.counter.call()
            sink.page(page, region: pageRegion, keys: [])
            if case .object(let o) = page { return o }
            return [:]
        }
        var merged: [String: JSONValue] = [:]
        var token: String? = nil
        var seen = Set<String>()
        repeat {
            var request = body
            if let token { request[paginator.inputToken] = .string(token) }
            if let pageSize, let limit = paginator.limitKey { request[limit] = .number(Double(pageSize)) }
            let page = try await client.json(service: service, operation: operation, region: region, body: request)
            _ = client.counter.call()
            sink.page(page, region: pageRegion, keys: paginator.resultKey)
            guard case .object(let o) = page else { break }
            AWSClient.merge(o, into: &merged, paginator: paginator)
            token = nil
            if case .string(let next)? = o[paginator.outputToken], !next.isEmpty, seen.insert(next).inserted { token = next }
        } while token != nil
        for key in paginator.resultKey where merged[key] == nil { merged[key] = .array([]) }
        return merged
    }

    /// Direct Connect gateways and their associations (JSON protocol, `nextToken` pages). Direct Connect
    /// gateways are global resources, so they are listed once, from the home region.
    func directConnect(homeRegion: String) async {
        for (operation, file) in [("DescribeDirectConnectGateways", "directconnect-describe-direct-connect-gateways"),
                                  ("DescribeDirectConnectGatewayAssociations", "directconnect-describe-direct-connect-gateway-associations")] {
            do {
                let merged = try await jsonListing("directconnect", operation, region: homeRegion, pageRegion: "global")
                sink.add(CapturedDocument(account: account, region: nil, callFolder: nil, baseName: file, json: .object(merged)))
            } catch {
                warn("directconnect", operation, homeRegion, error)
            }
        }
    }
}
