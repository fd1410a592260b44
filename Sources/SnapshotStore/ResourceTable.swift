import Foundation
import GRDB
import NetModel

/// A resource kind's table: normalized columns, a `data` column holding the full model
/// value as JSON (what the model is loaded from), and child tables (rules, routes, ...).
struct ResourceTable<T: Codable & Identifiable>: Sendable where T.ID == String {
    let spec: TableSpec<T>
    let items: WritableKeyPath<Inventory, [T]> & Sendable
    let include: @Sendable (T) -> Bool
    let children: [ChildTable<T>]
    /// Columns indexed besides `id` (schema 5 on): what the query loader looks rows up by.
    let indexes: [String]

    init(_ name: String, _ items: WritableKeyPath<Inventory, [T]> & Sendable, scope: KeyPath<T, ResourceScope>,
         include: @escaping @Sendable (T) -> Bool = { _ in true }, columns: [Column<T>], indexes: [String] = [],
         children: [ChildTable<T>] = []) {
        let data = Column<T>("data", "TEXT NOT NULL") { String(decoding: try StoreCoding.encoder.encode($0), as: UTF8.self) }
        self.spec = TableSpec(name: name, columns: scopedColumns(scope) + columns + [data])
        self.items = items
        self.include = include
        self.children = children
        self.indexes = indexes
    }
}

/// A table of parts of a resource (SG rules, routes, NACL entries), for querying only, or of the keys the
/// query loader finds resources by (`indexes` names the columns it looks them up by).
struct ChildTable<Parent>: @unchecked Sendable {
    let create: String
    let indexes: [String]
    /// Inserts the rows of every parent given, in order.
    let insert: ([Parent], Database) throws -> Void

    init<Child>(_ name: String, columns: [Column<(Parent, Child)>], indexes: [String] = [], rows: @escaping (Parent) -> [Child]) {
        let spec = TableSpec<(Parent, Child)>(name: name, columns: columns)
        create = spec.createSQL
        self.indexes = indexes.map { "CREATE INDEX \(name)_\($0) ON \(name)(\($0))" }
        insert = { parents, db in
            try spec.insert(parents.flatMap { parent in rows(parent).map { (parent, $0) } }, into: db)
        }
    }
}

extension TableSpec: @unchecked Sendable {}

/// The one place that encodes and decodes model values for the `data` columns.
enum StoreCoding {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()
}

/// A resource table with its type erased, so all tables can sit in one list.
struct AnyResourceTable: Sendable {
    let name: String
    /// The table and its child tables.
    let createStatements: [String]
    /// The indexes of the table and its child tables: created after the rows are in (one sort instead of a
    /// b-tree insert per row).
    let indexStatements: [String]
    let insert: @Sendable (Inventory, Database) throws -> Void
    let load: @Sendable (Database, inout Inventory) throws -> Void

    init<T>(_ table: ResourceTable<T>) {
        name = table.spec.name
        let name = table.spec.name
        createStatements = [table.spec.createSQL] + table.children.map(\.create)
        indexStatements = ["CREATE INDEX \(name)_id ON \(name)(id)"]
            + table.indexes.map { "CREATE INDEX \(name)_\($0) ON \(name)(\($0))" } + table.children.flatMap(\.indexes)
        insert = { inventory, db in
            let rows = inventory[keyPath: table.items].filter(table.include)
            try table.spec.insert(rows, into: db)
            for child in table.children { try child.insert(rows, db) }
        }
        load = { db, inventory in
            let cursor = try String.fetchCursor(db, sql: "SELECT data FROM \(table.spec.name) ORDER BY rowid")
            while let text = try cursor.next() {
                inventory[keyPath: table.items].append(try StoreCoding.decoder.decode(T.self, from: Data(text.utf8)))
            }
        }
    }
}
