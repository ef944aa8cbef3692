/**
 * The in-memory store: the default for tests and embedding. Same semantics as the SQL adapters —
 * serializable transactions (one at a time, queued), optimistic versions, nothing kept from a
 * failed transaction, values copied in and out so a caller cannot change stored state by
 * mutating an object. Nothing survives the process.
 *
 * @packageDocumentation
 */
import { err, errAsync, okAsync, ResultAsync } from "neverthrow";
import type {
  AuditEntry,
  Collection,
  Documents,
  ProgrammeStore,
  StoreConflict,
  StoreUnavailable,
  StoreWriter,
  Versioned,
} from "venture-mentoring";

interface State {
  readonly docs: Map<Collection, Map<string, Versioned<unknown>>>;
  readonly audit: AuditEntry[];
}

const copy = <T>(x: T): T => structuredClone(x);

function reader(state: () => State) {
  return {
    get<C extends Collection>(collection: C, id: string) {
      const found = state().docs.get(collection)?.get(id) as Versioned<Documents[C]> | undefined;
      return okAsync<Versioned<Documents[C]> | undefined, StoreUnavailable>(
        found === undefined ? undefined : copy(found),
      );
    },
    list<C extends Collection>(collection: C) {
      const all = [...(state().docs.get(collection) ?? new Map()).entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, v]) => copy(v) as Versioned<Documents[C]>);
      return okAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>(all);
    },
    audit() {
      return okAsync<readonly AuditEntry[], StoreUnavailable>(copy(state().audit));
    },
  };
}

/** Reads inside a transaction: its own writes first, then the committed state. */
function overlayReader(
  base: State,
  overlay: Map<Collection, Map<string, Versioned<unknown>>>,
  appended: AuditEntry[],
) {
  return {
    get<C extends Collection>(collection: C, id: string) {
      const found = (overlay.get(collection)?.get(id) ?? base.docs.get(collection)?.get(id)) as
        | Versioned<Documents[C]>
        | undefined;
      return okAsync<Versioned<Documents[C]> | undefined, StoreUnavailable>(
        found === undefined ? undefined : copy(found),
      );
    },
    list<C extends Collection>(collection: C) {
      const merged = new Map([
        ...(base.docs.get(collection) ?? new Map()),
        ...(overlay.get(collection) ?? new Map()),
      ]);
      const all = [...merged.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, v]) => copy(v) as Versioned<Documents[C]>);
      return okAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>(all);
    },
    audit() {
      return okAsync<readonly AuditEntry[], StoreUnavailable>(copy([...base.audit, ...appended]));
    },
  };
}

/**
 * A fresh, empty in-memory store.
 *
 * @example
 * const store = createMemoryStore();
 * await store.transaction((tx) => tx.put("mentors", mentor.id, mentor, "new"));
 */
export function createMemoryStore(): ProgrammeStore {
  const committed: State = { docs: new Map(), audit: [] };
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  return {
    ...reader(() => committed),
    transaction<T, E>(work: (tx: StoreWriter) => ResultAsync<T, E>): ResultAsync<T, E | StoreUnavailable> {
      const run = async () => {
        if (closed)
          return err<T, E | StoreUnavailable>({ type: "StoreUnavailable", cause: "the store is closed" });
        // Copy on write: the transaction's writes sit in an overlay that is applied on success only.
        const overlay = new Map<Collection, Map<string, Versioned<unknown>>>();
        const appended: AuditEntry[] = [];
        const base = committed;
        const tx: StoreWriter = {
          ...overlayReader(base, overlay, appended),
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
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return new ResultAsync(next);
    },
    close() {
      closed = true;
      return ResultAsync.fromSafePromise(queue.then(() => undefined));
    },
  };
}
