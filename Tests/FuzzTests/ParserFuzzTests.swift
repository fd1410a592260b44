import Testing

/// Each parser fuzzed for `FUZZ_SECONDS` (default 8 s, about a minute for all): no trap, no hang, one short line
/// per error, and round trips where a printer exists. `scripts/fuzz` runs them longer.
@Suite(.serialized) struct ParserFuzzTests {
    func fuzz(_ name: String) {
        guard let target = FuzzTargets.all.first(where: { $0.name == name }) else {
            Issue.record("no fuzz target \(name)")
            return
        }
        let seeds = FuzzDriver.corpus(name)
        #expect(!seeds.isEmpty, "Corpus/\(name) has seeds")
        let report = FuzzDriver.run(name, dictionary: target.dictionary, check: target.check)
        #expect(report.runs > min(seeds.count, FuzzDriver.iterations - 1), "mutated inputs ran, not only the seeds")
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    @Test("JSON parser (positions, depth 512, numbers, escapes)") func json() { fuzz("json") }
    @Test("XML converter of query-protocol and rest-xml responses") func xml() { fuzz("xml") }
    @Test("IAM policy parser") func iam() { fuzz("iam") }
    @Test("policy file reader (YAML)") func policyFile() { fuzz("policyfile") }
    @Test("query parser and selectors") func query() { fuzz("query") }
    @Test("port lists, protocols, CIDRs and addresses") func portsAndCIDRs() { fuzz("ports-cidr") }
    @Test("the whole importer on mutated sample files, then a scan") func importer() { fuzz("importer") }
}

/// Every crash, hang or bad message the fuzzers found, replayed through the same checks.
struct RegressionReplayTests {
    @Test("committed regression inputs stay fixed", arguments: FuzzTargets.all.map(\.name))
    func replay(_ name: String) {
        guard let target = FuzzTargets.all.first(where: { $0.name == name }) else { return }
        for (file, bytes) in FuzzDriver.regressions(name) {
            #expect(target.check(bytes) == nil, "Regressions/\(name)/\(file)")
        }
    }
}
