import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Findings
@testable import Report

/// Counts elements and collects attributes with XMLParser.
final class XMLCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var attributes: [String: [[String: String]]] = [:]
    var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        self.attributes[name, default: []].append(attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ xml: String) -> XMLCounter? {
        let counter = XMLCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        return parser.parse() ? counter : nil
    }
}

@Suite struct JUnitReportTests {
    @Test func countsPerRuleAndResource() throws {
        var scan = Samples.mixed
        // A second finding on the same rule × resource shares its test case.
        scan.findings.append(Samples.finding(title: "RDP open to the internet", detail: "rdp"))
        let xml = ReportRenderer.render(scan, format: .junit, gate: Gate())
        let doc = try #require(XMLCounter.parse(xml))
        #expect(doc.counts["testsuites"] == 1)
        #expect(doc.counts["testsuite"] == 3)
        // NA-SG-001: sg-0123, sg-0456; NA-S3-001: my-bucket, logs-bucket; NA-VPC-002: vpc-1.
        #expect(doc.counts["testcase"] == 5)
        #expect(doc.counts["failure"] == 3)
        #expect(doc.counts["skipped"] == 2)
        let root = try #require(doc.attributes["testsuites"]?.first)
        #expect(root["tests"] == "5" && root["failures"] == "3" && root["skipped"] == "2")
        let suites = try #require(doc.attributes["testsuite"])
        #expect(suites.map { $0["name"] } == ["NA-SG-001", "NA-S3-001", "NA-VPC-002"])
        #expect(suites.map { $0["failures"] } == ["2", "1", "0"])
        #expect(suites.map { $0["skipped"] } == ["0", "1", "1"])
        #expect(doc.attributes["failure"]?.map { $0["type"] } == ["high", "high", "critical"])
        #expect(doc.attributes["failure"]?.contains { $0["message"]?.contains("RDP open") == true } == true)
        #expect(doc.text.contains("aws ec2 revoke-security-group-ingress"))
    }

    @Test func rulesWithoutFindingsPass() throws {
        let xml = ReportRenderer.render(Samples.scan([]), format: .junit, gate: Gate())
        let doc = try #require(XMLCounter.parse(xml))
        #expect(doc.counts["testcase"] == 3)
        #expect(doc.counts["failure"] == nil && doc.counts["skipped"] == nil)
        #expect(doc.attributes["testcase"]?.allSatisfy { $0["name"] == "no findings" } == true)
    }

    @Test func escapesMarkupAndDropsControlCharacters() throws {
        let nasty = "<script>&\"quoted\" 'x' \u{1}\u{8}]]>"
        let f = Samples.finding(resource: "sg-<&>", name: nasty, title: nasty)
        let scan = Samples.scan([f], rules: [RuleInfo(id: "R&<D>", title: "t", defaultSeverity: .high, rationale: "")])
        let xml = ReportRenderer.render(scan, format: .junit, gate: Gate())
        let doc = try #require(XMLCounter.parse(xml), "not well-formed:\n\(xml)")
        // The finding's rule is not in the rule list: it gets its own suite.
        #expect(doc.counts["testsuite"] == 2)
        #expect(doc.attributes["testsuite"]?.first?["name"] == "R&<D>")
        let failure = try #require(doc.attributes["failure"]?.first)
        #expect(failure["message"] == "<script>&\"quoted\" 'x' ]]>")
        #expect(XMLText.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
    }

    @Test func noneThresholdSkipsEverything() throws {
        let doc = try #require(XMLCounter.parse(ReportRenderer.render(Samples.mixed, format: .junit, gate: Gate(threshold: nil))))
        #expect(doc.counts["failure"] == nil)
        #expect(doc.counts["skipped"] == 5)
    }
}
