import Foundation
import Testing

/// `netaudit scan --format html` and `netaudit graph`, loaded in headless Chromium as a person would open them.
@Suite("HTML report and graph in a browser")
struct HTMLReportTests {
    static let workshop = CLIRunner.packageRoot.appendingPathComponent("snapshots/workshop").path
    static let policy = CLIRunner.packageRoot.appendingPathComponent("policies/workshop.yaml").path

    /// Headless Chromium, or a recorded failure saying how to install it.
    static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        Issue.record("chromium is not installed: run scripts/setup (apt-get install chromium) to test the HTML report in a browser")
        return nil
    }

    /// Loads `file` in headless Chromium and returns the DOM after its scripts ran, and the browser's log.
    static func load(_ file: URL, chromium: String) throws -> (dom: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", chromium, "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=5000", "--dump-dom", file.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = ErrReader(err.fileHandleForReading)
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        let log = errData.finish()
        process.waitUntilExit()
        return (String(decoding: dom, as: UTF8.self), log)
    }

    /// Console errors and uncaught exceptions from the page (not Chromium's own D-Bus or GPU noise).
    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    }

    @Test("the workshop report loads without console errors and shows the expected findings, graph and resources")
    func workshopReport() throws {
        guard let chromium = Self.chromium() else { return }
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.html")
        let scan = try CLIRunner.run(["scan", Self.workshop, "--policy", Self.policy, "--format", "html", "--output", report.path])
        #expect(scan.status == 1, "\(scan.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        // Self-contained: no external scripts, styles, images or fonts.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("<svg"))
        let (dom, log) = try Self.load(report, chromium: chromium)
        #expect(Self.consoleErrors(log).isEmpty, "\(Self.consoleErrors(log))")
        #expect(dom.contains("data-ready=\"true\""), "the page's script did not finish")
        let cards = dom.components(separatedBy: "<article class=\"finding sev-").dropFirst()
        func card(_ title: String) -> String? { cards.first { $0.contains(title) } }
        let bastion = card("tcp/22 (SSH) on demo-app-bastion-host (i-0c5a9cfd59a02e392) is reachable from the internet")
        #expect(bastion?.hasPrefix("critical") == true)
        #expect(card("tcp/22 (SSH) on demo-app-test-ami-builder (i-086a5b6671f78254e) is reachable from the internet")?.hasPrefix("critical") == true)
        #expect(card("tcp/5000 on demo-app-test-ami-builder (i-086a5b6671f78254e) is reachable from the internet")?.hasPrefix("critical") == true)
        #expect(card("demo-app-frontend-s3-bucket-6789 is public (read)")?.hasPrefix("high") == true)
        #expect(bastion?.contains("aws ec2 revoke-security-group-ingress") == true && bastion?.contains(">Copy</button>") == true)
        #expect(dom.contains("(11 of 11)"))
        // The graph's nodes and the resource list with the tiers' members.
        #expect(dom.contains("<title>n0</title>") || dom.contains("internet"))
        #expect(dom.contains("<td>my-demo-db</td><td>database</td><td>db</td>"))
    }

    @Test("5,000 findings: one page of 100 rendered, tag values shown as text, never as markup")
    func largeAndHostile() throws {
        guard let chromium = Self.chromium() else { return }
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let hostile = "<img src=x onerror=alert(1)></script><b>"
        let groups = (0..<5000).map { i -> [String: Any] in
            ["GroupId": String(format: "sg-%08x", i), "GroupName": "g\(i)", "Description": "d", "VpcId": "vpc-1", "OwnerId": "123456789012",
             "IpPermissions": [["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [["CidrIp": "0.0.0.0/0"]]]],
             "IpPermissionsEgress": [], "Tags": [["Key": "Name", "Value": "\(hostile) g\(i)"]]]
        }
        try JSONSerialization.data(withJSONObject: ["SecurityGroups": groups]).write(to: input.appendingPathComponent("sg.json"))
        let vpcs: [String: Any] = ["Vpcs": [["VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "123456789012", "IsDefault": false]]]
        try JSONSerialization.data(withJSONObject: vpcs).write(to: input.appendingPathComponent("vpc.json"))
        let report = dir.appendingPathComponent("big.html")
        let scan = try CLIRunner.run(["scan", input.path, "--format", "html", "--output", report.path, "--fail-on", "none"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(!html.contains("<img") && !html.contains("</script><b>"))
        let started = Date()
        let (dom, log) = try Self.load(report, chromium: chromium)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(Self.consoleErrors(log).isEmpty, "\(Self.consoleErrors(log))")
        #expect(dom.contains("data-ready=\"true\""))
        #expect(dom.contains("(5000 of 5000)"))
        #expect(dom.components(separatedBy: "<article class=\"finding").count - 1 == 100)
        #expect(dom.contains("Page 1 of 50"))
        #expect(!dom.contains("<img") && dom.contains("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;b&gt; g"))
    }

    @Test("netaudit graph: SVG opens in the browser; without Graphviz, a clear error and exit 2")
    func graphFormats() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.db").path
        #expect(try CLIRunner.run(["import", Self.workshop, "--out", db]).status == 0)
        let mermaid = try CLIRunner.run(["graph", db, "--format", "mermaid", "--policy", Self.policy])
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("flowchart LR"), "\(mermaid.stderr)")
        let noDot = try CLIRunner.run(["graph", db, "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(noDot.status == 2)
        #expect(noDot.stderr.contains("netaudit: error: Graphviz 'dot' is not installed (apt-get install graphviz); use --format dot or mermaid"))
        guard let chromium = Self.chromium() else { return }
        let svg = dir.appendingPathComponent("graph.svg")
        let run = try CLIRunner.run(["graph", db, "--format", "svg", "--output", svg.path, "--policy", Self.policy])
        #expect(run.status == 0, "\(run.stderr)")
        let (dom, log) = try Self.load(svg, chromium: chromium)
        #expect(Self.consoleErrors(log).isEmpty)
        #expect(dom.contains("VPC demo-app-vpc") && dom.contains("public subnets") && dom.contains("tcp/22,5000"))
    }
}

/// Reads a pipe to its end on a background thread (so neither pipe of the child can fill up).
private final class ErrReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
