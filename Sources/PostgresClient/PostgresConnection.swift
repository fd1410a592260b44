import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq: parameterised statements in text format,
/// transactions, and multi-row inserts for bulk writes. Use it from one thread at a time.
public final class PostgresConnection: @unchecked Sendable {
    /// The server, as messages name it (password redacted).
    public let url: StoreURL
    private let connection: OpaquePointer

    /// Connects (10 s timeout unless the URL sets `connect_timeout`); refused, unreachable and failed logins throw
    /// `connectFailed` with libpq's reason on one line.
    public init(url: StoreURL) throws(PostgresError) {
        self.url = url
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url.text, &error) else {
            let reason = error.map { String(cString: $0) } ?? "unreadable"
            PQfreemem(error)
            throw .badURL(url: url.description, reason: url.redact(Self.oneLine(reason)))
        }
        PQconninfoFree(options)
        let timeout = url.text.contains("connect_timeout=") ? nil : "10"
        let keys = ["dbname"] + (timeout == nil ? [] : ["connect_timeout"])
        let values = [url.text] + (timeout.map { [$0] } ?? [])
        let conn = Self.withCStrings(keys) { k in Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let conn else { throw .connectFailed(url: url.description, reason: "out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let reason = Self.oneLine(String(cString: PQerrorMessage(conn)))
            PQfinish(conn)
            throw .connectFailed(url: url.description, reason: url.redact(reason))
        }
        connection = conn
        // NOTICEs ("schema ... already exists, skipping") would go to standard error: drop them.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    /// Connects to the server a URL names.
    public convenience init(_ url: String) throws(PostgresError) {
        try self.init(url: try StoreURL(url))
    }

    deinit { PQfinish(connection) }

    /// Runs one statement with `$1, $2, ...` bound to `parameters` (text; nil is NULL); returns its rows as text.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresRows {
        let result: OpaquePointer? = parameters.isEmpty ? PQexec(connection, sql) : Self.withCStrings(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard let result else {
            throw .statementFailed(url: url.description, statement: Self.verb(sql), reason: url.redact(Self.oneLine(String(cString: PQerrorMessage(connection)))))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            let reason = primary ?? String(cString: PQresultErrorMessage(result))
            throw .statementFailed(url: url.description, statement: Self.verb(sql), reason: url.redact(Self.oneLine(reason)))
        }
        let columns = Int(PQnfields(result)), count = Int(PQntuples(result))
        var rows: [[String?]] = []
        rows.reserveCapacity(count)
        for r in 0..<count {
            var row: [String?] = []
            row.reserveCapacity(columns)
            for c in 0..<columns {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 { row.append(nil); continue }
                guard let value = PQgetvalue(result, Int32(r), Int32(c)) else { row.append(nil); continue }
                let length = Int(PQgetlength(result, Int32(r), Int32(c)))
                row.append(value.withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                })
            }
            rows.append(row)
        }
        return PostgresRows(rows: rows)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Inserts rows into `table` (`columns` in order) with multi-row INSERT statements of at most ~30,000
    /// parameters or ~16 MB each; `suffix` follows every statement (`ON CONFLICT DO NOTHING RETURNING id`).
    /// Returns the rows the statements return, in order.
    @discardableResult
    public func insert(into table: String, columns: [String], rows: [[String?]], suffix: String = "") throws(PostgresError) -> [[String?]] {
        guard !columns.isEmpty else { return [] }
        let head = "INSERT INTO \(table) (" + columns.joined(separator: ", ") + ") VALUES "
        var returned: [[String?]] = []
        var batch: [String?] = [], tuples: [String] = [], bytes = 0
        func flush() throws(PostgresError) {
            guard !tuples.isEmpty else { return }
            returned += try execute(head + tuples.joined(separator: ", ") + (suffix.isEmpty ? "" : " " + suffix), batch).rows
            batch.removeAll(keepingCapacity: true); tuples.removeAll(keepingCapacity: true); bytes = 0
        }
        for row in rows {
            if !tuples.isEmpty && (batch.count + columns.count > 30_000 || bytes > 16 << 20) { try flush() }
            let first = batch.count
            tuples.append("(" + (1...columns.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
            for i in 0..<columns.count {
                let value = i < row.count ? row[i] : nil
                bytes += value?.utf8.count ?? 0
                batch.append(value)
            }
        }
        try flush()
        return returned
    }

    /// A double-quoted identifier (schema, table), `"` doubled.
    public static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// libpq's multi-line messages as one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
    }

    /// The statement's first two words (`CREATE TABLE`, `INSERT INTO`), to name it in messages.
    static func verb(_ sql: String) -> String {
        sql.split(whereSeparator: \.isWhitespace).prefix(2).joined(separator: " ")
    }

    /// `strings` as a NULL-terminated array of C strings (nil stays a NULL pointer: SQL NULL), for `body` only.
    private static func withCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let array = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: strings.count + 1)
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer {
            copies.forEach { free($0) }
            array.deallocate()
        }
        for (i, copy) in copies.enumerated() { (array + i).initialize(to: copy.map { UnsafePointer($0) }) }
        (array + strings.count).initialize(to: nil)
        return body(UnsafePointer(array))
    }
}

/// The rows a statement returned, each column as text (nil for NULL).
public struct PostgresRows: Sendable, Hashable {
    public var rows: [[String?]]

    public init(rows: [[String?]]) { self.rows = rows }
}
