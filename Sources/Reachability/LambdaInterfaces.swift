import NetModel

extension FlowAnalyzer {
    /// A Lambda function's VPC interfaces carry the connections the function starts; nothing connects to a function
    /// through them (AWS "Giving Lambda functions access to resources in an Amazon VPC": functions are invoked through
    /// the Lambda API or a function URL, never on their interface's address).
    func lambdaAcceptsNothing(_ fn: Endpoint, _ flow: inout Flow) {
        flow.gate("lambda-interface", fn.resourceId, passes: false, allowed: "",
                  blocked: "\(fn.label) is a Lambda function: its VPC interface \(fn.interfaceId ?? "(placed)") only carries connections the function starts",
                  fix: "invoke \(fn.resourceId) through the Lambda API or a function URL")
    }
}
