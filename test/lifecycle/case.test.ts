import { fc, test } from "@fast-check/vitest";
import {
  belowMinimum,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  caseEventTypes,
  caseStates,
  closingReasons,
  currentTeam,
  describeError,
  type MentoringCase,
  message,
  transition,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { activeCase, apply, d, m, newCase, team } from "../support/cases.js";

const fixtures: Record<CaseState, MentoringCase> = {
  awaitingMeeting: newCase(),
  active: activeCase(),
  paused: apply(activeCase(), { type: "paused", on: d("2026-03-01") }),
  closed: apply(activeCase(), { type: "closed", on: d("2026-06-01"), reason: "questionResolved" }),
};

const sample: Record<CaseEventType, CaseEvent> = {
  teamConfirmed: { type: "teamConfirmed", on: d("2026-07-01"), team },
  paused: { type: "paused", on: d("2026-07-01") },
  resumed: { type: "resumed", on: d("2026-07-01") },
  mentorLeft: { type: "mentorLeft", on: d("2026-07-01"), mentorId: m("douwe"), reason: "steppedOff" },
  mentorJoined: { type: "mentorJoined", on: d("2026-07-01"), mentorId: m("ype"), role: "member" },
  leadHandedOver: { type: "leadHandedOver", on: d("2026-07-01"), mentorId: m("douwe") },
  heldOver: { type: "heldOver", on: d("2026-07-01"), reason: "menteeAgreed" },
  closed: { type: "closed", on: d("2026-07-01"), reason: "withdrew" },
};

/** The whole table: what each state answers to each event. */
const expected: Record<CaseState, Record<CaseEventType, "ok" | "IllegalTransition" | "TeamChangeRefused">> = {
  awaitingMeeting: {
    teamConfirmed: "ok",
    paused: "IllegalTransition",
    resumed: "IllegalTransition",
    mentorLeft: "IllegalTransition",
    mentorJoined: "IllegalTransition",
    leadHandedOver: "IllegalTransition",
    heldOver: "ok",
    closed: "ok",
  },
  active: {
    teamConfirmed: "IllegalTransition",
    paused: "ok",
    resumed: "IllegalTransition",
    mentorLeft: "ok",
    mentorJoined: "TeamChangeRefused",
    leadHandedOver: "TeamChangeRefused",
    heldOver: "IllegalTransition",
    closed: "ok",
  },
  paused: {
    teamConfirmed: "IllegalTransition",
    paused: "IllegalTransition",
    resumed: "ok",
    mentorLeft: "ok",
    mentorJoined: "TeamChangeRefused",
    leadHandedOver: "TeamChangeRefused",
    heldOver: "IllegalTransition",
    closed: "ok",
  },
  closed: {
    teamConfirmed: "IllegalTransition",
    paused: "IllegalTransition",
    resumed: "IllegalTransition",
    mentorLeft: "IllegalTransition",
    mentorJoined: "IllegalTransition",
    leadHandedOver: "IllegalTransition",
    heldOver: "IllegalTransition",
    closed: "IllegalTransition",
  },
};

describe("case lifecycle", () => {
  const table = caseStates.flatMap((s) => caseEventTypes.map((e) => [s, e] as const));
  it.each(table)("%s × %s has a defined answer", (state, event) => {
    const r = transition(fixtures[state], sample[event]);
    const got = r.isOk() ? "ok" : r.error.type;
    expect(got).toBe(expected[state][event]);
    if (r.isErr() && r.error.type === "IllegalTransition") {
      expect(r.error).toEqual({ type: "IllegalTransition", caseId: "case-1", state, event });
      // The message names the step in words, never as its code.
      expect(describeError(r.error, "en")).toContain(message("en", `event.${event}`, {}));
      expect(describeError(r.error, "en")).not.toContain(
        event === "paused" || event === "resumed" || event === "closed" ? "\u0000" : event,
      );
    }
  });

  const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc.constant(sample.teamConfirmed),
    fc.constant(sample.paused),
    fc.constant(sample.resumed),
    fc
      .constantFrom("anke", "douwe", "froukje", "ype")
      .map(
        (id): CaseEvent => ({ type: "mentorLeft", on: d("2026-07-02"), mentorId: m(id), reason: "recused" }),
      ),
    fc
      .tuple(fc.constantFrom("anke", "ype", "wytske"), fc.constantFrom("lead" as const, "member" as const))
      .map(([id, role]): CaseEvent => ({ type: "mentorJoined", on: d("2026-07-03"), mentorId: m(id), role })),
    fc
      .constantFrom(...closingReasons)
      .map((reason): CaseEvent => ({ type: "closed", on: d("2026-07-04"), reason })),
  );

  test.prop([fc.array(eventArb, { maxLength: 25 })])(
    "no sequence of events closes a case without an explicit close",
    (events) => {
      let c = newCase();
      let closedByEvent = false;
      for (const e of events) {
        const r = transition(c, e);
        if (r.isOk()) {
          if (e.type === "closed") closedByEvent = true;
          c = r.value;
        }
        expect(c.state === "closed").toBe(closedByEvent);
        // The membership history only grows; nobody's past is rewritten.
        const lead = currentTeam(c).filter((x) => x.role === "lead");
        expect(lead.length).toBeLessThanOrEqual(1);
      }
    },
  );

  it("a mentor recused mid-case: history kept with dates, flagged for replacement, visible below minimum", () => {
    let c = activeCase();
    c = apply(c, { type: "mentorLeft", on: d("2026-04-10"), mentorId: m("douwe"), reason: "recused" });
    expect(c.needsReplacement).toBe(true);
    expect(belowMinimum(c)).toBe(true);
    expect(c.memberships.find((x) => x.mentorId === "douwe")).toMatchObject({
      from: d("2026-01-12"),
      until: d("2026-04-10"),
      departure: "recused",
    });
    c = apply(c, { type: "mentorJoined", on: d("2026-05-06"), mentorId: m("ype"), role: "member" });
    expect(c.needsReplacement).toBe(false);
    expect(belowMinimum(c)).toBe(false);
    expect(c.memberships).toHaveLength(4);
    expect(currentTeam(c).map((x) => x.mentorId)).toEqual(["anke", "froukje", "ype"]);
  });

  it("refuses a second lead, a stranger leaving, and a duplicate or wrong-size team", () => {
    const c = apply(activeCase(), {
      type: "mentorLeft",
      on: d("2026-04-10"),
      mentorId: m("douwe"),
      reason: "steppedOff",
    });
    expect(
      transition(c, {
        type: "mentorJoined",
        on: d("2026-05-01"),
        mentorId: m("ype"),
        role: "lead",
      })._unsafeUnwrapErr(),
    ).toMatchObject({ reason: "leadTaken" });
    expect(
      transition(c, {
        type: "mentorLeft",
        on: d("2026-05-01"),
        mentorId: m("ype"),
        reason: "steppedOff",
      })._unsafeUnwrapErr(),
    ).toMatchObject({ reason: "notOnTeam" });
    expect(
      transition(newCase(), {
        type: "teamConfirmed",
        on: d("2026-02-01"),
        team: [team[0], team[0], team[1]] as typeof team,
      })._unsafeUnwrapErr(),
    ).toMatchObject({ reason: "alreadyOnTeam" });
    expect(
      transition(newCase(), {
        type: "teamConfirmed",
        on: d("2026-02-01"),
        team: team.slice(0, 2),
      })._unsafeUnwrapErr(),
    ).toMatchObject({ reason: "teamSize" });
  });

  it("closes for a reason with exit feedback from both sides, ending every membership", () => {
    const c = apply(activeCase(), {
      type: "closed",
      on: d("2026-11-20"),
      reason: "questionResolved",
      feedback: { mentee: "Het managementteam staat.", team: "Goed opgepakt." },
    });
    expect(c.closed).toEqual({
      on: d("2026-11-20"),
      reason: "questionResolved",
      feedback: { mentee: "Het managementteam staat.", team: "Goed opgepakt." },
    });
    expect(currentTeam(c)).toEqual([]);
  });
});

