import GRDB
import NetModel

/// A column of a normalized table: its name, SQL type, and how to read it off a value.
struct Column<Row> {
    let name: String
    let sqlType: String
    let value: (Row) throws -> (any DatabaseValueConvertible)?

    init(_ name: String, _ sqlType: String = "TEXT", _ value: @escaping (Row) throws -> (any DatabaseValueConvertible)?) {
        self.name = name
        self.sqlType = sqlType
        self.value = value
    }
}

/// A normalized table: one row per item, with columns users can query with `sqlite3`.
struct TableSpec<Row> {
    let name: String
    let columns: [Column<Row>]

    /// The table's name and column types, what both stores' DDL is generated from.
    var shape: TableShape { TableShape(name: name, columns: columns.map { ($0.name, $0.sqlType) }) }

    var createSQL: String { shape.sqliteCreate }

    /// A row's column values, in column order.
    func values(_ row: Row) throws -> [(any DatabaseValueConvertible)?] {
        var values: [(any DatabaseValueConvertible)?] = []
        values.reserveCapacity(columns.count)
        for column in columns { values.append(try column.value(row)) }
        return values
    }

    /// `INSERT` of `rows` rows at once (`VALUES (?, ...), (?, ...)`).
    func insertSQL(rows: Int = 1) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(name) (" + columns.map(\.name).joined(separator: ", ") + ") VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// The column values of each row, computed on all cores (the `data` column's JSON encoding is most of an import's
    /// write), in order.
    func encode(_ rows: [Row]) throws -> [[DatabaseValue]] {
        try ParallelMap.map(rows) { row in try values(row).map { $0?.databaseValue ?? .null } }
    }

    func insert(_ rows: [Row], into db: Database) throws {
        try insert(encoded: try encode(rows), into: db)
    }

    /// Inserts encoded rows, many per statement (SQLite's per-statement work is most of a plain row's cost).
    func insert(encoded rows: [[DatabaseValue]], into db: Database) throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, min(200, db.maximumStatementArgumentCount / max(columns.count, 1)))
        let full = try db.makeStatement(sql: insertSQL(rows: min(perStatement, rows.count)))
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let statement = end - start == min(perStatement, rows.count) ? full : try db.makeStatement(sql: insertSQL(rows: end - start))
            var values: [DatabaseValue] = []
            values.reserveCapacity((end - start) * columns.count)
            for row in rows[start..<end] { values.append(contentsOf: row) }
            try statement.execute(arguments: StatementArguments(values))
            start = end
        }
    }
}

/// Columns every resource table starts with.
func scopedColumns<T: Identifiable>(_ scope: KeyPath<T, ResourceScope>) -> [Column<T>] where T.ID == String {
    [Column("id", "TEXT NOT NULL") { $0.id },
     Column("account", "TEXT NOT NULL") { $0[keyPath: scope].account },
     Column("region", "TEXT NOT NULL") { $0[keyPath: scope].region }]
}

/// Lists joined for a column: `a,b,c` (NULL when empty).
func joined(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ",") }
