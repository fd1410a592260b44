import CCurl
import Foundation

/// `HTTPTransport` over libcurl.
///
/// `maxConcurrency` dedicated worker threads each own one easy handle (so connections are reused
/// across requests); blocking `curl_easy_perform` calls never run on Swift's cooperative pool and
/// are bridged to async callers with continuations. TLS peers are verified against the system CA
/// bundle or `AWS_CA_BUNDLE`; `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` are honoured.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    public let configuration: HTTPClientConfiguration

    fileprivate struct Job {
        var request: HTTPRequest
        var continuation: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>
    }

    /// The queue the worker threads share; the threads hold it (never the transport), so dropping
    /// the transport stops them.
    fileprivate final class WorkQueue: @unchecked Sendable {
        let condition = NSCondition()
        var jobs: [Job] = []
        var head = 0
        var stopping = false

        func push(_ job: Job) {
            condition.lock()
            jobs.append(job)
            condition.signal()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopping = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next job; nil once stopped and drained.
        func next() -> Job? {
            condition.lock()
            defer { condition.unlock() }
            while head >= jobs.count {
                if stopping { return nil }
                condition.wait()
            }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }
    }

    private let queue = WorkQueue()

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        _ = CurlTransport.globalInit
        self.configuration = configuration
        for i in 0..<configuration.maxConcurrency {
            let queue = self.queue
            let thread = Thread { CurlTransport.workerLoop(queue: queue, configuration: configuration) }
            thread.name = "netaudit-http-\(i)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit { queue.stop() }

    /// Stops the worker threads once the queued requests are done.
    public func shutdown() { queue.stop() }

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>) in
            queue.push(Job(request: request, continuation: c))
        }
        return try result.get()
    }

    private static func workerLoop(queue: WorkQueue, configuration: HTTPClientConfiguration) {
        guard let handle = curl_easy_init() else {
            while let job = queue.next() { job.continuation.resume(returning: .failure(.transport(code: -1, message: "curl_easy_init failed"))) }
            return
        }
        defer { curl_easy_cleanup(handle) }
        while let job = queue.next() {
            job.continuation.resume(returning: perform(job.request, on: handle, configuration: configuration))
        }
    }

    /// Response accumulation for the C callbacks.
    private final class Sink {
        var body: [UInt8] = []
        var headers: [(name: String, value: String)] = []
    }

    private static func perform(_ request: HTTPRequest, on handle: UnsafeMutableRawPointer,
                                configuration: HTTPClientConfiguration) -> Result<HTTPResponse, HTTPError> {
        curl_easy_reset(handle)
        let sink = Sink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(list) }
        for (name, value) in request.headers {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        // No `Expect: 100-continue` round trip; no default Accept header.
        list = curl_slist_append(list, "Expect:")
        list = curl_slist_append(list, "Accept:")

        _ = netaudit_curl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = netaudit_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = netaudit_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000))
        _ = netaudit_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout * 1000))
        _ = netaudit_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = netaudit_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = netaudit_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        _ = netaudit_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        if let ca = configuration.caBundle { _ = netaudit_curl_setopt_string(handle, CURLOPT_CAINFO, ca) }
        if let proxy = configuration.proxy(for: request.url) {
            _ = netaudit_curl_setopt_string(handle, CURLOPT_PROXY, proxy)
        } else {
            _ = netaudit_curl_setopt_string(handle, CURLOPT_PROXY, "")
        }
        switch request.method.uppercased() {
        case "GET": _ = netaudit_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case "HEAD": _ = netaudit_curl_setopt_long(handle, CURLOPT_NOBODY, 1)
        default:
            _ = netaudit_curl_setopt_long(handle, CURLOPT_POST, 1)
            _ = netaudit_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count)
            request.body.withUnsafeBufferPointer { buf in
                _ = netaudit_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!))
            }
            if request.method.uppercased() != "POST" {
                _ = netaudit_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.uppercased())
            }
        }
        _ = netaudit_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        _ = netaudit_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { ptr, size, count, user in
            let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            if let ptr { ptr.withMemoryRebound(to: UInt8.self, capacity: n) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) } }
            return n
        }
        _ = netaudit_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer)
        _ = netaudit_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { ptr, size, count, user in
            let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            guard let ptr else { return n }
            let line = ptr.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
            if line.hasPrefix("HTTP/") { sink.headers.removeAll() }  // a new response (redirect, 100)
            if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                sink.headers.append((name: name, value: value))
            }
            return n
        }
        _ = netaudit_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer)

        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code)) + " (\(CurlTransport.redactedURL(request.url)))"
            switch code {
            case CURLE_OPERATION_TIMEDOUT: return .failure(.timeout(message))
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .failure(.connection(message))
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
                return .failure(.tls(message))
            default: return .failure(.transport(code: Int(code.rawValue), message: message))
            }
        }
        var status = 0
        _ = netaudit_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        withExtendedLifetime(sink) {}
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body))
    }

    /// The URL without its query (which might hold a presigned signature) for messages.
    static func redactedURL(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
