/**
 * The PostgreSQL store (`pg`, an optional peer dependency). Every transaction runs SERIALIZABLE
 * and is retried on a serialization failure or deadlock (40001, 40P01) — read committed alone
 * over-committed mentors in our measurements. Tables live in a schema of their own (default
 * `venture_mentoring`), so a portal can host them beside its own; `migrate()` creates them under an
 * advisory lock and is run explicitly by the host, never on import.
 *
 * @packageDocumentation
 */
import { err, errAsync, ok, okAsync, type Result, ResultAsync } from "neverthrow";
import pg from "pg";
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

export interface PostgresStoreOptions {
  /** A connection string (`postgres://user@host:5432/db`), unless `pool` is given. */
  readonly connectionString?: string;
  /** A pool the host owns (the store will not end it on close). */
  readonly pool?: pg.Pool;
  /** The schema for the store's tables: lower-case letters, digits and `_`. Default `venture_mentoring`. */
  readonly schema?: string;
  /**
   * The programme to open (see `isProgrammeId`); default `DEFAULT_PROGRAMME`. One schema holds any
   * number of programmes (a national network's chapters); a store reads and writes its own only.
   */
  readonly programme?: string;
  /** Attempts for a transaction that keeps losing serialization races. Default 20, with a growing pause between. */
  readonly maxAttempts?: number;
}

export interface PostgresStore extends ProgrammeStore {
  /** Create or upgrade the schema and tables. Idempotent; safe to run from several processes at once. */
  migrate(): ResultAsync<void, StoreUnavailable>;
}

const RETRY = new Set(["40001", "40P01"]);

/**
 * Rewrite a table after an erasure (see the transaction). VACUUM FULL copies every row version some
 * open transaction might still see — so while any transaction that began before the erasure (`xid`)
 * is open, in any schema of the database, the erased values would be copied into the new files.
 * The rewrite waits (up to `waitMs`) until none is, then runs; a rewrite that fails is tried again.
 * Whether it ran: if not, the store tries again later.
 */
async function rewriteAfterErasure(
  client: pg.PoolClient,
  table: string,
  xid: string,
  waitMs: number,
): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    const check = await client
      .query<{ clear: boolean }>(
        `SELECT NOT EXISTS (
                  SELECT 1 FROM pg_stat_activity
                   WHERE pid <> pg_backend_pid() AND backend_xmin IS NOT NULL AND age(backend_xmin) >= age($1::xid))
                AND age(pg_snapshot_xmin(pg_current_snapshot())::xid) < age($1::xid) AS clear`,
        [xid],
      )
      .catch(() => undefined);
    if (check?.rows[0]?.clear === true) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          await client.query(`VACUUM FULL ${table}`);
          return true;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
      return false;
    }
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const unavailable = (cause: unknown): StoreUnavailable => ({
  type: "StoreUnavailable",
  cause: cause instanceof Error ? cause.message : String(cause),
});

interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * A PostgreSQL store. Run `migrate()` once before use.
 *
 * @example
 * const store = createPostgresStore({ connectionString: "postgres://postgres@127.0.0.1/test", schema: "ems" })._unsafeUnwrap();
 * await store.migrate();
 */
