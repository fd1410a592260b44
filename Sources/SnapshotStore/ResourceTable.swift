import Foundation
import GRDB
import JSON
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
        let data = Column<T>("data", "TEXT NOT NULL") { try SortedJSONEncoder().text($0) }
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
    let shape: TableShape
    /// Inserts the rows of every parent given, in order (many per statement).
    let insert: ([Parent], Database) throws -> Void
    /// The rows of one parent, as column values (the PostgreSQL store's insert).
    let values: (Parent) throws -> [[(any DatabaseValueConvertible)?]]

    init<Child>(_ name: String, columns: [Column<(Parent, Child)>], indexes: [String] = [], rows: @escaping (Parent) -> [Child]) {
        let spec = TableSpec<(Parent, Child)>(name: name, columns: columns)
        var shape = spec.shape
        shape.indexes = indexes
        self.shape = shape
        insert = { parents, db in
            try spec.insert(parents.flatMap { parent in rows(parent).map { (parent, $0) } }, into: db)
        }
        values = { parent in try rows(parent).map { try spec.values((parent, $0)) } }
    }
}

extension TableSpec: @unchecked Sendable {}

/// How the `data` columns are read: `StoreDecoder` (Sources/SnapshotStore/Coding) decodes what `SortedJSONEncoder`
/// (the JSON module) wrote, which is what Foundation's encoder with sorted keys writes.
enum StoreCoding {
    /// How many rows a reader decodes at once.
    static let batch = 4096

    /// The values of `data` texts, decoded on all cores, in order; the first that does not decode is named by
    /// its table and row (1-based, in stored order: `firstRow` is the first text's).
    static func decode<T: Decodable>(_ type: T.Type, _ texts: [String], table: String, firstRow: Int = 1) throws -> [T] {
        try ParallelMap.map(Array(texts.enumerated())) { i, text in
            do { return try StoreDecoder.decode(T.self, from: text) } catch {
                throw DataColumnError(table: table, row: firstRow + i, reason: "\(error)")
            }
        }
    }
}

/// A row whose `data` column does not decode into its model value: the table, the row (1-based, in stored order)
/// and the decoder's reason. The readers report it as a damaged snapshot (`StoreError.damaged`).
struct DataColumnError: Error, CustomStringConvertible {
    let table: String
    let row: Int
    let reason: String

    var description: String { "table \(table) row \(row): the data column does not decode (\(reason))" }
}

/// A resource table with its type erased, so all tables can sit in one list.
struct AnyResourceTable: Sendable {
    let name: String
    /// The resource table first, then its child tables: what both stores create.
    let shapes: [TableShape]
    let insert: @Sendable (Inventory, Database) throws -> Void
    let load: @Sendable (Database, inout Inventory) throws -> Void
    /// The rows of the inventory's resources, each with its child tables' rows (in `shapes` order after the first).
    let rows: @Sendable (Inventory) throws -> [StoreRow]
    /// Appends the resources whose `data` texts are given, in order.
    let decode: @Sendable ([String], inout Inventory) throws -> Void

    /// The SQLite tables: the resource table and its child tables.
    var createStatements: [String] { shapes.map(\.sqliteCreate) }
    /// Their indexes: created after the rows are in (one sort instead of a b-tree insert per row).
    var indexStatements: [String] { shapes.flatMap(\.sqliteIndexes) }

    init<T>(_ table: ResourceTable<T>) {
        name = table.spec.name
        var main = table.spec.shape
        main.indexes = ["id"] + table.indexes
        main.isResource = true
        shapes = [main] + table.children.map(\.shape)
        rows = { inventory in
            // On all cores, as the SQLite writer encodes: the `data` column's JSON is most of the cost.
            try ParallelMap.map(inventory[keyPath: table.items].filter(table.include)) { item in
                StoreRow(values: try table.spec.values(item), children: try table.children.map { try $0.values(item) })
            }
        }
        decode = { texts, inventory in
            inventory[keyPath: table.items].append(contentsOf: try StoreCoding.decode(T.self, texts, table: table.spec.name))
        }
        insert = { inventory, db in
            let rows = inventory[keyPath: table.items].filter(table.include)
            try table.spec.insert(rows, into: db)
            for child in table.children { try child.insert(rows, db) }
        }
        load = { db, inventory in
            // Decoded on all cores a batch at a time (the texts of a whole table need not be held at once).
            let cursor = try String.fetchCursor(db, sql: "SELECT data FROM \(table.spec.name) ORDER BY rowid")
            var batch: [String] = []
            var done = 0
            repeat {
                batch.removeAll(keepingCapacity: true)
                while batch.count < StoreCoding.batch, let text = try cursor.next() { batch.append(text) }
                inventory[keyPath: table.items].append(contentsOf: try StoreCoding.decode(T.self, batch, table: table.spec.name, firstRow: done + 1))
                done += batch.count
            } while batch.count == StoreCoding.batch
        }
    }
}

/// One resource's column values and its child tables' rows.
struct StoreRow: @unchecked Sendable {
    let values: [(any DatabaseValueConvertible)?]
    let children: [[[(any DatabaseValueConvertible)?]]]
}
