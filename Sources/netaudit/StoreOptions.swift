import ArgumentParser
import NetModel
import SnapshotStore

/// `--store postgres://...`: snapshots live in a PostgreSQL store, and every snapshot argument (`--out`, `SNAP.db`,
/// `--snapshot`, `--against`) names one in it instead of a SQLite file.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A PostgreSQL store: snapshot arguments are names in it (letters, digits, - and _) instead of SQLite files.",
                               valueName: "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"))
    var store: String?

    /// Opens a snapshot: the file at `snapshot`, or with `--store` the snapshot of that name in the store.
    func open(_ snapshot: String) throws -> any SnapshotSource {
        guard let store else { return try SnapshotReader(path: snapshot) }
        return try PostgresSnapshotReader(store: store, name: snapshot)
    }

    /// Writes a snapshot to the file at `out`, or with `--store` as the snapshot of that name in the store (added to
    /// a snapshot of that name holding other accounts; `replace` drops one first).
    func write(_ snapshot: Snapshot, to out: String, replace: Bool = false) throws {
        guard let store else { return try SnapshotWriter.write(snapshot, to: out) }
        try PostgresSnapshotWriter.write(snapshot, to: out, store: store, replace: replace)
    }

    /// Whether `argument` names a stored snapshot rather than a file (a plan or template given to `diff`).
    func isSnapshot(_ argument: String) -> Bool {
        store == nil ? TemplateOptions.isSnapshot(argument) : SnapshotName.isValid(argument)
    }
}
