/**
 * The SQLite store (better-sqlite3 12, an optional peer dependency): a file or `:memory:`, WAL
 * with `synchronous=NORMAL`, every transaction `BEGIN IMMEDIATE` (a deferred BEGIN failed busy on
 * most contended writes in our measurements), queued within the process because one connection
 * holds one transaction at a time. Documents are JSON read back through the core's schemas.
 * Tables are created by `migrate()`, which the host runs explicitly — never on import.
 *
 * @packageDocumentation
 */
import Database from "better-sqlite3";
import { err, errAsync, ok, okAsync, type Result, ResultAsync } from "neverthrow";
import {
  type AuditEntry,
  type Collection,
  type Documents,
  decodeAuditEntry,
  decodeDocument,
  erasureActions,
  type ProgrammeStore,
  type StoreConflict,
  type StoreReader,
  type StoreUnavailable,
  type StoreWriter,
  type Versioned,
} from "venture-mentoring";

export interface SqliteStoreOptions {
  /** A file path, or `:memory:`. */
  readonly path: string;
  /** How long a writer waits for another process's transaction; default 5 000 ms. */
  readonly busyTimeoutMs?: number;
}

/** The SQLite store: the contract plus its explicit migration. */
export interface SqliteStore extends ProgrammeStore {
  /** Create or upgrade the tables. Idempotent. */
  migrate(): ResultAsync<void, StoreUnavailable>;
}

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE vm_documents (
     collection TEXT NOT NULL,
     id TEXT NOT NULL,
     version INTEGER NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (collection, id)
   ) WITHOUT ROWID;
   CREATE TABLE vm_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);
   CREATE TRIGGER vm_audit_no_update BEFORE UPDATE ON vm_audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
   CREATE TRIGGER vm_audit_no_delete BEFORE DELETE ON vm_audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`,
];

const unavailable = (cause: unknown): StoreUnavailable => ({
  type: "StoreUnavailable",
  cause: cause instanceof Error ? cause.message : String(cause),
});

/** Run a driver call; a thrown driver error becomes `StoreUnavailable`. */
function attempt<T>(f: () => T): Result<T, StoreUnavailable> {
  try {
    return ok(f());
  } catch (e) {
    return err(unavailable(e));
  }
}

/**
 * Open a SQLite store. Run `migrate()` once before use.
 *
 * @example
 * const store = createSqliteStore({ path: "./programme.db" })._unsafeUnwrap();
 * await store.migrate();
 */
export function createSqliteStore(options: SqliteStoreOptions): Result<SqliteStore, StoreUnavailable> {
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000));
  return attempt(() => {
    const db = new Database(options.path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Deleted and overwritten content is zeroed, so an erased name does not linger in free space.
    db.pragma("secure_delete = ON");
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    return db;
  }).map((db) => makeStore(db, busyTimeoutMs));
}

function makeStore(db: Database.Database, busyTimeoutMs: number): SqliteStore {
  // Prepared after migrate(): the tables must exist first.
  let erasing = false;
  /**
   * After an erasure the WAL is copied into the database and truncated, so that the erased values'
   * earlier copies (old pages in the database file, old frames in the WAL) are overwritten. A
   * connection elsewhere that still reads an older snapshot holds that back: then it is tried
   * again, without waiting, before every later call on this store, until it goes through.
   */
  let checkpointDue = false;
  const checkpoint = () => {
    if (!checkpointDue) return;
    attempt(() => {
      db.pragma("busy_timeout = 0");
      try {
        const [r] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
        if (r?.busy === 0) checkpointDue = false;
      } finally {
        db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      }
    });
  };
  let prepared: ReturnType<typeof statements> | undefined;
  const stmts = () => {
    prepared ??= statements(db);
    return prepared;
  };
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  /** Everything runs in order on the one connection: transactions and outside reads alike. */
  const enqueue = <T, E>(
    job: () => PromiseLike<Result<T, E | StoreUnavailable>>,
  ): ResultAsync<T, E | StoreUnavailable> => {
    const guarded = async (): Promise<Result<T, E | StoreUnavailable>> => {
      if (closed) return err(unavailable("the store is closed"));
      checkpoint();
      return await job();
    };
    const next = queue.then(guarded, guarded);
    queue = next.catch(() => undefined);
    return new ResultAsync(next);
  };

  const reader: StoreReader = {
    get: <C extends Collection>(collection: C, id: string) =>
      ResultAsync.fromSafePromise(Promise.resolve()).andThen(() => readDoc<C>(stmts(), collection, id)),
    list: <C extends Collection>(collection: C) =>
      ResultAsync.fromSafePromise(Promise.resolve()).andThen(() => listDocs<C>(stmts(), collection)),
    audit: () => ResultAsync.fromSafePromise(Promise.resolve()).andThen(() => readAudit(stmts())),
  };
  const writer: StoreWriter = {
    ...reader,
    put: <C extends Collection>(collection: C, id: string, value: Documents[C], expected: number | "new") =>
      ResultAsync.fromSafePromise(Promise.resolve()).andThen(() => {
        const s = stmts();
        const found = attempt(() => s.version.get(collection, id));
        if (found.isErr()) return errAsync<number, StoreConflict | StoreUnavailable>(found.error);
        const actual = found.value?.version;
        if (expected === "new" ? actual !== undefined : actual !== expected) {
          return errAsync<number, StoreConflict | StoreUnavailable>({
            type: "StoreConflict",
            collection,
            id,
            expected,
            actual,
          });
        }
        const version = (actual ?? 0) + 1;
        const body = JSON.stringify(value);
        const wrote = attempt(() =>
          actual === undefined
            ? s.insert.run(collection, id, version, body)
            : s.update.run(version, body, collection, id, actual),
        );
        return wrote.isErr()
          ? errAsync<number, StoreConflict | StoreUnavailable>(wrote.error)
          : okAsync<number, StoreConflict | StoreUnavailable>(version);
      }),
    appendAudit: (entry: AuditEntry) =>
      ResultAsync.fromSafePromise(Promise.resolve()).andThen(() => {
        if (erasureActions.includes(entry.action)) erasing = true;
        const wrote = attempt(() => stmts().audit.run(JSON.stringify(entry)));
        return wrote.isErr()
          ? errAsync<void, StoreUnavailable>(wrote.error)
          : okAsync<void, StoreUnavailable>(undefined);
      }),
  };

  return {
    get: (collection, id) => enqueue(() => reader.get(collection, id)),
    list: (collection) => enqueue(() => reader.list(collection)),
    audit: () => enqueue(() => reader.audit()),
    transaction: <T, E>(work: (tx: StoreWriter) => ResultAsync<T, E>) =>
      enqueue<T, E>(async () => {
        const begun = attempt(() => db.exec("BEGIN IMMEDIATE"));
        if (begun.isErr()) return err(begun.error);
        erasing = false;
        let result: Result<T, E | StoreUnavailable>;
        try {
          result = await work(writer);
        } catch (e) {
          result = err(unavailable(`the transaction threw: ${String(e)}`));
        }
        const end = attempt(() => db.exec(result.isOk() ? "COMMIT" : "ROLLBACK"));
        if (end.isErr()) {
          attempt(() => db.inTransaction && db.exec("ROLLBACK"));
          return err(end.error);
        }
        if (result.isOk() && erasing) {
          checkpointDue = true;
          checkpoint();
        }
        return result;
      }),
    migrate: () =>
      enqueue(async () =>
        attempt(() => {
          const applied = () =>
            db
              .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vm_migrations'")
              .get() === undefined
              ? 0
              : (
                  db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM vm_migrations").get() as {
                    v: number;
                  }
                ).v;
          // A current schema is only read: opening a store never waits for, or blocks, another writer.
          if (applied() >= MIGRATIONS.length) return;
          db.transaction(() => {
            db.exec("CREATE TABLE IF NOT EXISTS vm_migrations (version INTEGER PRIMARY KEY)");
            // Read again under the write lock: another process may have migrated meanwhile.
            const done = applied();
            MIGRATIONS.forEach((sql, k) => {
              if (k + 1 <= done) return;
              db.exec(sql);
              db.prepare("INSERT INTO vm_migrations (version) VALUES (?)").run(k + 1);
            });
          }).immediate();
        }),
      ),
    close: () =>
      enqueue(async () => {
        closed = true;
        return attempt(() => void db.close());
      }),
  };
}

function statements(db: Database.Database) {
  return {
    version: db.prepare<[string, string], { version: number }>(
      "SELECT version FROM vm_documents WHERE collection = ? AND id = ?",
    ),
    get: db.prepare<[string, string], { version: number; body: string }>(
      "SELECT version, body FROM vm_documents WHERE collection = ? AND id = ?",
    ),
    list: db.prepare<[string], { version: number; body: string }>(
      "SELECT version, body FROM vm_documents WHERE collection = ? ORDER BY id",
    ),
    insert: db.prepare("INSERT INTO vm_documents (collection, id, version, body) VALUES (?, ?, ?, ?)"),
    update: db.prepare(
      "UPDATE vm_documents SET version = ?, body = ? WHERE collection = ? AND id = ? AND version = ?",
    ),
    audit: db.prepare("INSERT INTO vm_audit (body) VALUES (?)"),
    trail: db.prepare<[], { body: string }>("SELECT body FROM vm_audit ORDER BY seq"),
  };
}

type Statements = ReturnType<typeof statements>;

function decode<C extends Collection>(
  collection: C,
  row: { version: number; body: string },
): Result<Versioned<Documents[C]>, StoreUnavailable> {
  return attempt(() => JSON.parse(row.body) as unknown)
    .andThen((json) =>
      decodeDocument(collection, json).mapErr((e) =>
        unavailable(`corrupt ${collection} document: ${e.issues[0]?.path} ${e.issues[0]?.message}`),
      ),
    )
    .map((value) => ({ value, version: row.version }));
}

function readDoc<C extends Collection>(
  s: Statements,
  collection: C,
  id: string,
): ResultAsync<Versioned<Documents[C]> | undefined, StoreUnavailable> {
  const row = attempt(() => s.get.get(collection, id));
  if (row.isErr()) return errAsync(row.error);
  if (row.value === undefined) return okAsync(undefined);
  const doc = decode(collection, row.value);
  return doc.isErr() ? errAsync(doc.error) : okAsync(doc.value);
}

function listDocs<C extends Collection>(
  s: Statements,
  collection: C,
): ResultAsync<readonly Versioned<Documents[C]>[], StoreUnavailable> {
  const rows = attempt(() => s.list.all(collection));
  if (rows.isErr()) return errAsync(rows.error);
  const docs: Versioned<Documents[C]>[] = [];
  for (const row of rows.value) {
    const doc = decode(collection, row);
    if (doc.isErr()) return errAsync(doc.error);
    docs.push(doc.value);
  }
  return okAsync(docs);
}

function readAudit(s: Statements): ResultAsync<readonly AuditEntry[], StoreUnavailable> {
  const rows = attempt(() => s.trail.all());
  if (rows.isErr()) return errAsync(rows.error);
  const entries: AuditEntry[] = [];
  for (const row of rows.value) {
    const entry = attempt(() => JSON.parse(row.body) as unknown).andThen((json) =>
      decodeAuditEntry(json).mapErr((e) => unavailable(`corrupt audit entry: ${e.issues[0]?.message}`)),
    );
    if (entry.isErr()) return errAsync(entry.error);
    entries.push(entry.value);
  }
  return okAsync(entries);
}
