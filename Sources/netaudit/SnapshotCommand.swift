import ArgumentParser
import AWSCapture
import Foundation
import NetModel
import SnapshotStore

/// `netaudit snapshot --out FILE`: capture an AWS account over its APIs into a snapshot.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Capture an AWS account's (or a whole organization's) network and security configuration into a snapshot.",
        discussion: """
            Calls the AWS APIs read-only (EC2, ELBv2, RDS, Lambda, IAM, S3, STS) and stores what the \
            AWS CLI would print, normalized like `netaudit import`. Credentials are found like the AWS CLI \
            finds them (--profile/AWS_PROFILE, AWS_ACCESS_KEY_ID..., ~/.aws/credentials and config with \
            role_arn/source_profile, container credentials, IMDSv2). Denied or failing calls become \
            warnings; the capture completes with everything else. With --org, every active account of \
            the organization is captured into the one snapshot through --org-role, under client-side rate \
            limits per account, region and API action; an account that cannot be entered is a warning.
            """
    )

    @Option(name: .shortAndLong, help: "The snapshot file to write (SQLite), or with --store the snapshot's name in the store.")
    var out: String

    @OptionGroup var storage: StoreOptions

    @Flag(help: "With --store: drop a stored snapshot of that name first (else the accounts are added to it).")
    var replace = false

    @OptionGroup(title: "Capture")
    var live: CaptureFlags

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    func run() async throws {
        TemporaryFiles.installSignalCleanup()
        let options = live.options()
        let line = ProgressLine(enabled: Terminal.stderrIsTTY && !quiet)
        let result = try await capture(options) { p in line.update(p) }
        line.finish()
        try storage.write(Snapshot(metadata: result.metadata, inventory: result.inventory, rawDocuments: result.rawDocuments), to: out, replace: replace)
        for warning in result.warnings {
            Terminal.warning("\(warning.source): \(warning.code): \(warning.message)")
        }
        guard !quiet else { return }
        let counts = ResourceKind.allCases.compactMap { kind -> String? in
            let n = result.inventory.count(of: kind)
            return n == 0 ? nil : "\(n) \(kind.tableName)"
        }
        let seconds = String(format: "%.1f", result.duration)
        let what: String
        if let org = result.organization {
            what = "organization of \(org.callerAccount): \(org.captured.count) of \(org.captured.count + org.failed.count) accounts"
                + (org.failed.isEmpty ? "" : " (not captured: \(org.failed.joined(separator: ", ")))")
        } else {
            what = "account \(result.account)"
        }
        print("Captured \(what) (\(result.metadata.regions.joined(separator: ", "))) into \(out) in \(seconds) s, "
              + "\(result.callCount) API calls (\(result.retryCount) retries), credentials from \(result.credentialSource)")
        print("  " + counts.joined(separator: ", "))
        if !result.warnings.isEmpty {
            print("\(result.warnings.count) call\(result.warnings.count == 1 ? "" : "s") failed (see warnings above); the snapshot lacks their resources")
        }
    }
}

/// A one-line status on standard error, redrawn in place (only on a terminal).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var last = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: CaptureProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 else { return }
        last = now
        let top = p.resources.filter { $0.value > 0 }.sorted { $0.value > $1.value }.prefix(5)
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var text = "capturing: "
        if let done = p.accountsDone, let total = p.accountsTotal {
            text += "\(done)/\(total) accounts, \(p.callsDone) calls, \(p.retries) retries"
            if let eta = p.eta { text += ", ETA \(ProgressLine.duration(eta))" }
        } else {
            text += "\(p.callsDone) calls, \(p.region)" + (top.isEmpty ? "" : " — " + top)
        }
        if text.count > 110 { text = String(text.prefix(109)) + "…" }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    /// `45s`, `3m05s`, `2h10m`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + String(format: "%02ds", s % 60) }
        return "\(s / 3600)h" + String(format: "%02dm", (s % 3600) / 60)
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
