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

    var insertSQL: String {
        "INSERT INTO \(name) (" + columns.map(\.name).joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }

    func insert(_ rows: some Sequence<Row>, into db: Database) throws {
        let statement = try db.makeStatement(sql: insertSQL)
        for row in rows { try statement.execute(arguments: StatementArguments(try values(row))) }
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
