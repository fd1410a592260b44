import Foundation
import HTTPClient
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// libcurl transport against a real local HTTP server (python3 -m http.server on 127.0.0.1).
@Suite(.serialized)
struct CurlTransportTests {
    final class FileServer: @unchecked Sendable {
        let process = Process()
        let port: Int
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-http-\(UUID())")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data("hello from the file server\n".utf8).write(to: root.appendingPathComponent("hello.txt"))
            try Data(repeating: 0x61, count: 300_000).write(to: root.appendingPathComponent("big.txt"))
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root.path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            while !text.contains("port ") || !text.contains(")") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let r = text.range(of: "port "), let p = Int(text[r.upperBound...].prefix { $0.isNumber }) else {
                process.terminate()
                throw CancellationError()
            }
            port = p
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func getsFilesConcurrentlyOverReusedConnections() async throws {
        let server = try FileServer()
        defer { server.stop() }
        let transport = CurlTransport(configuration: HTTPClientConfiguration(maxConcurrency: 3, environment: [:]))
        defer { transport.shutdown() }
        let small = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/hello.txt"))
        #expect(small.status == 200)
        #expect(String(decoding: small.body, as: UTF8.self) == "hello from the file server\n")
        #expect(small.header("Content-Length") == "27")
        let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for i in 0..<20 {
                group.addTask {
                    let r = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/\(i % 2 == 0 ? "big.txt" : "missing")"))
                    return (r.status, r.body.count)
                }
            }
            var all: [(Int, Int)] = []
            for try await s in group { all.append(s) }
            return all
        }
        #expect(statuses.filter { $0.0 == 200 }.allSatisfy { $0.1 == 300_000 })
        #expect(statuses.filter { $0.0 == 200 }.count == 10)
        #expect(statuses.filter { $0.0 == 404 }.count == 10)
        // A POST with a body (the server does not implement POST: 501 is an HTTP answer, not an error).
        let post = try await transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(server.port)/",
                                                        headers: [(name: "Content-Type", value: "text/plain")], body: Array("x=1".utf8)))
        #expect(post.status == 501)
    }

    @Test func refusedConnectionIsATransientError() async throws {
        let transport = CurlTransport(configuration: HTTPClientConfiguration(connectTimeout: 2, maxConcurrency: 1, environment: [:]))
        defer { transport.shutdown() }
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:1/"))
            Issue.record("port 1 must refuse")
        } catch {
            #expect(error.isTransient)
            guard case .connection = error else { Issue.record("expected .connection, got \(error)"); return }
        }
    }

    @Test func proxiesFollowTheEnvironment() {
        let env = ["HTTPS_PROXY": "http://proxy.corp:3128", "http_proxy": "http://plain:8080", "NO_PROXY": "localhost,.internal.example,10.1.2.3"]
        let config = HTTPClientConfiguration(environment: env)
        #expect(config.proxy(for: "https://ec2.us-east-1.amazonaws.com/") == "http://proxy.corp:3128")
        #expect(config.proxy(for: "http://169.254.170.2/creds") == "http://plain:8080")
        #expect(config.proxy(for: "https://api.internal.example/x") == nil)
        #expect(config.proxy(for: "http://localhost:5000/") == nil)
        #expect(config.proxy(for: "http://10.1.2.3:80/") == nil)
        #expect(HTTPClientConfiguration(environment: [:]).proxy(for: "https://x.example/") == nil)
        #expect(HTTPClientConfiguration(environment: ["AWS_CA_BUNDLE": "/etc/ca.pem"]).caBundle == "/etc/ca.pem")
    }

    @Test func missingCABundleFailsTLSWithoutRetry() async throws {
        // No network needed: the CA file is checked before connecting... or the connection fails; either way no success.
        let transport = CurlTransport(configuration: HTTPClientConfiguration(connectTimeout: 2, maxConcurrency: 1, caBundle: "/nonexistent/ca.pem", environment: [:]))
        defer { transport.shutdown() }
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:1/"))
            Issue.record("must fail")
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}
