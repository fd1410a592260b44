import GRDB

/// A table's name, columns (name and SQLite type) and indexed columns: the one description the SQLite and the
/// PostgreSQL DDL are both generated from, so the two stores hold the same tables.
struct TableShape: Sendable {
    let name: String
    let columns: [(name: String, sqlType: String)]
    var indexes: [String] = []
    /// Resource tables (one row per resource) are unique by (account, region, id) in PostgreSQL: concurrent writers
    /// of one snapshot skip a resource another already wrote.
    var isResource = false

    var sqliteCreate: String {
        "CREATE TABLE \(name) (" + columns.map { "\($0.name) \($0.sqlType)" }.joined(separator: ", ") + ")"
    }

    var sqliteIndexes: [String] { indexes.map { "CREATE INDEX \(name)_\($0) ON \(name)(\($0))" } }

    /// The column PostgreSQL tables keep insertion order in (SQLite's `rowid`).
    static let postgresOrderColumn = "seq"

    /// The table in PostgreSQL schema `schema` (quoted): SQLite's `INTEGER` is `BIGINT`, a `seq` identity column
    /// keeps the rows' order, resource tables are unique by (account, region, id).
    func postgresCreate(schema: String) -> [String] {
        let table = "\(schema).\(name)"
        let body = ["\(Self.postgresOrderColumn) BIGINT GENERATED ALWAYS AS IDENTITY"]
            + columns.map { "\($0.name) \(Self.postgresType($0.sqlType))" }
            + (isResource ? ["UNIQUE (account, region, id)"] : [])
        return ["CREATE TABLE \(table) (" + body.joined(separator: ", ") + ")"]
            + indexes.map { "CREATE INDEX \(name)_\($0) ON \(table)(\($0))" }
    }

    static func postgresType(_ sqlite: String) -> String {
        sqlite.replacingOccurrences(of: "INTEGER", with: "BIGINT").replacingOccurrences(of: "REAL", with: "DOUBLE PRECISION")
    }
}

/// A row's values as PostgreSQL text parameters (nil is NULL; SQLite's booleans are 0 and 1 in both stores).
/// PostgreSQL text cannot hold U+0000: a NUL in a column value (a tag decoded from `\u0000`) becomes U+FFFD there
/// (the `data` JSON escapes it, so the model reads back exact).
func postgresText(_ values: [(any DatabaseValueConvertible)?]) -> [String?] {
    values.map { value in
        guard let value else { return nil }
        switch value.databaseValue.storage {
        case .null: return nil
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return withoutNUL(s)
        case .blob(let data): return withoutNUL(String(decoding: data, as: UTF8.self))
        }
    }
}

/// `text` with U+0000 as U+FFFD (PostgreSQL rejects NUL in text; libpq would cut the string there).
func withoutNUL(_ text: String) -> String {
    text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
}
