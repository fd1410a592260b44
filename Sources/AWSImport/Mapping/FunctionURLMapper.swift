import NetModel

/// Maps Lambda function URLs: `lambda list-function-url-configs --function-name F` (`FunctionUrlConfigs`, which
/// never names the function but for `FunctionArn` in each item) and `get-function-url-config` (one config).
/// They are joined to their functions at the end (`ServicesReconciler`).
enum FunctionURLMapper {
    static func configs(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("FunctionUrlConfigs") { try config(item, ctx, into: &c) }
    }

    static func config(_ item: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        let arn = try item.requiredString("FunctionArn")
        guard let name = functionName(arn) else {
            throw .unexpectedShape(file: ctx.file.displayPath, path: item.path + ".FunctionArn", expected: "a Lambda function ARN", found: arn)
        }
        let url = FunctionURL(url: try item.requiredString("FunctionUrl"), authType: try item.string("AuthType") ?? "AWS_IAM")
        c.functionUrls.append((ScopedName(account: ctx.scope(arn: arn).account, name: name), url, ctx.file))
    }

    /// The function name in `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`.
    static func functionName(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7, parts[2] == "lambda", parts[5] == "function", !parts[6].isEmpty else { return nil }
        return String(parts[6])
    }
}
