import Findings

/// The one entry point that turns a scan into a report in any format.
public enum ReportRenderer {
    /// Renders `result` as `format`.
    ///
    /// - Parameters:
    ///   - gate: threshold and baseline; decides the verdict printed in the report.
    ///   - color: ANSI colors in the table format (pass `isatty(stdout)`); other formats ignore it.
    ///   - version: the tool version written into JSON and SARIF.
    ///   - graph: the tier graph for the HTML report (other formats ignore it).
    public static func render(_ result: ScanResult, format: ReportFormat, gate: Gate, color: Bool = false,
                              version: String = ToolInfo.version, graph: ReportGraph? = nil) -> String {
        let model = ReportModel(result, gate: gate)
        switch format {
        case .table: return TableReport(model: model, color: color).render()
        case .json: return JSONReport(model: model, version: version).render()
        case .sarif: return SARIFReport(model: model, version: version).render()
        case .junit: return JUnitReport(model: model).render()
        case .markdown: return MarkdownReport(model: model).render()
        case .html: return HTMLReport(model: model, graph: graph).render()
        }
    }
}
