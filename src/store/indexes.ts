import { errAsync } from "neverthrow";
import { teamStart } from "../hours/budget.js";
import { currentTeam } from "../lifecycle/case.js";
import { monthKey } from "../model/dates.js";
import { ventureKeys } from "../model/venture.js";
import type {
  Collection,
  Documents,
  Page,
  PageQuery,
  StoreReader,
  StoreUnavailable,
  VersionQuery,
} from "./contract.js";

/**
 * The indexes every store keeps: for each collection, named keys computed from a document. A store
 * writes a document's keys in the same transaction as the document (replacing its earlier keys), and
 * answers `find`, `count` and filtered `page` from them alone, so a use-case that seats a mentor reads
 * O(team) documents, not the programme. The keys are ids, states, months and hashes: no personal
 * data in the clear.
 *
 * This table is the one place the indexes are defined; adapters call `indexEntries` and never
 * compute a key themselves.
 */
export const indexes = {
  mentors: {
    /** The mentor's state (`active`, `paused`, `retired`…). */
    state: (m) => [m.state],
  },
  cases: {
    /** Mentors seated on the case while it runs (active or paused): a mentor's current cases. */
    seatedMentor: (c) =>
      c.state === "active" || c.state === "paused" ? currentTeam(c).map((m) => m.mentorId) : [],
    /** The case's state. */
    state: (c) => [c.state],
    /** The intake the case was opened for. */
    intake: (c) => [c.intakeId],
    /** Months something happened to the case: opened, team confirmed, closed. */
    month: (c) => {
      const months = [monthKey(c.openedOn)];
      if (c.memberships.length > 0) months.push(monthKey(teamStart(c)));
      if (c.closed !== undefined) months.push(monthKey(c.closed.on));
      return months;
    },
  },
  sessions: {
    /** The case (none for a one-off conversation). */
    case: (s) => (s.caseId === undefined ? [] : [s.caseId]),
    /** The intake a one-off conversation answers. */
    intake: (s) => (s.intakeId === undefined ? [] : [s.intakeId]),
    /** The month the session took place. */
    month: (s) => [monthKey(s.on)],
  },
  intakes: {
    /** The month the intake was submitted. */
    month: (i) => [monthKey(i.submittedAt)],
    /** Hashed marks of the venture (`ventureKeys`): intakes of one venture share one. */
    venture: (i) => ventureKeys(i.venture, i.mentee.email),
  },
  decisions: {
    /** The outcome (`accept`, `refer`, `oneOff`, `notReady`). */
    outcome: (d) => [d.outcome.kind],
    /** The month of the decision. */
    month: (d) => [monthKey(d.decidedAt)],
  },
  conflicts: {
    /** The venture a recorded conflict is about. */
    venture: (c) => [c.ventureId],
    /** The mentor. */
    mentor: (c) => [c.mentorId],
  },
  consents: {
    /** The case answered for. */
    case: (c) => [c.caseId],
    /** The mentor who answered. */
    mentor: (c) => [c.mentorId],
    /** The month of the answer. */
    month: (c) => [monthKey(c.on)],
  },
  notifications: {
    /** `pending` until sent (`sent`) or no longer due (`withdrawn`). */
    state: (n) => [n.sentAt !== undefined ? "sent" : n.withdrawnAt !== undefined ? "withdrawn" : "pending"],
    /** The mentor it is for. */
    to: (n) => [n.to],
  },
  rounds: {
    /** The month of the meeting the round is for. */
    meeting: (r) => (r.meetingOn === undefined ? [] : [monthKey(r.meetingOn)]),
  },
  referrals: {
    /** The intake that was referred. */
    intake: (r) => [r.intakeId],
    /** The partner programme. */
    partner: (r) => [r.partnerId],
    /** The month of the referral. */
    month: (r) => [monthKey(r.date)],
  },
} as const satisfies {
  readonly [C in Collection]?: Readonly<Record<string, (doc: Documents[C]) => readonly string[]>>;
};

/** The type of `indexes`: every indexed collection and its index names. */
export type Indexes = typeof indexes;
/** The collections with indexes. */
export type IndexedCollection = keyof Indexes & Collection;
/** The names of a collection's indexes (`never` for a collection without). */
export type IndexName<C extends Collection> = C extends IndexedCollection ? keyof Indexes[C] & string : never;

/** One key of a document in one index. */
export interface IndexEntry {
  readonly index: string;
  readonly key: string;
}

/** Every index key of a document, deduplicated, in a stable order. */
export function indexEntries<C extends Collection>(collection: C, doc: Documents[C]): readonly IndexEntry[] {
  const defs = (
    indexes as Partial<Record<Collection, Record<string, (d: Documents[C]) => readonly string[]>>>
  )[collection];
  if (defs === undefined) return [];
  const entries: IndexEntry[] = [];
  for (const [index, keys] of Object.entries(defs)) {
    for (const key of new Set(keys(doc))) entries.push({ index, key });
  }
  return entries;
}

