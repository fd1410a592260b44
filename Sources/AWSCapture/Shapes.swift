import Foundation

/// The output shapes of the API calls netaudit makes, extracted from botocore's service models by
/// `scripts/capture/generate_shapes.py` (resource `aws-shapes.json`).
struct ShapeModel: Sendable, Decodable {
    struct Paginator: Sendable, Decodable {
        var inputToken: String
        var outputToken: String
        var limitKey: String?
        var resultKey: [String]
        var moreResults: String?
    }

    struct Operation: Sendable, Decodable {
        var method: String
        var requestUri: String
        var output: String?
        var resultWrapper: String?
        var paginator: Paginator?
        var hostPrefix: String?
    }

    struct Member: Sendable, Decodable {
        var name: String
        var shape: String
        var xml: String?
        var attribute: Bool?
        var xmlName: String { xml ?? name }
    }

    struct Shape: Sendable, Decodable {
        var type: String
        var members: [Member]?
        var payload: String?
        var member: String?
        var memberXml: String?
        var flattened: Bool?
        var key: String?
        var value: String?
        var keyXml: String?
        var valueXml: String?
        var policyDocument: Bool?
    }

    struct Service: Sendable, Decodable {
        var `protocol`: String
        var apiVersion: String
        var endpointPrefix: String
        var signingName: String
        /// JSON-protocol services: the `X-Amz-Target` prefix and the `application/x-amz-json-` version.
        var targetPrefix: String?
        var jsonVersion: String?
        var operations: [String: Operation]
        var shapes: [String: Shape]
    }

    var botocoreVersion: String
    var services: [String: Service]

    /// The shapes shipped with netaudit.
    static let bundled: ShapeModel = {
        guard let url = Bundle.module.url(forResource: "aws-shapes", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let model = try? JSONDecoder().decode(ShapeModel.self, from: data) else {
            fatalError("AWSCapture resource aws-shapes.json is missing or invalid; run scripts/capture/generate_shapes.py")
        }
        return model
    }()

    func service(_ name: String) -> Service {
        guard let s = services[name] else { fatalError("aws-shapes.json has no service \(name)") }
        return s
    }
}
