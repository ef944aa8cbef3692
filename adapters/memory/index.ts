/**
 * The in-memory store: the default for tests and embedding. Same semantics as the SQL adapters —
 * serializable transactions (one at a time, queued), optimistic versions, nothing kept from a
 * failed transaction, values copied in and out so a caller cannot change stored state by
 * mutating an object. Nothing survives the process.
 *
 * @packageDocumentation
 */
import { err, errAsync, okAsync, ResultAsync } from "neverthrow";
import {
  type AuditEntry,
  type Collection,
  DEFAULT_PROGRAMME,
  type Documents,
  isProgrammeId,
  type ProgrammeStore,
  type StoreConflict,
  type StoreUnavailable,
  type StoreWriter,
  scanningQueries,
  type Versioned,
} from "venture-mentoring";

interface State {
  readonly docs: Map<Collection, Map<string, Versioned<unknown>>>;
  readonly audit: AuditEntry[];
}

const copy = <T>(x: T): T => structuredClone(x);
/**
 * Reads over a view of the documents (the committed state, or a transaction's writes over it). The
 * indexes are computed from the documents on each query: memory is the baseline, not the fast path.
 */
const byId = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

function reader(
  view: (collection: Collection) => ReadonlyMap<string, Versioned<unknown>>,
  audit: () => readonly AuditEntry[],
) {
  const list = <C extends Collection>(collection: C) =>
    okAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>(
      ([...view(collection).entries()].sort(byId) as [string, Versioned<Documents[C]>][]).map(([, v]) =>
        copy(v),
      ),
    );
  return {
    get<C extends Collection>(collection: C, id: string) {
      const found = view(collection).get(id) as Versioned<Documents[C]> | undefined;
      return okAsync<Versioned<Documents[C]> | undefined, StoreUnavailable>(
        found === undefined ? undefined : copy(found),
      );
    },
    list,
    ...scanningQueries(list),
    audit() {
      return okAsync<readonly AuditEntry[], StoreUnavailable>(copy(audit()));
    },
  };
}

/**
 * Memory that several programmes share, as one database serves many chapters: open each programme
 * with `createMemoryStore({ database, programme })`. Transactions of all its programmes run one at a time.
 */
export interface MemoryDatabase {
  readonly kind: "memoryDatabase";
}

interface Shared {
  readonly programmes: Map<string, State>;
  queue: Promise<unknown>;
}
const shared = new WeakMap<MemoryDatabase, Shared>();

/** An empty database for `createMemoryStore({ database })`. */
export function createMemoryDatabase(): MemoryDatabase {
  const database: MemoryDatabase = Object.freeze({ kind: "memoryDatabase" as const });
  shared.set(database, { programmes: new Map(), queue: Promise.resolve() });
  return database;
}

export interface MemoryStoreOptions {
  /** The database to open the programme in; default a fresh one of its own. */
  readonly database?: MemoryDatabase;
  /** The programme's id (see `isProgrammeId`); default `DEFAULT_PROGRAMME`. */
  readonly programme?: string;
}

/**
 * An in-memory store for one programme: by default a fresh, empty database of its own. An
 * invalid programme id gives a store whose every operation answers `StoreUnavailable`.
 *
 * @example
 * const store = createMemoryStore();
 * await store.transaction((tx) => tx.put("mentors", mentor.id, mentor, "new"));
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProgrammeStore {
  const database = shared.get(options.database ?? createMemoryDatabase()) as Shared;
  const programme = options.programme ?? DEFAULT_PROGRAMME;
  const invalid: StoreUnavailable | undefined = isProgrammeId(programme)
    ? undefined
    : { type: "StoreUnavailable", cause: `invalid programme id '${programme}'` };
  const committed: State = database.programmes.get(programme) ?? { docs: new Map(), audit: [] };
  if (invalid === undefined) database.programmes.set(programme, committed);
  let closed = false;
  const empty: ReadonlyMap<string, Versioned<unknown>> = new Map();
  const outside = reader(
    (c) => committed.docs.get(c) ?? empty,
    () => committed.audit,
  );
  const refuse = <T>(): ResultAsync<T, StoreUnavailable> | undefined =>
    invalid !== undefined
      ? errAsync(invalid)
      : closed
        ? errAsync({ type: "StoreUnavailable", cause: "the store is closed" })
        : undefined;

  return {
    get: (collection, id) => refuse() ?? outside.get(collection, id),
    list: (collection) => refuse() ?? outside.list(collection),
    getMany: (collection, ids) => refuse() ?? outside.getMany(collection, ids),
    versions: (collection, which) => refuse() ?? outside.versions(collection, which),
    find: (collection, index, key) => refuse() ?? outside.find(collection, index, key),
    count: (collection, index, keys) => refuse() ?? outside.count(collection, index, keys),
    page: (collection, query) => refuse() ?? outside.page(collection, query),
    audit: () => refuse() ?? outside.audit(),
    transaction<T, E>(work: (tx: StoreWriter) => ResultAsync<T, E>): ResultAsync<T, E | StoreUnavailable> {
      const run = async () => {
        if (invalid !== undefined) return err<T, E | StoreUnavailable>(invalid);
        if (closed)
          return err<T, E | StoreUnavailable>({ type: "StoreUnavailable", cause: "the store is closed" });
        // Copy on write: the transaction's writes sit in an overlay that is applied on success only.
        const overlay = new Map<Collection, Map<string, Versioned<unknown>>>();
        const appended: AuditEntry[] = [];
        const base = committed;
        const view = (c: Collection): ReadonlyMap<string, Versioned<unknown>> => {
          const mine = overlay.get(c);
          const theirs = base.docs.get(c) ?? empty;
          return mine === undefined ? theirs : new Map([...theirs, ...mine]);
        };
        const tx: StoreWriter = {
          ...reader(view, () => [...base.audit, ...appended]),
          put<C extends Collection>(
            collection: C,
            id: string,
            value: Documents[C],
            expected: number | "new",
          ) {
            const actual = (overlay.get(collection)?.get(id) ?? base.docs.get(collection)?.get(id))?.version;
            const matches = expected === "new" ? actual === undefined : actual === expected;
            if (!matches) {
              const conflict: StoreConflict = { type: "StoreConflict", collection, id, expected, actual };
              return errAsync<number, StoreConflict | StoreUnavailable>(conflict);
            }
            const version = (actual ?? 0) + 1;
            const mine = overlay.get(collection) ?? new Map<string, Versioned<unknown>>();
            mine.set(id, { value: copy(value), version });
            overlay.set(collection, mine);
            return okAsync<number, StoreConflict | StoreUnavailable>(version);
          },
          appendAudit(entry: AuditEntry) {
            appended.push(copy(entry));
            return okAsync<void, StoreUnavailable>(undefined);
          },
        };
        try {
          const result = await work(tx);
          if (result.isOk()) {
            // Transactions run one at a time, so `committed` is still `base`: apply the overlay to it.
            for (const [c, docs] of overlay) {
              const target = base.docs.get(c) ?? new Map<string, Versioned<unknown>>();
              for (const [id, doc] of docs) target.set(id, doc);
              base.docs.set(c, target);
            }
            for (const entry of appended) base.audit.push(entry);
          }
          return result;
        } catch (e) {
          return err<T, E | StoreUnavailable>({
            type: "StoreUnavailable",
            cause: `the transaction threw: ${String(e)}`,
          });
        }
      };
      const next = database.queue.then(run, run);
      database.queue = next.catch(() => undefined);
      return new ResultAsync(next);
    },
    close() {
      closed = true;
      return ResultAsync.fromSafePromise(database.queue.then(() => undefined));
    },
  };
}