/** Whether a collection has an index of this name (a store refuses a query on any other). */
export function isIndex(collection: Collection, index: string): boolean {
  const defs = (indexes as Partial<Record<Collection, Record<string, unknown>>>)[collection];
  return defs !== undefined && Object.hasOwn(defs, index);
}

/** The largest page a store returns, whatever a caller asks. */
export const MAX_PAGE_SIZE = 500;

/** The size a store uses for a page: `limit` clamped to 1…`MAX_PAGE_SIZE` (a whole number). */
export function pageSize(limit: number): number {
  return Number.isFinite(limit) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit))) : MAX_PAGE_SIZE;
}

/**
 * A programme's id in a store shared by many: lower-case letters, digits, `-` and `_`, 1–64
 * characters, starting with a letter or digit. Stores refuse any other.
 */
export function isProgrammeId(id: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,63}$/.test(id);
}

/** The programme a store opens when none is named (and the one a single-programme store migrated into). */
export const DEFAULT_PROGRAMME = "default";

/** The id a document is stored under: its `id`, a decision's `intakeId`, an idempotency record's `key`. */
export function documentId<C extends Collection>(collection: C, doc: Documents[C]): string {
  if (collection === "requests") return (doc as Documents["requests"]).key;
  if (collection === "decisions") return (doc as Documents["decisions"]).intakeId;
  return (doc as { readonly id: string }).id;
}

/**
 * `getMany`, `find`, `count` and `page` answered by scanning `list` and computing the index keys: correct for
 * any store, fast for none. The memory store uses it; an adapter of your own can start with it and
 * pass the conformance suite before it keeps indexes of its own.
 */
export function scanningQueries(
  list: StoreReader["list"],
): Pick<StoreReader, "getMany" | "find" | "count" | "page" | "versions"> {
  const unknownIndex = (collection: Collection, index: string) =>
    errAsync<never, StoreUnavailable>({
      type: "StoreUnavailable",
      cause: `${collection} has no index '${index}'`,
    });
  const holds = <C extends Collection>(collection: C, doc: Documents[C], index: string, key: string) =>
    indexEntries(collection, doc).some((e) => e.index === index && e.key === key);
  return {
    versions: <C extends Collection>(collection: C, which?: VersionQuery<C>) => {
      if (which !== undefined && "index" in which && !isIndex(collection, which.index))
        return unknownIndex(collection, which.index);
      const keep = (doc: Documents[C]) => {
        if (which === undefined) return true;
        if ("ids" in which) return which.ids.includes(documentId(collection, doc));
        return which.keys.some((k) => holds(collection, doc, which.index, k));
      };
      return list(collection).map(
        (docs): ReadonlyMap<string, number> =>
          new Map(docs.filter((d) => keep(d.value)).map((d) => [documentId(collection, d.value), d.version])),
      );
    },
    getMany: <C extends Collection>(collection: C, ids: readonly string[]) => {
      const wanted = new Set(ids);
      return list(collection).map((docs) => docs.filter((d) => wanted.has(documentId(collection, d.value))));
    },
    find: <C extends IndexedCollection>(
      collection: C,
      index: IndexName<C>,
      key: string | readonly string[],
    ) => {
      if (!isIndex(collection, index)) return unknownIndex(collection, index);
      const keys = typeof key === "string" ? [key] : key;
      return list(collection).map((docs) =>
        docs.filter((d) => keys.some((k) => holds(collection, d.value, index, k))),
      );
    },
    count: <C extends IndexedCollection>(collection: C, index: IndexName<C>, keys?: readonly string[]) => {
      if (!isIndex(collection, index)) return unknownIndex(collection, index);
      const wanted = keys === undefined ? undefined : new Set(keys);
      return list(collection).map((docs): ReadonlyMap<string, number> => {
        const counts = new Map<string, number>();
        for (const d of docs)
          for (const e of indexEntries(collection, d.value))
            if (e.index === index && (wanted === undefined || wanted.has(e.key)))
              counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
        return counts;
      });
    },
    page: <C extends Collection>(collection: C, query: PageQuery<C>) => {
      const where = query.where;
      if (where !== undefined && !isIndex(collection, where.index))
        return unknownIndex(collection, where.index);
      const size = pageSize(query.limit);
      return list(collection).map((docs): Page<Documents[C]> => {
        const found = docs
          .filter((d) => query.after === undefined || documentId(collection, d.value) > query.after)
          .filter((d) => where === undefined || holds(collection, d.value, where.index, where.key))
          .slice(0, size + 1);
        const last = found.length > size ? found[size - 1] : undefined;
        return {
          items: found.slice(0, size),
          ...(last === undefined ? {} : { next: documentId(collection, last.value) }),
        };
      });
    },
  };
}
