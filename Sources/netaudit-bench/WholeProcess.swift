import Foundation
import SyntheticAccount
#if canImport(Glibc)
import Glibc
#endif

/// `netaudit-bench --shape realistic --enis N`: the figures of issue 13's table, each one a whole
/// `netaudit` process (the binary built next to this one), with its wall time and peak memory.
struct WholeProcessBench {
    var account: SyntheticAccount
    var netaudit: String
    var work: URL

    /// The goals of issue 13 for the nearer of its two sizes (20k, 100k interfaces).
    struct Goals { var importSeconds, querySeconds, matrixSeconds, scanSeconds, memoryMiB: Double }
    var goals: Goals {
        account.vpcs * account.interfacesPerVPC <= 40_000
            ? Goals(importSeconds: 2, querySeconds: 0.05, matrixSeconds: 0.8, scanSeconds: 3, memoryMiB: 300)
            : Goals(importSeconds: 8, querySeconds: 0.06, matrixSeconds: 4, scanSeconds: 10, memoryMiB: 1024)
    }

    /// One finished child: wall seconds, CPU seconds (user + system), exit status, peak resident memory (MiB).
    struct Run { var seconds: Double; var cpu: Double; var status: Int32; var peakMiB: Double }

    /// Parses `--shape S --enis N [--keep DIR] [--netaudit BINARY]`; nil when neither flag is given (the in-process bench).
    static func fromArguments(_ arguments: [String]) -> WholeProcessBench? {
        guard let account = account(arguments) else { return nil }
        let binary = value("--netaudit", arguments)
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("netaudit").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { print("\(binary): not built (swift build -c release)"); exit(2) }
        let work = value("--keep", arguments).map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-bench-\(getpid())")
        return WholeProcessBench(account: account, netaudit: binary, work: work)
    }

    /// The account `--shape S --enis N` asks for; nil when neither flag is given.
    static func account(_ arguments: [String]) -> SyntheticAccount? {
        guard value("--shape", arguments) != nil || value("--enis", arguments) != nil else { return nil }
        guard let shape = SyntheticAccount.Shape(rawValue: value("--shape", arguments) ?? "realistic") else {
            print("--shape: expected one of \(SyntheticAccount.Shape.allCases.map(\.rawValue).joined(separator: ", "))"); exit(2)
        }
        guard let enis = Int(value("--enis", arguments) ?? "20000"), enis >= 200 else { print("--enis: expected a number >= 200"); exit(2) }
        var account = shape == .realistic ? SyntheticAccount.realistic(interfaces: enis) : .benchmark
        if shape == .benchmark { account.interfacesPerVPC = enis / account.vpcs }
        return account
    }

    private static func value(_ flag: String, _ arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    /// Spawns `netaudit arguments...` with stdout to `output` (or /dev/null) and waits for it.
    func run(_ arguments: [String], output: String = "/dev/null", program: String? = nil) -> Run {
        let program = program ?? netaudit
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { print("cannot run \(program)"); exit(2) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Run(seconds: seconds, cpu: cpu, status: (status >> 8) & 0xff, peakMiB: Double(usage.ru_maxrss) / 1024)
    }

    func line(_ label: String, _ run: Run, target: Double, detail: String = "") {
        let verdict = run.seconds <= target ? "ok" : "SLOWER THAN TARGET"
        print(label.padding(toLength: 34, withPad: " ", startingAt: 0)
              + String(format: "%8.3f s (cpu %7.3f s) %6.0f MiB   (target < %.2f s, %@)", run.seconds, run.cpu, run.peakMiB, target, verdict)
              + detail)
        fflush(nil)
    }

    func main() throws {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let input = work.appendingPathComponent("input"), snapshot = work.appendingPathComponent("synthetic.db").path
        // Generated by a child: a child's peak memory starts at the parent's (Linux keeps the high-water mark
        // of the address space a spawned child shared until exec), so this process stays small.
        let shape = ["--shape", account.shape.rawValue, "--enis", String(account.vpcs * account.interfacesPerVPC)]
        guard run(["generate", input.path] + shape, program: CommandLine.arguments[0]).status == 0 else { print("generate failed"); exit(2) }
        let a = account, enis = a.vpcs * a.interfacesPerVPC, groups = a.vpcs * a.securityGroupsPerVPC
        print("\(a.shape.rawValue) account: \(a.vpcs) VPCs, \(a.vpcs * a.subnetsPerVPC) subnets, \(enis) ENIs, "
              + "\(groups) SGs, \(groups * a.rulesPerSecurityGroup) ingress rules, \(a.vpcs - 1) peerings")
        try? FileManager.default.removeItem(atPath: snapshot)
        line("import", run(["import", input.path, "--out", snapshot]), target: goals.importSeconds)
        // An app interface in VPC 10 to a database interface in VPC 11 (peered), tcp/5432; best of five.
        let from = String(format: "eni-%08x", a.interfaceNumber(10, 2)), to = String(format: "eni-%08x", a.interfaceNumber(11, a.subnetsPerVPC - 1))
        let queries = (0..<5).map { _ in run(["query", snapshot, "--from", from, "--to", to, "--port", "5432"]) }
        let times = queries.map { $0.seconds }.sorted()
        if let best = queries.min(by: { $0.seconds < $1.seconds }), let worst = times.last {
            line("one query (whole process)", best, target: goals.querySeconds,
                 detail: String(format: "  runs %.3f–%.3f s, exit %d", best.seconds, worst, best.status))
        }
        line("matrix", run(["matrix", snapshot, "--format", "json"]), target: goals.matrixSeconds)
        let report = work.appendingPathComponent("scan.json").path
        let scan = run(["scan", "--snapshot", snapshot, "--format", "json", "--fail-on", "none"], output: report)
        line("scan", scan, target: goals.scanSeconds, detail: "  \(Self.findingCount(report)) findings")
        var children = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        let peak = Double(children.ru_maxrss) / 1024
        print(String(format: "peak memory (largest child)       %8.0f MiB (target < %.0f MiB, %@)", peak, goals.memoryMiB,
                     peak <= goals.memoryMiB ? "ok" : "OVER TARGET"))
    }

    static func findingCount(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [Any] else { return "?" }
        return String(findings.count)
    }
}
