/**
 * The demo year is the programme's own tour: it starts from the steady state of a programme that has
 * run for a year (about 30 mentors and 30 running cases) and has every moment a programme manager
 * must handle — each checked here for two seeds, not only the one `npm start` shows.
 */

import { currentTeam } from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { describe, expect, it } from "vitest";
import { runDemoYear } from "../../examples/demo/friesland-year.js";

describe.each([2026, 7])("the demo year with seed %i", (seed) => {
  it("starts from the steady state and has each moment of a programme's year, every one handled", async () => {
    const store = createMemoryStore();
    const year = await runDemoYear(store, { seed });
    if (!year.ok)
      throw new Error(`demo failed at ${year.failure.step}: ${JSON.stringify(year.failure.error)}`);
    const { months, counts } = year.value;
    expect(months).toHaveLength(12);
    // The seed's steady state: about thirty running cases all year, not a ramp from zero.
    for (const m of months) expect(m.cases.active + m.cases.paused).toBeGreaterThanOrEqual(20);
    expect(months[0]?.cases.active).toBeGreaterThanOrEqual(20);
    for (const [event, n] of Object.entries(counts.events)) expect(n, event).toBeGreaterThan(0);
    // No case waits unseen at any month's end.
    for (const m of months) expect(m.cases.waitedPastMeeting.count).toBe(0);

    const cases = (await store.list("cases"))._unsafeUnwrap().map((c) => c.value);
    // The recusal: the mentor left as recused, and the next meeting made the team whole again.
    const recused = cases.find((c) => c.memberships.some((m) => m.departure === "recused"));
    expect(recused).toBeDefined();
    if (recused?.state !== "closed") {
      expect(recused?.needsReplacement).toBe(false);
      expect(currentTeam(recused as NonNullable<typeof recused>)).toHaveLength(3);
    }
    // The gift was recorded and resolved; the mentor is matchable again.
    const trail = (await store.audit())._unsafeUnwrap();
    expect(trail.some((e) => e.action === "recordEthicsViolation")).toBe(true);
    expect(trail.some((e) => e.action === "resolveEthicsHold")).toBe(true);
    const mentors = (await store.list("mentors"))._unsafeUnwrap().map((m) => m.value);
    expect(mentors.filter((m) => m.ethicsHold !== undefined)).toEqual([]);
    // The declines and the manager's answers are in the trail and the reports.
    expect(trail.filter((e) => e.action === "answerProposal" && e.reason?.startsWith("no")).length).toBe(
      counts.events.declines,
    );
    // The returning venture is linked to its earlier case.
    const intakes = (await store.list("intakes"))._unsafeUnwrap().map((i) => i.value);
    expect(intakes.filter((i) => i.previousCaseId !== undefined)).toHaveLength(counts.events.returning);
    await store.close();
  }, 60_000);
});
