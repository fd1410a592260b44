import AWSImport
import Foundation
import JSON

extension AWSClient {
    /// One JSON-protocol call (Direct Connect): a signed POST of a JSON body with `X-Amz-Target:
    /// <targetPrefix>.<operation>`. The answer is already the JSON the AWS CLI prints.
    func json(service: String, operation: String, region: String, body: [String: JSONValue] = [:]) async throws(AWSServiceError) -> JSONValue {
        try checkNotSkipped(service)
        let model = shapes.service(service)
        let (base, signingRegion) = endpoint(service: service, region: region)
        let target = (model.targetPrefix ?? service) + "." + operation
        let response = try await send(method: "POST", base: base, path: "/", query: "",
                                      headers: [("Content-Type", "application/x-amz-json-\(model.jsonVersion ?? "1.1")"),
                                                ("X-Amz-Target", target)],
                                      body: Array(JSONValue.object(body).canonicalText.utf8), signingName: model.signingName,
                                      signingRegion: signingRegion, s3: false, contentSHA256: false, bucket: bucket(service, operation, region))
        guard let json = try? JSONParser.parse(response.body), case .object = json else {
            throw AWSServiceError(code: "MalformedResponse", message: "\(service) \(operation): response is not a JSON object", status: response.status)
        }
        return json
    }
}

extension CallRunner {
    /// Direct Connect gateways and their associations (JSON protocol, `nextToken` pages). Direct Connect
    /// gateways are global resources, so they are listed once, from the home region.
    func directConnect(homeRegion: String) async {
        for (operation, file) in [("DescribeDirectConnectGateways", "directconnect-describe-direct-connect-gateways"),
                                  ("DescribeDirectConnectGatewayAssociations", "directconnect-describe-direct-connect-gateway-associations")] {
            await jsonListing("directconnect", operation, file: file, region: homeRegion, storeRegion: nil)
        }
    }
}
