import type { ResultAsync } from "neverthrow";
import { errAsync, okAsync } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import { addMonths, monthKey, monthStart } from "../model/dates.js";
import { type MonthlyReport, monthlyReport } from "../reports/monthly-report.js";
import type { StoreUnavailable, StoreWriter, Versioned } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { meetingDates, roundsBetween } from "./cases-due.js";
import type { ProgrammeContext } from "./context.js";

/**
 * The monthly report for the month containing `asOf`, over the stored state (read in one
 * consistent transaction). `asOf` lies between the start of the programme's first month and the
 * end of next month (by the context's clock); another month is a `ValidationFailed` naming the
 * months that are allowed, so a request for the year 9999 costs nothing.
 *
 * @example
 * const report = await programmeReport(ctx, new Date("2026-12-31T23:59:59Z"));
 */
export function programmeReport(
  ctx: ProgrammeContext,
  asOf: Date,
): ResultAsync<MonthlyReport, ValidationFailed | StoreUnavailable> {
  const invalid = checkArguments("programmeReport", { asOf: argument.date }, { asOf });
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    tx
      .get("settings", "programme")
      .andThen((settings) => {
        // A store opened without `initProgramme` (a host building its context by hand) has no start.
        const first = settings === undefined ? undefined : monthStart(settings.value.initialisedAt);
        const last = monthStart(addMonths(monthStart(ctx.clock()), 1));
        if ((first === undefined || asOf >= first) && asOf < addMonths(last, 1)) return okAsync(undefined);
        const allowed =
          first === undefined ? `up to ${monthKey(last)}` : `from ${monthKey(first)} to ${monthKey(last)}`;
        return errAsync<undefined, ValidationFailed>({
          type: "ValidationFailed",
          subject: "programmeReport",
          issues: [{ path: "asOf", code: "custom", message: `a report is for a month ${allowed}` }],
        });
      })
      .andThen(() => reportOf(ctx, tx, asOf)),
  );
}

/** Documents once each, ordered by id (as `list` gives them). */
function byId<T extends { readonly id: string }>(docs: readonly Versioned<T>[]): T[] {
  return [...new Map(docs.map((d) => [d.value.id, d.value])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v);
}

/**
 * The report's snapshot, read from the indexes: every mentor, the cases open now or touched in the
 * month (opened, staffed, closed), the sessions of the running cases and of the month, the month's
 * intakes with their decisions, and the month's referrals. Its cost grows with the programme's
 * present and the month, not with its history.
 */
function reportOf(ctx: ProgrammeContext, tx: StoreWriter, asOf: Date) {
  const month = monthKey(asOf);
  return tx.list("mentors").andThen((mentors) =>
    tx.find("cases", "state", ["awaitingMeeting", "active", "paused"]).andThen((open) =>
      tx.find("cases", "month", month).andThen((touched) => {
        const cases = byId([...open, ...touched]);
        const running = cases.filter((c) => c.state === "active" || c.state === "paused").map((c) => c.id);
        return tx.find("sessions", "case", running).andThen((caseSessions) =>
          tx.find("sessions", "month", month).andThen((monthSessions) =>
            tx.find("intakes", "month", month).andThen((monthIntakes) => {
              const known = new Set(monthIntakes.map((i) => i.value.id as string));
              const others = [...new Set(touched.map((c) => c.value.intakeId as string))].filter(
                (id) => !known.has(id),
              );
              return tx.getMany("intakes", others).andThen((caseIntakes) => {
                const intakes = byId([...monthIntakes, ...caseIntakes]);
                return tx
                  .getMany(
                    "decisions",
                    intakes.map((i) => i.id),
                  )
                  .andThen((decisions) =>
                    tx.find("referrals", "month", month).andThen((referrals) => {
                      const awaiting = cases.filter((c) => c.state === "awaitingMeeting");
                      const oldest = new Date(
                        Math.min(asOf.getTime(), ...awaiting.map((c) => c.openedOn.getTime())),
                      );
                      return roundsBetween(tx, oldest, asOf).andThen((rounds) =>
                        tx.find("consents", "month", month).map((consents) => {
                          const decided = new Map(
                            decisions.map((d) => [d.value.intakeId as string, d.value]),
                          );
                          const sessions = byId([...caseSessions, ...monthSessions]);
                          return monthlyReport(
                            {
                              profile: ctx.profile,
                              mentors: mentors.map((m) => m.value),
                              cases,
                              sessions,
                              intakes: intakes.flatMap((i) => {
                                const decision = decided.get(i.id);
                                return decision === undefined
                                  ? []
                                  : [{ intakeId: i.id, submittedAt: i.submittedAt, decision }];
                              }),
                              referrals: referrals.map((r) => r.value),
                              meetings: meetingDates(rounds),
                              consents: consents.map((c) => c.value),
                            },
                            asOf,
                          );
                        }),
                      );
                    }),
                  );
              });
            }),
          ),
        );
      }),
    ),
  );
}
