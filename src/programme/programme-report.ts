import type { ResultAsync } from "neverthrow";
import { errAsync, okAsync } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import { addMonths, monthKey, monthStart } from "../model/dates.js";
import { type MonthlyReport, monthlyReport } from "../reports/monthly-report.js";
import type { StoreUnavailable, StoreWriter } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
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

function reportOf(ctx: ProgrammeContext, tx: StoreWriter, asOf: Date) {
  return tx.list("mentors").andThen((mentors) =>
    tx.list("cases").andThen((cases) =>
      tx.list("sessions").andThen((sessions) =>
        tx.list("intakes").andThen((intakes) =>
          tx.list("decisions").andThen((decisions) =>
            tx.list("referrals").map((referrals) => {
              const decided = new Map(decisions.map((d) => [d.value.intakeId as string, d.value]));
              return monthlyReport(
                {
                  profile: ctx.profile,
                  mentors: mentors.map((m) => m.value),
                  cases: cases.map((c) => c.value),
                  sessions: sessions.map((s) => s.value),
                  intakes: intakes.flatMap((i) => {
                    const decision = decided.get(i.value.id);
                    return decision === undefined
                      ? []
                      : [{ intakeId: i.value.id, submittedAt: i.value.submittedAt, decision }];
                  }),
                  referrals: referrals.map((r) => r.value),
                },
                asOf,
              );
            }),
          ),
        ),
      ),
    ),
  );
}