describe("teams kept whole", () => {
  it("when the lead leaves, a member takes over as lead; the history says who led when", () => {
    const lead = currentTeam(activeCase()).find((x) => x.role === "lead")?.mentorId as string;
    const member = currentTeam(activeCase()).find((x) => x.role === "member")?.mentorId as string;
    let c = apply(activeCase(), {
      type: "mentorLeft",
      on: d("2026-05-01"),
      mentorId: m(lead),
      reason: "steppedOff",
    });
    expect(c.needsReplacement).toBe(true);
    c = apply(c, { type: "leadHandedOver", on: d("2026-05-02"), mentorId: m(member) });
    expect(currentTeam(c).find((x) => x.role === "lead")?.mentorId).toBe(member);
    expect(currentTeam(c)).toHaveLength(2);
    expect(c.needsReplacement).toBe(true); // still a seat short
    expect(c.memberships.filter((x) => x.mentorId === member).map((x) => [x.role, x.until])).toEqual([
      ["member", d("2026-05-02")],
      ["lead", undefined],
    ]);
    // Only one lead: a second hand-over is refused.
    const other = currentTeam(c).find((x) => x.role === "member")?.mentorId as string;
    expect(
      transition(c, { type: "leadHandedOver", on: d("2026-05-03"), mentorId: m(other) })._unsafeUnwrapErr(),
    ).toMatchObject({ type: "TeamChangeRefused", reason: "leadTaken" });
  });

  it("a mentor who recused from a case never joins it again; one who stepped off may", () => {
    const [first, second] = currentTeam(activeCase()).filter((x) => x.role === "member");
    let c = apply(activeCase(), {
      type: "mentorLeft",
      on: d("2026-05-01"),
      mentorId: m(first?.mentorId as string),
      reason: "recused",
    });
    c = apply(c, {
      type: "mentorLeft",
      on: d("2026-05-01"),
      mentorId: m(second?.mentorId as string),
      reason: "steppedOff",
    });
    expect(
      transition(c, {
        type: "mentorJoined",
        on: d("2026-05-02"),
        mentorId: m(first?.mentorId as string),
        role: "member",
      })._unsafeUnwrapErr(),
    ).toMatchObject({ type: "TeamChangeRefused", reason: "recused" });
    expect(
      transition(c, {
        type: "mentorJoined",
        on: d("2026-05-02"),
        mentorId: m(second?.mentorId as string),
        role: "member",
      }).isOk(),
    ).toBe(true);
  });
});
