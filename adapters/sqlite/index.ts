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
  collections,
  DEFAULT_PROGRAMME,
  type Documents,
  decodeAuditEntry,
  decodeDocument,
  erasureActions,
  type IndexedCollection,
  type IndexName,
  indexEntries,
  isIndex,
  isProgrammeId,
  type Page,
  type PageQuery,
  type ProgrammeStore,
  pageSize,
  type StoreConflict,
  type StoreReader,
  type StoreUnavailable,
  type StoreWriter,
  type Versioned,
  type VersionQuery,
} from "venture-mentoring";

export interface SqliteStoreOptions {
  /** A file path, or `:memory:`. */
  readonly path: string;
  /**
   * The programme to open (see `isProgrammeId`); default `DEFAULT_PROGRAMME`. One file holds any
   * number of programmes; a store reads and writes its own only.
   */
  readonly programme?: string;
  /** How long a writer waits for another process's transaction; default 5 000 ms. */
  readonly busyTimeoutMs?: number;
}

/** The SQLite store: the contract plus its explicit migration. */
export interface SqliteStore extends ProgrammeStore {
  /** Create or upgrade the tables. Idempotent. */
  migrate(): ResultAsync<void, StoreUnavailable>;
}

/** A step of the schema's history: SQL, or code (moving documents into new records). Never edited once released. */
type Migration = string | ((db: Database.Database) => void);

