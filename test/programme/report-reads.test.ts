/**
 * The monthly report reads what the month needs from the indexes — and says exactly what the
 * report over the whole programme says, for every month of a demo year, on every store.
 */
import { type ProgrammeStore, programmeReport } from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { reportOverEverything } from "../../bench/full-report.js";
import { runDemoYear } from "../../examples/demo/friesland-year.js";
import { threeStores } from "../support/store.js";

/** The store, with every `list` call recorded. */
function listsRecorded(inner: ProgrammeStore) {
  const listed: string[] = [];
  const spy = (reader: Pick<ProgrammeStore, "list">) => ({
    list: ((c) => {
      listed.push(c);
      return reader.list(c);
    }) as ProgrammeStore["list"],
  });
  const store: ProgrammeStore = {
    ...inner,
    ...spy(inner),
    transaction: (work) => inner.transaction((tx) => work({ ...tx, ...spy(tx) })),
  };
  return { store, listed };
}

describe.each(threeStores("vm_report_reads"))("the monthly report on the %s store", (_name, make) => {
  it("equals the report over the whole programme for every month of a year, mid-month too, and lists mentors only", async () => {
    const inner = await make();
    // A short run-in: this test is about reads agreeing, month by month, not about the steady state.
    const year = await runDemoYear(inner, { start: "2026-01", months: 12, seed: 7, warmUp: 2 });
    if (!year.ok) throw new Error(`demo failed at ${year.failure.step}`);
    const { store, listed } = listsRecorded(inner);
    const ctx = { ...year.value.context, store };
    for (let month = 0; month < 12; month++) {
      for (const asOf of [
        new Date(Date.UTC(2026, month, 14, 12)),
        new Date(Date.UTC(2026, month + 1, 1) - 1),
      ]) {
        const bounded = (await programmeReport(ctx, asOf))._unsafeUnwrap();
        expect(bounded, asOf.toISOString()).toEqual(await reportOverEverything(year.value.context, asOf));
      }
    }
    expect(new Set(listed)).toEqual(new Set(["mentors"]));
    await inner.close();
  }, 120_000);
});
