/**
 * The monthly report over every document of a programme — what `programmeReport` computed before
 * it read through the indexes: the benchmark's baseline, and what the indexed report must equal.
 */
import { type MonthlyReport, monthlyReport, type ProgrammeContext } from "venture-mentoring";

export async function reportOverEverything(ctx: ProgrammeContext, asOf: Date): Promise<MonthlyReport> {
  const all = async <
    C extends "mentors" | "cases" | "sessions" | "intakes" | "decisions" | "referrals" | "consents",
  >(
    c: C,
  ) => (await ctx.store.list(c))._unsafeUnwrap().map((d) => d.value);
  const decisions = new Map((await all("decisions")).map((d) => [d.intakeId as string, d]));
  return monthlyReport(
    {
      profile: ctx.profile,
      mentors: await all("mentors"),
      cases: await all("cases"),
      sessions: await all("sessions"),
      intakes: (await all("intakes")).flatMap((i) => {
        const decision = decisions.get(i.id);
        return decision === undefined ? [] : [{ intakeId: i.id, submittedAt: i.submittedAt, decision }];
      }),
      referrals: await all("referrals"),
      consents: await all("consents"),
      meetings: (await ctx.store.list("rounds"))
        ._unsafeUnwrap()
        .flatMap((r) => (r.value.meetingOn === undefined ? [] : [r.value.meetingOn])),
    },
    asOf,
  );
}