export function createPostgresStore(options: PostgresStoreOptions): Result<PostgresStore, StoreUnavailable> {
  const schema = options.schema ?? "venture_mentoring";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) return err(unavailable(`invalid schema name '${schema}'`));
  const programme = options.programme ?? DEFAULT_PROGRAMME;
  if (!isProgrammeId(programme)) return err(unavailable(`invalid programme id '${programme}'`));
  if (options.pool === undefined && options.connectionString === undefined) {
    return err(unavailable("give a connectionString or a pool"));
  }
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 10 });
  const owned = options.pool === undefined;
  // An idle connection the server dropped (a restart, a terminated backend) is an 'error' event on
  // the pool; without a listener it would end the host process. The pool discards the client and
  // the next transaction gets a fresh one.
  if (owned) {
    pool.on("error", () => undefined);
    // …and every client gets a listener of its own for its whole life: a drop between two queries
    // of a checked-out client rejects the next query (StoreUnavailable) instead of crashing.
    pool.on("connect", (client) => client.on("error", () => undefined));
  }
  const t = (name: string) => `"${schema}".${name}`;
  const maxAttempts = options.maxAttempts ?? 20;

  /** Reads and writes over one client; `failed` records a serialization failure for the retry loop. */
  const ops = (db: Queryable, state: { failed: boolean; erasing?: boolean }): StoreWriter => {
    const run = <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
      ResultAsync.fromPromise(db.query<R>(text, values), (e) => {
        if (RETRY.has((e as { code?: string }).code ?? "")) state.failed = true;
        return unavailable(e);
      });
    const decode = <C extends Collection>(collection: C, row: { version: number; body: unknown }) =>
      decodeDocument(collection, row.body)
        .map((value): Versioned<Documents[C]> => ({ value, version: row.version }))
        .mapErr((e) =>
          unavailable(`corrupt ${collection} document: ${e.issues[0]?.path} ${e.issues[0]?.message}`),
        );
    const decodeAll = <C extends Collection>(
      collection: C,
      rows: readonly { version: number; body: unknown }[],
    ) => {
      const docs: Versioned<Documents[C]>[] = [];
      for (const row of rows) {
        const doc = decode(collection, row);
        if (doc.isErr()) return errAsync<Versioned<Documents[C]>[], StoreUnavailable>(doc.error);
        docs.push(doc.value);
      }
      return okAsync<Versioned<Documents[C]>[], StoreUnavailable>(docs);
    };
    const noIndex = (collection: Collection, index: string) =>
      errAsync<never, StoreUnavailable>(unavailable(`${collection} has no index '${index}'`));
    /** Documents of one index key, after a cursor, at most `limit` (null: all). */
    const findRows = (
      collection: Collection,
      index: string,
      keys: readonly string[],
      after: string,
      limit: number | null,
    ) =>
      run<{ id: string; version: number; body: unknown }>(
        `SELECT r.id, r.version, r.body FROM ${t("vm_records")} r
         WHERE r.programme = $1 AND r.collection = $2 AND r.id IN (
           SELECT i.id FROM ${t("vm_index")} i
           WHERE i.programme = $1 AND i.collection = $2 AND i.name = $3 AND i.key = ANY($4::text[]))
         AND r.id > $5 ORDER BY r.id LIMIT $6`,
        [programme, collection, index, [...keys], after, limit],
      );
    const reader: StoreReader = {
      get: <C extends Collection>(collection: C, id: string) =>
        run<{ version: number; body: unknown }>(
          `SELECT version, body FROM ${t("vm_records")} WHERE programme = $1 AND collection = $2 AND id = $3`,
          [programme, collection, id],
        ).andThen((r) => {
          const row = r.rows[0];
          if (row === undefined)
            return okAsync<Versioned<Documents[C]> | undefined, StoreUnavailable>(undefined);
          const doc = decode(collection, row);
          return doc.isOk() ? okAsync(doc.value) : errAsync(doc.error);
        }),
      list: <C extends Collection>(collection: C) =>
        run<{ version: number; body: unknown }>(
          `SELECT version, body FROM ${t("vm_records")} WHERE programme = $1 AND collection = $2 ORDER BY id`,
          [programme, collection],
        ).andThen((r) => decodeAll(collection, r.rows).map((d): readonly Versioned<Documents[C]>[] => d)),
      versions: <C extends Collection>(collection: C, which?: VersionQuery<C>) => {
        if (which !== undefined && "index" in which && !isIndex(collection, which.index))
          return noIndex(collection, which.index);
        const base = `SELECT id, version FROM ${t("vm_records")} WHERE programme = $1 AND collection = $2`;
        const rows =
          which === undefined
            ? run<{ id: string; version: number }>(base, [programme, collection])
            : "ids" in which
              ? run<{ id: string; version: number }>(`${base} AND id = ANY($3::text[])`, [
                  programme,
                  collection,
                  [...which.ids],
                ])
              : run<{ id: string; version: number }>(
                  `${base} AND id IN (SELECT i.id FROM ${t("vm_index")} i
                   WHERE i.programme = $1 AND i.collection = $2 AND i.name = $3 AND i.key = ANY($4::text[]))`,
                  [programme, collection, which.index, [...which.keys]],
                );
        return rows.map(
          (r): ReadonlyMap<string, number> => new Map(r.rows.map((row) => [row.id, row.version])),
        );
      },
      getMany: <C extends Collection>(collection: C, ids: readonly string[]) =>
        run<{ version: number; body: unknown }>(
          `SELECT version, body FROM ${t("vm_records")}
           WHERE programme = $1 AND collection = $2 AND id = ANY($3::text[]) ORDER BY id`,
          [programme, collection, [...ids]],
        ).andThen((r) => decodeAll(collection, r.rows).map((d): readonly Versioned<Documents[C]>[] => d)),
      find: <C extends IndexedCollection>(
        collection: C,
        index: IndexName<C>,
        key: string | readonly string[],
      ) =>
        isIndex(collection, index)
          ? findRows(collection, index, typeof key === "string" ? [key] : key, "", null).andThen((r) =>
              decodeAll(collection, r.rows).map((d): readonly Versioned<Documents[C]>[] => d),
            )
          : noIndex(collection, index),
      count: <C extends IndexedCollection>(collection: C, index: IndexName<C>, keys?: readonly string[]) =>
        isIndex(collection, index)
          ? run<{ key: string; n: number }>(
              `SELECT key, COUNT(*)::int AS n FROM ${t("vm_index")}
               WHERE programme = $1 AND collection = $2 AND name = $3 AND ($4::text[] IS NULL OR key = ANY($4::text[]))
               GROUP BY key`,
              [programme, collection, index, keys === undefined ? null : [...keys]],
            ).map((r): ReadonlyMap<string, number> => new Map(r.rows.map((row) => [row.key, row.n])))
          : noIndex(collection, index),
      page: <C extends Collection>(collection: C, query: PageQuery<C>) => {
        const where = query.where;
        if (where !== undefined && !isIndex(collection, where.index)) return noIndex(collection, where.index);
        const size = pageSize(query.limit);
        const after = query.after ?? "";
        const rows =
          where === undefined
            ? run<{ id: string; version: number; body: unknown }>(
                `SELECT id, version, body FROM ${t("vm_records")}
                 WHERE programme = $1 AND collection = $2 AND id > $3 ORDER BY id LIMIT $4`,
                [programme, collection, after, size + 1],
              )
            : // One key, in the index's own order: the page walks the index from the cursor.
              run<{ id: string; version: number; body: unknown }>(
                `SELECT r.id, r.version, r.body FROM ${t("vm_index")} i
                 JOIN ${t("vm_records")} r ON r.programme = i.programme AND r.collection = i.collection AND r.id = i.id
                 WHERE i.programme = $1 AND i.collection = $2 AND i.name = $3 AND i.key = $4 AND i.id > $5
                 ORDER BY i.id LIMIT $6`,
                [programme, collection, where.index, where.key, after, size + 1],
              );
        return rows.andThen((r) =>
          decodeAll(collection, r.rows).map((docs): Page<Documents[C]> => {
            const next = docs.length > size ? r.rows[size - 1]?.id : undefined;
            return { items: docs.slice(0, size), ...(next === undefined ? {} : { next }) };
          }),
        );
      },
      audit: () =>
        run<{ body: unknown }>(`SELECT body FROM ${t("vm_audit")} WHERE programme = $1 ORDER BY seq`, [
          programme,
        ]).andThen((r) => {
          const entries: AuditEntry[] = [];
          for (const row of r.rows) {
            const entry = decodeAuditEntry(row.body);
            if (entry.isErr())
              return errAsync<readonly AuditEntry[], StoreUnavailable>(
                unavailable(`corrupt audit entry: ${entry.error.issues[0]?.message}`),
              );
            entries.push(entry.value);
          }
          return okAsync<readonly AuditEntry[], StoreUnavailable>(entries);
        }),
    };
    return {
      ...reader,
      put: <C extends Collection>(
        collection: C,
        id: string,
        value: Documents[C],
        expected: number | "new",
      ) => {
        // One statement: the document written only at the expected version, and its index keys
        // replaced (stale keys deleted, new ones added) only if it was.
        const entries = indexEntries(collection, value);
        const keys = `
          del AS (DELETE FROM ${t("vm_index")} WHERE programme = $1 AND collection = $2 AND id = $3
                  AND EXISTS (SELECT 1 FROM w)
                  AND (name, key) NOT IN (SELECT n, k FROM unnest($5::text[], $6::text[]) AS x(n, k))),
          ins AS (INSERT INTO ${t("vm_index")} (programme, collection, name, key, id)
                  SELECT $1, $2, n, k, $3 FROM unnest($5::text[], $6::text[]) AS x(n, k)
                  WHERE EXISTS (SELECT 1 FROM w) ON CONFLICT DO NOTHING)
          SELECT version FROM w`;
        const params = [
          programme,
          collection,
          id,
          JSON.stringify(value),
          entries.map((e) => e.index),
          entries.map((e) => e.key),
        ];
        const write =
          expected === "new"
            ? run<{ version: number }>(
                `WITH w AS (INSERT INTO ${t("vm_records")} (programme, collection, id, version, body)
                   VALUES ($1, $2, $3, 1, $4::jsonb) ON CONFLICT (programme, collection, id) DO NOTHING
                   RETURNING version), ${keys}`,
                params,
              )
            : run<{ version: number }>(
                `WITH w AS (UPDATE ${t("vm_records")} SET version = version + 1, body = $4::jsonb
                   WHERE programme = $1 AND collection = $2 AND id = $3 AND version = $7
                   RETURNING version), ${keys}`,
                [...params, expected],
              );
        return write.andThen((r): ResultAsync<number, StoreConflict | StoreUnavailable> => {
          const written = r.rows[0]?.version;
          if (written !== undefined) return okAsync(written);
          // Not written: say which version is there.
          return run<{ version: number }>(
            `SELECT version FROM ${t("vm_records")} WHERE programme = $1 AND collection = $2 AND id = $3`,
            [programme, collection, id],
          ).andThen((found) =>
            errAsync<number, StoreConflict | StoreUnavailable>({
              type: "StoreConflict",
              collection,
              id,
              expected,
              actual: found.rows[0]?.version,
            }),
          );
        });
      },
      appendAudit: (entry: AuditEntry) => {
        if (erasureActions.includes(entry.action)) state.erasing = true;
        return run(`INSERT INTO ${t("vm_audit")} (programme, body) VALUES ($1, $2::jsonb)`, [
          programme,
          JSON.stringify(entry),
        ]).map(() => undefined);
      },
    };
  };

  const outside = ops(pool, { failed: false });
  /** The erasure (its transaction id) whose rewrite could not run yet; tried after every transaction. */
  let rewriteDue: string | undefined;

  const transaction = <T, E>(
    work: (tx: StoreWriter) => ResultAsync<T, E>,
  ): ResultAsync<T, E | StoreUnavailable> =>
    new ResultAsync(
      (async (): Promise<Result<T, E | StoreUnavailable>> => {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (e) {
          return err(unavailable(e));
        }
        // A checked-out client whose connection drops emits 'error': unheard, it would end the host
        // process. Heard, the failing query rejects, the transaction becomes StoreUnavailable, and
        // the broken client is destroyed instead of going back to the pool.
        let broken: Error | undefined;
        const onError = (e: Error) => {
          broken = e;
        };
        client.on("error", onError);
        try {
          for (let attempt = 1; ; attempt++) {
            const state = { failed: false, erasing: false };
            let result: Result<T, E | StoreUnavailable>;
            let erasedIn: string | undefined;
            try {
              await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
              result = await work(ops(client, state));
              if (result.isOk() && !state.failed && state.erasing)
                erasedIn = (await client.query<{ x: string }>("SELECT pg_current_xact_id()::xid::text AS x"))
                  .rows[0]?.x;
              if (result.isOk() && !state.failed) await client.query("COMMIT");
              else await client.query("ROLLBACK");
            } catch (e) {
              await client.query("ROLLBACK").catch(() => undefined);
              if (RETRY.has((e as { code?: string }).code ?? "")) state.failed = true;
              result = err(unavailable(`the transaction failed: ${String(e)}`));
            }
            if (!state.failed) {
              // After an erasure, rewrite the documents' table: a plain VACUUM frees the erased
              // values' earlier row versions but leaves their bytes in the table's pages; VACUUM FULL
              // writes the live rows (with their indexes and TOAST) to new files and drops the old
              // ones. It locks the table while it copies it — erasures are rare, and a person's
              // data must not outlive them. Best effort (the result stands either way).
              if (result.isOk() && erasedIn !== undefined) {
                if (!(await rewriteAfterErasure(client, t("vm_records"), erasedIn, 2_000)))
                  rewriteDue = erasedIn;
              } else if (rewriteDue !== undefined) {
                // An earlier erasure still waits for its rewrite: try again, without waiting.
                const due = rewriteDue;
                if (await rewriteAfterErasure(client, t("vm_records"), due, 0)) rewriteDue = undefined;
              }
              return result;
            }
            if (attempt >= maxAttempts) {
              return err(unavailable(`gave up after ${attempt} serialization failures`));
            }
            // Back off exponentially with full jitter (capped at 250 ms), so the transactions that lost
            // the race spread out instead of meeting again at once.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 2 ** attempt)));
          }
        } finally {
          client.off("error", onError);
          client.release(broken);
        }
      })(),
    );

  return ok({
    get: (collection, id) => outside.get(collection, id),
    list: (collection) => outside.list(collection),
    getMany: (collection, ids) => outside.getMany(collection, ids),
    versions: (collection, which) => outside.versions(collection, which),
    find: (collection, index, key) => outside.find(collection, index, key),
    count: (collection, index, keys) => outside.count(collection, index, keys),
    page: (collection, query) => outside.page(collection, query),
    audit: () => outside.audit(),
    transaction,
    migrate: () =>
      ResultAsync.fromPromise(
        (async () => {
          const client = await pool.connect();
          let broken: Error | undefined;
          const onError = (e: Error) => {
            broken = e;
          };
          client.on("error", onError);
          try {
            await client.query("BEGIN");
            // One migrator at a time across processes.
            await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`venture-mentoring:${schema}`]);
            await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
            await client.query(
              `CREATE TABLE IF NOT EXISTS ${t("vm_migrations")} (version integer PRIMARY KEY)`,
            );
            const done =
              (
                await client.query<{ v: number }>(
                  `SELECT COALESCE(MAX(version), 0)::int AS v FROM ${t("vm_migrations")}`,
                )
              ).rows[0]?.v ?? 0;
            // The schema's history, never edited once released: SQL, or code that moves documents.
            const migrations: (string | (() => Promise<void>))[] = [
              // 1 (release 0.1.0): one programme, documents and the audit trail.
              `CREATE TABLE ${t("vm_documents")} (collection text NOT NULL, id text NOT NULL, version integer NOT NULL, body jsonb NOT NULL, PRIMARY KEY (collection, id));
               CREATE TABLE ${t("vm_audit")} (seq bigserial PRIMARY KEY, body jsonb NOT NULL);
               CREATE FUNCTION ${t("vm_audit_append_only")}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
               CREATE TRIGGER vm_audit_append_only BEFORE UPDATE OR DELETE ON ${t("vm_audit")} FOR EACH ROW EXECUTE FUNCTION ${t("vm_audit_append_only")}();`,
              // 2: many programmes per schema, and the indexes. Existing documents move to the default programme.
              `CREATE TABLE ${t("vm_records")} (
                 programme text COLLATE "C" NOT NULL, collection text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
                 version integer NOT NULL, body jsonb NOT NULL, PRIMARY KEY (programme, collection, id));
               INSERT INTO ${t("vm_records")} (programme, collection, id, version, body)
                 SELECT '${DEFAULT_PROGRAMME}', collection, id, version, body FROM ${t("vm_documents")};
               DROP TABLE ${t("vm_documents")};
               CREATE TABLE ${t("vm_index")} (
                 programme text COLLATE "C" NOT NULL, collection text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
                 key text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, PRIMARY KEY (programme, collection, name, key, id));
               CREATE INDEX vm_index_by_record ON ${t("vm_index")} (programme, collection, id);
               ALTER TABLE ${t("vm_audit")} ADD COLUMN programme text NOT NULL DEFAULT '${DEFAULT_PROGRAMME}';
               CREATE INDEX vm_audit_by_programme ON ${t("vm_audit")} (programme, seq);`,
              // 3: the index keys of the moved documents, computed by the core as for every later write.
              // A document the core cannot read back keeps no keys (and stays readable by id, as before).
              async () => {
                const rows = await client.query<{
                  programme: string;
                  collection: string;
                  id: string;
                  body: unknown;
                }>(`SELECT programme, collection, id, body FROM ${t("vm_records")}`);
                const cols: [string[], string[], string[], string[], string[]] = [[], [], [], [], []];
                for (const row of rows.rows) {
                  if (!(collections as readonly string[]).includes(row.collection)) continue;
                  const collection = row.collection as Collection;
                  const doc = decodeDocument(collection, row.body);
                  if (doc.isErr()) continue;
                  for (const e of indexEntries(collection, doc.value)) {
                    cols[0].push(row.programme);
                    cols[1].push(collection);
                    cols[2].push(e.index);
                    cols[3].push(e.key);
                    cols[4].push(row.id);
                  }
                }
                await client.query(
                  `INSERT INTO ${t("vm_index")} (programme, collection, name, key, id)
                   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
                  cols,
                );
              },
              // 4: the intakes' new index (a returning venture's hashed marks), for the intakes stored before.
              async () => {
                const rows = await client.query<{ programme: string; id: string; body: unknown }>(
                  `SELECT programme, id, body FROM ${t("vm_records")} WHERE collection = 'intakes'`,
                );
                const cols: [string[], string[], string[], string[]] = [[], [], [], []];
                for (const row of rows.rows) {
                  const doc = decodeDocument("intakes", row.body);
                  if (doc.isErr()) continue;
                  for (const e of indexEntries("intakes", doc.value)) {
                    cols[0].push(row.programme);
                    cols[1].push(e.index);
                    cols[2].push(e.key);
                    cols[3].push(row.id);
                  }
                }
                await client.query(
                  `INSERT INTO ${t("vm_index")} (programme, collection, name, key, id)
                   SELECT p, 'intakes', n, k, i FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(p, n, k, i)
                   ON CONFLICT DO NOTHING`,
                  cols,
                );
              },
              // 5: rounds and triage decisions keep codes and ids only; the sentences (with names)
              // that releases before 2026-12 stored beside them are dropped, as reading drops them.
              async () => {
                const rows = await client.query<{
                  programme: string;
                  collection: string;
                  id: string;
                  body: unknown;
                }>(
                  `SELECT programme, collection, id, body FROM ${t("vm_records")}
                   WHERE collection IN ('rounds', 'decisions')`,
                );
                for (const row of rows.rows) {
                  const doc = decodeDocument(row.collection as "rounds" | "decisions", row.body);
                  if (doc.isErr()) continue;
                  await client.query(
                    `UPDATE ${t("vm_records")} SET body = $4 WHERE programme = $1 AND collection = $2 AND id = $3`,
                    [row.programme, row.collection, row.id, JSON.stringify(doc.value)],
                  );
                }
              },
            ];
            for (let k = done; k < migrations.length; k++) {
              const step = migrations[k] as string | (() => Promise<void>);
              if (typeof step === "string") await client.query(step);
              else await step();
              await client.query(`INSERT INTO ${t("vm_migrations")} (version) VALUES ($1)`, [k + 1]);
            }
            await client.query("COMMIT");
          } catch (e) {
            await client.query("ROLLBACK").catch(() => undefined);
            throw e;
          } finally {
            client.off("error", onError);
            client.release(broken);
          }
        })(),
        unavailable,
      ),
    close: () => (owned ? ResultAsync.fromPromise(pool.end(), unavailable) : okAsync(undefined)),
  });
}
