import type { ResultAsync } from "neverthrow";
import { errAsync } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import { type MonthlyReport, monthlyReport } from "../reports/monthly-report.js";
import type { StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import type { ProgrammeContext } from "./context.js";

/**
 * The monthly report for the month containing `asOf`, over the stored state (read in one
 * consistent transaction).
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
    tx.list("mentors").andThen((mentors) =>
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
    ),
  );
}
