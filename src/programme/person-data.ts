import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { NotFound, ValidationFailed } from "../errors.js";
import type { Session } from "../hours/session.js";
import type { MentoringCase } from "../lifecycle/case.js";
import type { IntakeId, MentorId } from "../model/brand.js";
import { addMonths } from "../model/dates.js";
import type { IntakeRequest } from "../model/intake.js";
import type { Mentor } from "../model/mentor.js";
import type { Referral } from "../model/partner.js";
import type { TriageDecision } from "../model/triage.js";
import type { StoreConflict, StoreUnavailable, StoreWriter, Versioned } from "../store/contract.js";
import { reason as triageReason } from "../triage/reasons.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/** Whose data: a mentee, found by the e-mail address they gave at intake, or a mentor by id. */
export type Person =
  | { readonly kind: "mentee"; readonly email: string }
  | { readonly kind: "mentor"; readonly id: MentorId };

/** Everything stored about one person (GDPR access and portability, article 15 and 20). */
export interface PersonExport {
  readonly person: Person;
  readonly mentor?: Mentor;
  readonly intakes: readonly IntakeRequest[];
  readonly decisions: readonly TriageDecision[];
  readonly referrals: readonly Referral[];
  readonly cases: readonly MentoringCase[];
  readonly sessions: readonly Session[];
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A person, or (for retention) a set of intakes whose mentee data is due. */
type Whose = Person | { readonly kind: "intakes"; readonly ids: ReadonlySet<string> };

function collect(tx: StoreWriter, person: Whose) {
  return tx.list("intakes").andThen((intakes) =>
    tx.list("decisions").andThen((decisions) =>
      tx.list("referrals").andThen((referrals) =>
        tx.list("cases").andThen((cases) =>
          tx.list("sessions").andThen((sessions) =>
            tx.list("requests").map((requests) => {
              const mine =
                person.kind === "mentee"
                  ? intakes.filter((i) => sameEmail(i.value.mentee.email, person.email))
                  : person.kind === "intakes"
                    ? intakes.filter((i) => person.ids.has(i.value.id))
                    : [];
              const intakeIds = new Set<string>(mine.map((i) => i.value.id));
              const myCases =
                person.kind === "mentor"
                  ? cases.filter((c) => c.value.memberships.some((m) => m.mentorId === person.id))
                  : cases.filter((c) => intakeIds.has(c.value.intakeId));
              const caseIds = new Set<string>(myCases.map((c) => c.value.id));
              const mySessions = sessions.filter((s) =>
                person.kind === "mentor"
                  ? s.value.mentors.includes(person.id)
                  : (s.value.caseId !== undefined && caseIds.has(s.value.caseId)) ||
                    (s.value.intakeId !== undefined && intakeIds.has(s.value.intakeId)),
              );
              return {
                intakes: mine,
                decisions: decisions.filter((d) => intakeIds.has(d.value.intakeId)),
                referrals: referrals.filter((r) => intakeIds.has(r.value.intakeId)),
                cases: myCases,
                sessions: mySessions,
                requests: requests.filter((r) => intakeIds.has(r.value.intakeId)),
              };
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * Everything stored about one person, for access and portability requests.
 *
 * @example
 * await exportPerson(ctx, { kind: "mentee", email: "sjoukje@example.nl" });
 */
export function exportPerson(
  ctx: ProgrammeContext,
  person: Person,
): ResultAsync<PersonExport, ValidationFailed | NotFound | StoreUnavailable> {
  const invalid = checkArguments("exportPerson", { person: argument.person }, { person });
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    (person.kind === "mentor"
      ? required(tx, "mentors", person.id).map((m): Versioned<Mentor> | undefined => m)
      : okAsync<Versioned<Mentor> | undefined, NotFound>(undefined)
    ).andThen((mentor) =>
      collect(tx, person).map((found) => ({
        person,
        ...(mentor === undefined ? {} : { mentor: mentor.value }),
        intakes: found.intakes.map((x) => x.value),
        decisions: found.decisions.map((x) => x.value),
        referrals: found.referrals.map((x) => x.value),
        cases: found.cases.map((x) => x.value),
        sessions: found.sessions.map((x) => x.value),
      })),
    ),
  );
}

type Found = ReturnType<typeof collect> extends ResultAsync<infer F, unknown> ? F : never;
type Put = (f: () => ResultAsync<unknown, StoreConflict | StoreUnavailable | NotFound>) => void;

/**
 * A mentee's name, address, venture name and question replaced; dates, topics and outcomes kept.
 * The manager's reason for overriding their triage decision is free text about them too.
 */
function anonymiseMentees(tx: StoreWriter, found: Found, put: Put): void {
  for (const d of found.decisions) {
    const override = d.value.override;
    if (override === undefined || override.reason === ERASED) continue;
    const erased: TriageDecision = {
      ...d.value,
      override: { ...override, reason: ERASED },
      reasons: d.value.reasons.map((r) =>
        r.code === "managerOverride" ? triageReason("managerOverride", { reason: ERASED }) : r,
      ),
    };
    put(() => tx.put("decisions", d.value.intakeId, erased, d.version));
  }
  for (const i of found.intakes) {
    const v = i.value;
    const anonymous: IntakeRequest = {
      ...v,
      mentee: { name: ERASED, email: `erased-${v.id}@invalid.example` },
      venture: (({ registrationNumber: _number, ...venture }) => ({
        ...venture,
        name: ERASED,
        competitors: [],
        suppliers: [],
      }))(v.venture),
      question: { ...v.question, summary: ERASED },
    };
    put(() => tx.put("intakes", v.id, anonymous, i.version));
  }
  for (const r of found.requests)
    put(() => tx.put("requests", r.value.key, { ...r.value, payload: ERASED }, r.version));
}

/** Free text about the people involved: session notes, referral notes, exit feedback. */
function anonymiseFreeText(tx: StoreWriter, found: Found, put: Put): void {
  for (const s of found.sessions) {
    if (s.value.note === undefined) continue;
    const { note: _note, ...rest } = s.value;
    put(() => tx.put("sessions", s.value.id, rest, s.version));
  }
  for (const r of found.referrals) {
    if (r.value.followUp.note === undefined) continue;
    const { note: _note, ...followUp } = r.value.followUp;
    put(() => tx.put("referrals", r.value.id, { ...r.value, followUp }, r.version));
  }
  for (const c of found.cases) {
    const feedback = c.value.closed?.feedback;
    if (c.value.closed === undefined || feedback === undefined) continue;
    const { feedback: _f, ...closed } = c.value.closed;
    put(() => tx.put("cases", c.value.id, { ...c.value, closed }, c.version));
  }
}

/**
 * The audit actions of use-cases that erase personal data. A store that keeps earlier copies of
 * rows (a write-ahead log, dead tuples) can watch for them and clean up after the commit.
 */
export const erasureActions: readonly string[] = ["erasePerson", "purgeExpired"];

/** What an erased field reads afterwards. */
export const ERASED = "[erased]";

/**
 * Erase a person (GDPR article 17): their name, e-mail address and free text are replaced, so no
 * value that identifies them stays in any stored document — the request payloads kept for
 * idempotency included — while the facts the statistics need (dates, topics, outcomes, hours,
 * closing reasons) stay, so the monthly report does not change. Audited without personal data.
 *
 * @example
 * await erasePerson(ctx, { kind: "mentee", email: "sjoukje@example.nl" }, { id: "pm-paula" });
 */
export function erasePerson(
  ctx: ProgrammeContext,
  person: Person,
  actor: Actor,
): ResultAsync<
  { readonly documents: number },
  ValidationFailed | NotFound | StoreConflict | StoreUnavailable
> {
  const invalid = checkArguments(
    "erasePerson",
    { person: argument.person, actor: argument.actor },
    { person, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) => {
    const erasedAt = ctx.clock();
    const audit = (id: string) =>
      tx.appendAudit({
        at: erasedAt,
        actor: actor.id,
        action: "erasePerson",
        subject: { collection: person.kind === "mentor" ? "mentors" : "intakes", id },
      });
    const chain: (() => ResultAsync<unknown, StoreConflict | StoreUnavailable | NotFound>)[] = [];
    let count = 0;
    const put = <T>(f: () => ResultAsync<T, StoreConflict | StoreUnavailable | NotFound>) => {
      chain.push(f);
      count++;
    };
    return (
      person.kind === "mentor"
        ? required(tx, "mentors", person.id).map((m): Versioned<Mentor> | undefined => m)
        : okAsync<Versioned<Mentor> | undefined, NotFound>(undefined)
    ).andThen((mentor) =>
      collect(tx, person).andThen((found) => {
        if (mentor !== undefined) {
          const { email: _email, firm: _firm, ...rest } = mentor.value;
          const anonymous: Mentor = {
            ...rest,
            name: ERASED,
            interests: [],
            state: mentor.value.state === "applicant" ? "applicant" : "retired",
          };
          put(() => tx.put("mentors", mentor.value.id, anonymous, mentor.version));
        }
        if (person.kind === "mentee") {
          // The address itself is the only key: not echoed into the error, which may be logged.
          if (found.intakes.length === 0)
            return okAsync<{ documents: number }, NotFound>({ documents: 0 }).andThen(() =>
              errAsync<{ documents: number }, NotFound>({
                type: "NotFound",
                collection: "intakes",
                id: "mentee",
              }),
            );
          anonymiseMentees(tx, found, put);
        }
        anonymiseFreeText(tx, found, put);
        // Stored rounds and decisions hold ids and codes only (names are joined when read), so the
        // mentor's and mentee's documents above are the only places their names live.
        return chain
          .reduce<ResultAsync<unknown, StoreConflict | StoreUnavailable | NotFound>>(
            (acc, step) => acc.andThen(step),
            okAsync(undefined),
          )
          .andThen(() => audit(person.kind === "mentor" ? person.id : (found.intakes[0]?.value.id ?? "none")))
          .map(() => ({ documents: count }));
      }),
    );
  });
}

/** What `purgeExpired` erased, or would erase on a dry run. */
export interface Purge {
  readonly dryRun: boolean;
  /** The intakes whose mentee data was (or would be) erased, oldest first. */
  readonly intakes: readonly IntakeId[];
  readonly documents: number;
}

/**
 * Retention: erase the mentee data the programme no longer needs — intakes whose cases all closed,
 * and intakes decided without a case, more than the profile's `retention.months` ago — as
 * `erasePerson` does (statistics stay). Open cases are never touched. With `dryRun` it reports what
 * it would erase and writes nothing.
 *
 * @example
 * await purgeExpired(ctx, { id: "pm-paula" }, { dryRun: true }); // what would go
 */
export function purgeExpired(
  ctx: ProgrammeContext,
  actor: Actor,
  options: { readonly dryRun: boolean },
): ResultAsync<Purge, ValidationFailed | StoreConflict | StoreUnavailable | NotFound> {
  const invalid = checkArguments(
    "purgeExpired",
    { actor: argument.actor, options: argument.purge },
    { actor, options },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) => {
    const now = ctx.clock();
    const cutoff = addMonths(now, -ctx.profile.retention.months);
    return tx.list("intakes").andThen((intakes) =>
      tx.list("decisions").andThen((decisions) =>
        tx.list("cases").andThen((cases) => {
          const decidedAt = new Map(decisions.map((d) => [d.value.intakeId as string, d.value.decidedAt]));
          const casesOf = new Map<string, MentoringCase[]>();
          for (const c of cases)
            casesOf.set(c.value.intakeId, [...(casesOf.get(c.value.intakeId) ?? []), c.value]);
          const due = intakes
            .map((i) => i.value)
            .filter((i) => {
              if (i.mentee.name === ERASED) return false;
              const mine = casesOf.get(i.id) ?? [];
              if (mine.some((c) => c.closed === undefined)) return false;
              const ended =
                mine.length > 0
                  ? Math.max(...mine.map((c) => c.closed?.on.getTime() ?? Number.POSITIVE_INFINITY))
                  : (decidedAt.get(i.id)?.getTime() ?? Number.POSITIVE_INFINITY);
              return ended <= cutoff.getTime();
            })
            .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
          const ids = new Set<string>(due.map((i) => i.id));
          if (ids.size === 0)
            return okAsync<Purge, never>({ dryRun: options.dryRun, intakes: [], documents: 0 });
          return collect(tx, { kind: "intakes", ids }).andThen((found) => {
            const chain: (() => ResultAsync<unknown, StoreConflict | StoreUnavailable | NotFound>)[] = [];
            const put: Put = (f) => chain.push(f);
            anonymiseMentees(tx, found, put);
            anonymiseFreeText(tx, found, put);
            const report: Purge = {
              dryRun: options.dryRun,
              intakes: due.map((i) => i.id),
              documents: chain.length,
            };
            if (options.dryRun) return okAsync<Purge, never>(report);
            return chain
              .reduce<ResultAsync<unknown, StoreConflict | StoreUnavailable | NotFound>>(
                (acc, step) => acc.andThen(step),
                okAsync(undefined),
              )
              .andThen(() =>
                due.reduce<ResultAsync<void, StoreUnavailable>>(
                  (acc, i) =>
                    acc.andThen(() =>
                      tx.appendAudit({
                        at: now,
                        actor: actor.id,
                        action: "purgeExpired",
                        subject: { collection: "intakes", id: i.id },
                      }),
                    ),
                  okAsync(undefined),
                ),
              )
              .map(() => report);
          });
        }),
      ),
    );
  });
}
