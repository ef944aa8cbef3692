import type { ResultAsync } from "neverthrow";
import type { Session } from "../hours/session.js";
import type { MentoringCase } from "../lifecycle/case.js";
import type { ProposalData } from "../matching/proposal.js";
import type { Pin } from "../matching/round.js";
import type { CaseId, MentorId, VentureId } from "../model/brand.js";
import type { IntakeRequest } from "../model/intake.js";
import type { Mentor } from "../model/mentor.js";
import type { Referral } from "../model/partner.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { TriageDecision } from "../model/triage.js";
import type { IndexedCollection, IndexName } from "./indexes.js";

/** What a store keeps, per collection. */
export interface Documents {
  readonly mentors: Mentor;
  readonly cases: MentoringCase;
  readonly sessions: Session;
  readonly intakes: IntakeRequest;
  readonly decisions: TriageDecision;
  readonly referrals: Referral;
  /** Idempotency records of submitted requests: the key, the payload as submitted, what it created. */
  readonly requests: RequestRecord;
  /** Matching rounds planned, with their proposals (never applied by themselves). */
  readonly rounds: StoredRound;
  /** The programme itself: its profile, kept with its data so every tool opens it the same way. */
  readonly settings: ProgrammeSettings;
  /** Conflicts of interest the programme recorded between a mentor and a venture (beyond the mentor's declarations). */
  readonly conflicts: ConflictRecord;
  /** Mentors' answers to the teams proposed to them (rule 24), one per mentor and case. */
  readonly consents: ConsentRecord;
  /** Reminders the programme owes someone (`queueNotifications`), until sent or no longer due. */
  readonly notifications: NotificationRecord;
}

