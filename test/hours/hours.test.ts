import { fc, test } from "@fast-check/vitest";
import {
  caseHours,
  checkSession,
  friesland,
  inactivityAlerts,
  type Mentor,
  mentorHours,
  parseMentor,
  parseSession,
  sessionHours,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { activeCase, apply, d, m, session } from "../support/cases.js";

describe("hour budgets (Friesland: 1.5 h a month, rolling over three months)", () => {
  const c = activeCase("case-1", "2026-01-12");
  const frontLoaded = [
    session("case-1", "2026-01-14", 120),
    session("case-1", "2026-01-21", 90),
    session("case-1", "2026-01-28", 60),
  ];

  it("a year of one case: 4.5 h in month one and two quiet months is on norm; a quiet fourth month is under", () => {
    expect(caseHours(c, frontLoaded, friesland, d("2026-01-31"))).toMatchObject({
      average: 1.5,
      status: "on",
      windowHours: 4.5,
    });
    expect(caseHours(c, frontLoaded, friesland, d("2026-03-31"))).toMatchObject({
      average: 1.5,
      status: "on",
    });
    const april = caseHours(c, frontLoaded, friesland, d("2026-04-30"));
    expect(april).toMatchObject({ windowHours: 0, status: "under", totalHours: 4.5, sessions: 3 });
    expect(april.byMonth.map((x) => x.hours)).toEqual([4.5, 0, 0, 0]);
  });

  it("preparation and travel are recorded apart and never counted", () => {
    expect(frontLoaded.every((s) => s.preparationMinutes === 30 && s.travelMinutes === 40)).toBe(true);
    expect(caseHours(c, frontLoaded, friesland, d("2026-01-31")).totalHours).toBe(4.5);
  });

  it("intensive months are over norm, with a forecast of the month", () => {
    const busy = [...frontLoaded, session("case-1", "2026-02-03", 240), session("case-1", "2026-02-10", 240)];
    const feb = caseHours(c, busy, friesland, d("2026-02-14"));
    expect(feb.status).toBe("over");
    expect(feb.thisMonth).toBe(8);
    expect(feb.forecast).toBeGreaterThan(8);
    expect(feb.forecast).toBeLessThan(8 + 1.5);
  });

  it("a session with three mentors counts once for the case and once for each mentor", () => {
    const s = session("case-1", "2026-02-03", 90, ["anke", "douwe", "froukje"]);
    expect(caseHours(c, [s], friesland, d("2026-02-28")).totalHours).toBe(1.5);
    const mentors = ["anke", "douwe", "froukje", "ype"].map((id) => mentorRecord(id));
    const load = mentorHours(mentors, [c], [s], friesland, d("2026-02-28"));
    expect(load.map((l) => l.loggedThisMonth)).toEqual([1.5, 1.5, 1.5, 0]);
    expect(load.map((l) => l.committedHours)).toEqual([1.5, 1.5, 1.5, 0]);
  });

  it("a crisis call is a one-off conversation: one mentor, no team, counted apart from cases", () => {
    const call = session(undefined, "2026-03-16", 45, ["paul"]);
    expect(call.kind).toBe("oneOff");
    expect(caseHours(c, [call], friesland, d("2026-03-31")).totalHours).toBe(0);
    expect(
      parseSession({ ...call, id: "x", mentors: ["paul", "sake"] })
        ._unsafeUnwrapErr()
        .issues.map((i) => i.path),
    ).toContain("mentors");
  });

  it("a quiet period raises the question, never a closure", () => {
    const quiet = [session("case-1", "2026-01-14", 90)];
    expect(inactivityAlerts([c], quiet, friesland, d("2026-03-14"))).toEqual([]);
    const alerts = inactivityAlerts([c], quiet, friesland, d("2026-03-16"));
    expect(alerts).toEqual([{ caseId: "case-1", lastActivity: quiet[0]?.on, days: 61 }]);
    expect(c.state).toBe("active");
    const paused = apply(c, { type: "paused", on: d("2026-02-01") });
    expect(inactivityAlerts([paused], quiet, friesland, d("2026-06-01"))).toEqual([]);
  });

  it("over-commitment is flagged before a round: committed hours above what the mentor offers", () => {
    const cases = ["a", "b", "c", "d", "e"].map((id) => activeCase(`case-${id}`));
    const load = mentorHours([mentorRecord("anke", 3, 6)], cases, [], friesland, d("2026-02-01"));
    expect(load[0]).toMatchObject({
      cases: 5,
      committedHours: 7.5,
      offeredHours: 6,
      overCommitted: true,
      atCapacity: true,
    });
  });

  it("a session must fit its case: team mentors only, the lead or a designated mentor writes the notes", () => {
    expect(
      checkSession(session("case-1", "2026-02-03", 60, ["anke", "ype"]), c)._unsafeUnwrapErr(),
    ).toMatchObject({ reason: "mentorNotOnTeam", mentorId: "ype" });
    expect(checkSession(session("case-1", "2026-02-03", 60, ["douwe"]), c)._unsafeUnwrapErr()).toMatchObject({
      reason: "noteAuthorNotAllowed",
    });
    expect(checkSession(session("case-1", "2026-02-03", 60, ["douwe"]), c, m("douwe")).isOk()).toBe(true);
    expect(checkSession(session("case-1", "2026-01-05", 60, ["anke"]), c)._unsafeUnwrapErr()).toMatchObject({
      reason: "mentorNotOnTeam",
    });
  });
});

function mentorRecord(id: string, maxCases = 4, monthlyHours = 8): Mentor {
  return parseMentor({
    id,
    name: id,
    state: "active",
    expertise: [],
    sectors: [],
    background: "founder",
    leadQualified: true,
    intakeLead: false,
    capacity: { maxCases, monthlyHours },
    pauses: [],
    interests: [],
    ethicsStatementSignedOn: "2026-01-01",
  })._unsafeUnwrap();
}

describe("hours are conserved", () => {
  const ids = ["anke", "douwe", "froukje"];
  const sessionArb = fc.record({
    kase: fc.constantFrom("case-1", "case-2", undefined),
    day: fc.integer({ min: 13, max: 28 }),
    minutes: fc.integer({ min: 5, max: 300 }),
    mentors: fc.subarray(ids, { minLength: 1 }),
  });
  test.prop([fc.array(sessionArb, { maxLength: 30 })])(
    "Σ over cases = Σ over case sessions; Σ over mentors = attended hours",
    (raw) => {
      const cases = [activeCase("case-1"), activeCase("case-2")];
      const sessions = raw.map((r) =>
        session(
          r.kase,
          `2026-01-${String(r.day).padStart(2, "0")}`,
          r.minutes,
          r.kase === undefined ? [r.mentors[0] as string] : r.mentors,
        ),
      );
      const asOf = d("2026-01-31");
      const perCase = cases.reduce((s, c) => s + caseHours(c, sessions, friesland, asOf).totalHours, 0);
      const caseSessions = sessions.filter((s) => s.kind === "case").reduce((s, x) => s + sessionHours(x), 0);
      expect(perCase).toBeCloseTo(caseSessions, 9);
      const perMentor = mentorHours(
        ids.map((id) => mentorRecord(id)),
        cases,
        sessions,
        friesland,
        asOf,
      ).reduce((s, l) => s + l.loggedThisMonth, 0);
      const attended = sessions.reduce((s, x) => s + sessionHours(x) * x.mentors.length, 0);
      expect(perMentor).toBeCloseTo(attended, 9);
    },
  );
});