const MIGRATIONS: readonly Migration[] = [
  // 1 (release 0.1.0): one programme, documents and the audit trail.
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
  // 2: many programmes per file, and the indexes. Existing documents move to the default programme.
  `CREATE TABLE vm_records (
     programme TEXT NOT NULL,
     collection TEXT NOT NULL,
     id TEXT NOT NULL,
     version INTEGER NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (programme, collection, id)
   ) WITHOUT ROWID;
   INSERT INTO vm_records (programme, collection, id, version, body)
     SELECT '${DEFAULT_PROGRAMME}', collection, id, version, body FROM vm_documents;
   DROP TABLE vm_documents;
   CREATE TABLE vm_index (
     programme TEXT NOT NULL,
     collection TEXT NOT NULL,
     name TEXT NOT NULL,
     key TEXT NOT NULL,
     id TEXT NOT NULL,
     PRIMARY KEY (programme, collection, name, key, id)
   ) WITHOUT ROWID;
   CREATE INDEX vm_index_by_record ON vm_index (programme, collection, id);
   ALTER TABLE vm_audit ADD COLUMN programme TEXT NOT NULL DEFAULT '${DEFAULT_PROGRAMME}';
   CREATE INDEX vm_audit_by_programme ON vm_audit (programme, seq);`,
  (db) => {
    // The index keys of the moved documents, computed by the core as for every later write. A
    // document the core cannot read back keeps no keys (and stays readable by id, as before).
    const insert = db.prepare(
      "INSERT INTO vm_index (programme, collection, name, key, id) VALUES (?, ?, ?, ?, ?)",
    );
    const rows = db
      .prepare<[], { programme: string; collection: string; id: string; body: string }>(
        "SELECT programme, collection, id, body FROM vm_records",
      )
      .all();
    for (const row of rows) {
      if (!(collections as readonly string[]).includes(row.collection)) continue;
      const collection = row.collection as Collection;
      const doc = attempt(() => JSON.parse(row.body) as unknown).andThen((json) =>
        decodeDocument(collection, json),
      );
      if (doc.isErr()) continue;
      for (const e of indexEntries(collection, doc.value))
        insert.run(row.programme, collection, e.index, e.key, row.id);
    }
  },
  // 4: the intakes' new index (a returning venture's hashed marks), for the intakes stored before.
  (db) => {
    const insert = db.prepare(
      "INSERT OR IGNORE INTO vm_index (programme, collection, name, key, id) VALUES (?, 'intakes', ?, ?, ?)",
    );
    const rows = db
      .prepare<[], { programme: string; id: string; body: string }>(
        "SELECT programme, id, body FROM vm_records WHERE collection = 'intakes'",
      )
      .all();
    for (const row of rows) {
      const doc = attempt(() => JSON.parse(row.body) as unknown).andThen((json) =>
        decodeDocument("intakes", json),
      );
      if (doc.isErr()) continue;
      for (const e of indexEntries("intakes", doc.value)) insert.run(row.programme, e.index, e.key, row.id);
    }
  },
  // 5: rounds and triage decisions keep codes and ids only; the sentences (with names) that releases
  // before 2026-12 stored beside them are dropped, as reading drops them. Versions stay.
  (db) => {
    const update = db.prepare(
      "UPDATE vm_records SET body = ? WHERE programme = ? AND collection = ? AND id = ?",
    );
    const rows = db
      .prepare<[], { programme: string; collection: "rounds" | "decisions"; id: string; body: string }>(
        "SELECT programme, collection, id, body FROM vm_records WHERE collection IN ('rounds', 'decisions')",
      )
      .all();
    for (const row of rows) {
      const doc = attempt(() => JSON.parse(row.body) as unknown).andThen((json) =>
        decodeDocument(row.collection, json),
      );
      if (doc.isErr()) continue;
      update.run(JSON.stringify(doc.value), row.programme, row.collection, row.id);
    }
  },
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
  const programme = options.programme ?? DEFAULT_PROGRAMME;
  if (!isProgrammeId(programme)) return err(unavailable(`invalid programme id '${programme}'`));
  return attempt(() => {
    const db = new Database(options.path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Deleted and overwritten content is zeroed, so an erased name does not linger in free space.
    db.pragma("secure_delete = ON");
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    return db;
  }).map((db) => makeStore(db, busyTimeoutMs, programme));
}

function makeStore(db: Database.Database, busyTimeoutMs: number, programme: string): SqliteStore {
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
    prepared ??= statements(db, programme);
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

  const later = <T>(f: () => ResultAsync<T, StoreUnavailable>) =>
    ResultAsync.fromSafePromise(Promise.resolve()).andThen(f);
  const reader: StoreReader = {
    get: <C extends Collection>(collection: C, id: string) =>
      later(() => readDoc<C>(stmts(), collection, id)),
    list: <C extends Collection>(collection: C) => later(() => listDocs<C>(stmts(), collection)),
    versions: <C extends Collection>(collection: C, which?: VersionQuery<C>) =>
      later(() => {
        if (which !== undefined && "index" in which && !isIndex(collection, which.index))
          return errAsync(unavailable(`${collection} has no index '${which.index}'`));
        const rows = attempt(() =>
          which === undefined
            ? stmts().versionsAll.all(collection)
            : "ids" in which
              ? stmts().versionsOf.all(collection, JSON.stringify(which.ids))
              : stmts().versionsByKey.all(collection, which.index, JSON.stringify(which.keys)),
        );
        return rows.isErr()
          ? errAsync(rows.error)
          : okAsync<ReadonlyMap<string, number>, StoreUnavailable>(
              new Map(rows.value.map((r) => [r.id, r.version])),
            );
      }),
    getMany: <C extends Collection>(collection: C, ids: readonly string[]) =>
      later(() =>
        decodeRows(collection, () => stmts().getMany.all(collection, JSON.stringify(ids))).map(
          (docs): readonly Versioned<Documents[C]>[] => docs,
        ),
      ),
    find: <C extends IndexedCollection>(
      collection: C,
      index: IndexName<C>,
      key: string | readonly string[],
    ) =>
      later(() =>
        isIndex(collection, index)
          ? decodeRows(collection, () =>
              stmts().find.all(
                collection,
                index,
                JSON.stringify(typeof key === "string" ? [key] : key),
                "",
                -1,
              ),
            ).map((docs): readonly Versioned<Documents[C]>[] => docs)
          : errAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>(
              unavailable(`${collection} has no index '${index}'`),
            ),
      ),
    count: <C extends IndexedCollection>(collection: C, index: IndexName<C>, keys?: readonly string[]) =>
      later(() => {
        if (!isIndex(collection, index))
          return errAsync(unavailable(`${collection} has no index '${index}'`));
        const rows = attempt(() =>
          keys === undefined
            ? stmts().countAll.all(collection, index)
            : stmts().countKeys.all(collection, index, JSON.stringify(keys)),
        );
        return rows.isErr()
          ? errAsync(rows.error)
          : okAsync<ReadonlyMap<string, number>, StoreUnavailable>(
              new Map(rows.value.map((r) => [r.key, r.n])),
            );
      }),
    page: <C extends Collection>(collection: C, query: PageQuery<C>) =>
      later((): ResultAsync<Page<Documents[C]>, StoreUnavailable> => {
        const where = query.where;
        if (where !== undefined && !isIndex(collection, where.index))
          return errAsync(unavailable(`${collection} has no index '${where.index}'`));
        const size = pageSize(query.limit);
        const after = query.after ?? "";
        let ids: string[] = [];
        return decodeRows(collection, () => {
          const rows =
            where === undefined
              ? stmts().page.all(collection, after, size + 1)
              : stmts().pageByKey.all(collection, where.index, where.key, after, size + 1);
          ids = rows.map((r) => r.id);
          return rows;
        }).map((docs): Page<Documents[C]> => {
          const next = docs.length > size ? ids[size - 1] : undefined;
          return { items: docs.slice(0, size), ...(next === undefined ? {} : { next }) };
        });
      }),
    audit: () => later(() => readAudit(stmts())),
  };
  /** Read rows and decode every document; a row the core cannot read is `StoreUnavailable`. */
  function decodeRows<C extends Collection>(
    collection: C,
    rows: () => { version: number; body: string }[],
  ): ResultAsync<Versioned<Documents[C]>[], StoreUnavailable> {
    const found = attempt(rows);
    if (found.isErr()) return errAsync(found.error);
    const docs: Versioned<Documents[C]>[] = [];
    for (const row of found.value) {
      const doc = decode(collection, row);
      if (doc.isErr()) return errAsync(doc.error);
      docs.push(doc.value);
    }
    return okAsync(docs);
  }
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
        const wrote = attempt(() => {
          if (actual === undefined) s.insert.run(collection, id, version, body);
          else s.update.run(version, body, collection, id, actual);
          // The document's index keys, replaced in the same transaction.
          s.unindex.run(collection, id);
          for (const e of indexEntries(collection, value)) s.index.run(collection, e.index, e.key, id);
        });
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
    getMany: (collection, ids) => enqueue(() => reader.getMany(collection, ids)),
    versions: (collection, which) => enqueue(() => reader.versions(collection, which)),
    find: (collection, index, key) => enqueue(() => reader.find(collection, index, key)),
    count: (collection, index, keys) => enqueue(() => reader.count(collection, index, keys)),
    page: (collection, query) => enqueue(() => reader.page(collection, query)),
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
            MIGRATIONS.forEach((step, k) => {
              if (k + 1 <= done) return;
              if (typeof step === "string") db.exec(step);
              else step(db);
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

function statements(db: Database.Database, programme: string) {
  /** A statement whose first parameter is the store's programme. */
  const p = <A extends unknown[], R = unknown>(sql: string) => {
    const stmt = db.prepare<[string, ...A], R>(sql);
    return {
      get: (...args: A) => stmt.get(programme, ...args),
      all: (...args: A) => stmt.all(programme, ...args),
      run: (...args: A) => stmt.run(programme, ...args),
    };
  };
  return {
    version: p<[string, string], { version: number }>(
      "SELECT version FROM vm_records WHERE programme = ? AND collection = ? AND id = ?",
    ),
    get: p<[string, string], { version: number; body: string }>(
      "SELECT version, body FROM vm_records WHERE programme = ? AND collection = ? AND id = ?",
    ),
    versionsAll: p<[string], { id: string; version: number }>(
      "SELECT id, version FROM vm_records WHERE programme = ? AND collection = ?",
    ),
    versionsOf: p<[string, string], { id: string; version: number }>(
      `SELECT id, version FROM vm_records WHERE programme = ? AND collection = ?
       AND id IN (SELECT value FROM json_each(?))`,
    ),
    versionsByKey: (() => {
      const stmt = db.prepare<unknown[], { id: string; version: number }>(
        `SELECT r.id, r.version FROM vm_records r
         WHERE r.programme = ? AND r.collection = ? AND r.id IN (
           SELECT i.id FROM vm_index i WHERE i.programme = ? AND i.collection = ? AND i.name = ?
           AND i.key IN (SELECT value FROM json_each(?)))`,
      );
      return {
        all: (collection: string, index: string, keys: string) =>
          stmt.all(programme, collection, programme, collection, index, keys),
      };
    })(),
    getMany: p<[string, string], { version: number; body: string }>(
      `SELECT version, body FROM vm_records WHERE programme = ? AND collection = ?
       AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    list: p<[string], { version: number; body: string }>(
      "SELECT version, body FROM vm_records WHERE programme = ? AND collection = ? ORDER BY id",
    ),
    page: p<[string, string, number], { id: string; version: number; body: string }>(
      "SELECT id, version, body FROM vm_records WHERE programme = ? AND collection = ? AND id > ? ORDER BY id LIMIT ?",
    ),
    find: (() => {
      const stmt = db.prepare<unknown[], { id: string; version: number; body: string }>(
        `SELECT r.id, r.version, r.body FROM vm_records r
         WHERE r.programme = ? AND r.collection = ? AND r.id IN (
           SELECT i.id FROM vm_index i WHERE i.programme = ? AND i.collection = ? AND i.name = ?
           AND i.key IN (SELECT value FROM json_each(?)))
         AND r.id > ? ORDER BY r.id LIMIT ?`,
      );
      return {
        /** Documents with any of the keys (a JSON array), after a cursor, at most `limit` (-1: all). */
        all: (collection: string, index: string, keys: string, after: string, limit: number) =>
          stmt.all(programme, collection, programme, collection, index, keys, after, limit),
      };
    })(),
    // One key, in the index's own order: a page walks the index from the cursor, never the collection.
    pageByKey: p<[string, string, string, string, number], { id: string; version: number; body: string }>(
      `SELECT r.id, r.version, r.body FROM vm_index i
       JOIN vm_records r ON r.programme = i.programme AND r.collection = i.collection AND r.id = i.id
       WHERE i.programme = ? AND i.collection = ? AND i.name = ? AND i.key = ? AND i.id > ?
       ORDER BY i.id LIMIT ?`,
    ),
    countAll: p<[string, string], { key: string; n: number }>(
      "SELECT key, COUNT(*) AS n FROM vm_index WHERE programme = ? AND collection = ? AND name = ? GROUP BY key",
    ),
    countKeys: p<[string, string, string], { key: string; n: number }>(
      `SELECT key, COUNT(*) AS n FROM vm_index WHERE programme = ? AND collection = ? AND name = ?
       AND key IN (SELECT value FROM json_each(?)) GROUP BY key`,
    ),
    insert: p<[string, string, number, string]>(
      "INSERT INTO vm_records (programme, collection, id, version, body) VALUES (?, ?, ?, ?, ?)",
    ),
    update: (() => {
      const stmt = db.prepare(
        "UPDATE vm_records SET version = ?, body = ? WHERE programme = ? AND collection = ? AND id = ? AND version = ?",
      );
      return {
        run: (version: number, body: string, collection: string, id: string, expected: number) =>
          stmt.run(version, body, programme, collection, id, expected),
      };
    })(),
    unindex: p<[string, string]>("DELETE FROM vm_index WHERE programme = ? AND collection = ? AND id = ?"),
    index: p<[string, string, string, string]>(
      "INSERT INTO vm_index (programme, collection, name, key, id) VALUES (?, ?, ?, ?, ?)",
    ),
    audit: p<[string]>("INSERT INTO vm_audit (programme, body) VALUES (?, ?)"),
    trail: p<[], { body: string }>("SELECT body FROM vm_audit WHERE programme = ? ORDER BY seq"),
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