/** What a reminder is about. */
export const notificationKinds = ["proposalToAnswer", "caseQuiet", "ethicsExpiring"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * A reminder the programme owes someone: a mentor who has a proposal to answer, a case's lead when
 * the case has been quiet past the inactivity period, a mentor whose ethics statement is about to
 * expire. Queued by `queueNotifications`, sent by the host (e-mail, a portal's inbox), then marked
 * with `markNotificationsSent`. Ids and dates only: `describeNotification` gives its words.
 */
export interface NotificationRecord {
  /** Stable for what it is about (`proposalToAnswer/round-2026-11/case-7/mentor-03`): queued once. */
  readonly id: string;
  readonly kind: NotificationKind;
  /** The mentor it is for. */
  readonly to: MentorId;
  readonly caseId?: CaseId;
  readonly roundId?: string;
  /** `caseQuiet`: the last activity; `ethicsExpiring`: the day the statement expires. */
  readonly on?: Date;
  readonly queuedAt: Date;
  readonly sentAt?: Date;
  /** No longer due before it was sent (answered, a session logged, the statement renewed). */
  readonly withdrawnAt?: Date;
}

/**
 * A mentor's answer to the team proposed to them for a case (rule 24): yes or no, when, and — when
 * the programme manager recorded it for them — how the mentor said it. A later answer replaces an
 * earlier one; every answer is in the audit trail. Stored under `consentId(caseId, mentorId)`.
 */
export interface ConsentRecord {
  readonly id: string;
  readonly caseId: CaseId;
  readonly mentorId: MentorId;
  readonly answer: ConsentAnswer;
  readonly on: Date;
  /** The round whose proposal was answered, when there was one. */
  readonly roundId?: string;
  /** Present when the manager recorded the answer on the mentor's behalf: how the mentor gave it. */
  readonly onBehalf?: OnBehalfReason;
}

/** A mentor's answer to a proposal. */
export const consentAnswers = ["yes", "no"] as const;
export type ConsentAnswer = (typeof consentAnswers)[number];

/** How a mentor gave the answer the programme manager records for them. */
export const onBehalfReasons = ["saidAtMeeting", "saidByPhone", "saidInWriting", "other"] as const;
export type OnBehalfReason = (typeof onBehalfReasons)[number];

/** The id a mentor's answer for a case is stored under. */
export const consentId = (caseId: string, mentorId: string): string => `${caseId}/${mentorId}`;

/**
 * A conflict of interest the programme knows of between a mentor and a venture (family, a business
 * tie the mentor did not declare…): planning, confirmation and triage keep the mentor off the
 * venture's team. Stored under `conflictId(mentorId, ventureId)`; ids and a reason code only.
 */
export interface ConflictRecord {
  readonly id: string;
  readonly mentorId: MentorId;
  readonly ventureId: VentureId;
  readonly reason: ConflictReason;
  readonly on: Date;
}

/** Why the programme records a conflict: family or friendship, a business tie, or another reason. */
export const conflictReasons = ["family", "business", "other"] as const;
export type ConflictReason = (typeof conflictReasons)[number];

/** The id a recorded conflict is stored under. */
export const conflictId = (mentorId: string, ventureId: string): string => `${mentorId}/${ventureId}`;

/** The programme a store holds (one document, id `programme`), written by `initProgramme`. */
export interface ProgrammeSettings {
  readonly id: "programme";
  readonly profile: ProgrammeProfile;
  readonly initialisedAt: Date;
}

/** A planned matching round: when it was planned and the engine's proposal. */
export interface StoredRound {
  readonly id: string;
  readonly plannedAt: Date;
  /** The meeting the round is for (absent in rounds stored before 2026-12). */
  readonly meetingOn?: Date;
  /** The proposal as data: explanations and diagnoses are rendered when read, in the reader's language. */
  readonly proposal: ProposalData;
  /** The pins and exclusions the manager planned it with (absent when none, and before 2026-12). */
  readonly pins?: readonly Pin[];
}

/** The first submission under an idempotency key, kept so a retry gets the same answer. */
export interface RequestRecord {
  readonly key: string;
  /** The parsed payload, serialised: a retry must send the same. */
  readonly payload: string;
  readonly intakeId: string;
}

export type Collection = keyof Documents;
/** Every collection a store keeps (checked against `Documents`: a new collection must be listed). */
const collectionSet: { readonly [C in Collection]: true } = {
  mentors: true,
  cases: true,
  sessions: true,
  intakes: true,
  decisions: true,
  referrals: true,
  requests: true,
  rounds: true,
  settings: true,
  conflicts: true,
  consents: true,
  notifications: true,
};
export const collections = Object.keys(collectionSet) as readonly Collection[];

/** A stored document and its version: 1 after the first write, +1 after each. */
export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

/** One line of the append-only audit trail: who, what, when, why — ids only, no personal data. */
export interface AuditEntry {
  readonly at: Date;
  /** An actor id (`pm-paula`, `mentor-07`, `system`), never a name. */
  readonly actor: string;
  /** The use-case, e.g. `confirmTeam`. */
  readonly action: string;
  readonly subject: { readonly collection: Collection; readonly id: string };
  /** A reason code or the manager's recorded reason id; free text with personal data does not belong here. */
  readonly reason?: string;
}

/** A write lost a race: the document changed (or appeared) since it was read. Never a silent overwrite. */
export interface StoreConflict {
  readonly type: "StoreConflict";
  readonly collection: Collection;
  readonly id: string;
  /** The version the writer expected ("new": that the document did not exist yet). */
  readonly expected: number | "new";
  /** The version found, or undefined when the document does not exist. */
  readonly actual: number | undefined;
}

/** The storage backend failed (connection lost, disk full…); the operation changed nothing. */
export interface StoreUnavailable {
  readonly type: "StoreUnavailable";
  readonly cause: string;
}

export type StoreError = StoreConflict | StoreUnavailable;

/** Which page of a collection to read: ordered by id, after a cursor, optionally one index key only. */
export interface PageQuery<C extends Collection> {
  /** At most this many documents (1 to `MAX_PAGE_SIZE`; larger asks get `MAX_PAGE_SIZE`). */
  readonly limit: number;
  /** The previous page's `next`: only documents with a greater id. */
  readonly after?: string;
  /** Only documents whose index `index` holds `key`. */
  readonly where?: { readonly index: IndexName<C>; readonly key: string };
}

/** Which documents `versions` reports: those with these ids, or those an index `find` would give. */
export type VersionQuery<C extends Collection> =
  | { readonly ids: readonly string[] }
  | { readonly index: IndexName<C>; readonly keys: readonly string[] };

/** One page of documents, ordered by id; `next` is the cursor of the following page, absent on the last. */
export interface Page<T> {
  readonly items: readonly Versioned<T>[];
  readonly next?: string;
}

/** Reading. */
export interface StoreReader {
  /**
   * The document with this id. Not found MUST be `undefined` (never `null`, never an error).
   * Dates MUST come back as `Date` objects, and the value MUST equal what was written.
   */
  get<C extends Collection>(
    collection: C,
    id: string,
  ): ResultAsync<Versioned<Documents[C]> | undefined, StoreUnavailable>;
  /** The documents with these ids, ordered by id, each once; ids not stored are left out. One round trip. */
  getMany<C extends Collection>(
    collection: C,
    ids: readonly string[],
  ): ResultAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>;
  /** Every document of a collection, ordered by id. */
  list<C extends Collection>(
    collection: C,
  ): ResultAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>;
  /**
   * The documents whose index `index` holds `key` (or any of several keys), ordered by id, each
   * once. Answered from the index: its cost grows with the answer, not with the collection.
   */
  find<C extends IndexedCollection>(
    collection: C,
    index: IndexName<C>,
    key: string | readonly string[],
  ): ResultAsync<readonly Versioned<Documents[C]>[], StoreUnavailable>;
  /**
   * How many documents hold each key of an index: of the given keys only (absent keys count 0 and
   * are left out), or of every key. A mentor's current cases are `count("cases", "seatedMentor", [id])`.
   */
  count<C extends IndexedCollection>(
    collection: C,
    index: IndexName<C>,
    keys?: readonly string[],
  ): ResultAsync<ReadonlyMap<string, number>, StoreUnavailable>;
  /**
   * The version of each document `list` (no `which`), `getMany` (`{ ids }`) or `find`
   * (`{ index, keys }`) would give, by id — without reading the documents: a cheap check, inside a
   * short write transaction, that nothing read earlier has changed.
   */
  versions<C extends Collection>(
    collection: C,
    which?: VersionQuery<C>,
  ): ResultAsync<ReadonlyMap<string, number>, StoreUnavailable>;
  /** One page of a collection (see `PageQuery`): what a portal's list shows, with a cursor for the next. */
  page<C extends Collection>(
    collection: C,
    query: PageQuery<C>,
  ): ResultAsync<Page<Documents[C]>, StoreUnavailable>;
  /** The audit trail, oldest first. */
  audit(): ResultAsync<readonly AuditEntry[], StoreUnavailable>;
}

/** Reading and writing, inside a transaction. */
export interface StoreWriter extends StoreReader {
  /**
   * Write a document if its version is still `expected` (`"new"`: it MUST NOT exist yet). Returns
   * the new version. A different version MUST give `StoreConflict` and change nothing.
   */
  put<C extends Collection>(
    collection: C,
    id: string,
    value: Documents[C],
    expected: number | "new",
  ): ResultAsync<number, StoreConflict | StoreUnavailable>;
  /** Append to the audit trail. Entries are never changed or removed. */
  appendAudit(entry: AuditEntry): ResultAsync<void, StoreUnavailable>;
}

/**
 * The storage contract every adapter implements in full (memory, SQLite, PostgreSQL). Its
 * semantics, which the published conformance suite checks:
 *
 * - `transaction(work)` MUST be atomic and serializable: concurrent transactions MUST behave as if
 *   run one after another, so a rule checked inside one (a mentor's last free place) holds when
 *   it commits — under N concurrent confirmations for one mentor's last place exactly one
 *   succeeds. If `work` returns an error (or throws), nothing it wrote MUST remain, audit included.
 * - Reads outside a transaction see committed data only.
 * - The store never reads a clock and never makes ids; callers pass both.
 * - A store is opened for one programme (a chapter); it MUST NOT read or write another programme's
 *   documents or audit entries, even when many programmes share one database.
 * - `find`, `count` and `page` MUST agree with the documents as written, inside a transaction too
 *   (its own writes included): the index keys of a document are `indexEntries(collection, value)`.
 */
export interface ProgrammeStore extends StoreReader {
  transaction<T, E>(work: (tx: StoreWriter) => ResultAsync<T, E>): ResultAsync<T, E | StoreUnavailable>;
  close(): ResultAsync<void, StoreUnavailable>;
}
