import { fc, test } from "@fast-check/vitest";
import {
  closingReasons,
  createReferral,
  evaluateTriage,
  formatMonth,
  friesland,
  hoursChart,
  type IntakeId,
  loadChart,
  type MentoringCase,
  monthlyReport,
  type ProgrammeSnapshot,
  parseMentor,
  type ReferralId,
  renderCaseHoursChart,
  renderChart,
  renderChartTable,
  renderHoursChart,
  renderLoadChart,
  renderReportMarkdown,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { intakeArb } from "../support/arbitraries.js";
import { activeCase, apply, d, session } from "../support/cases.js";
import { intake } from "../support/intakes.js";
import { leaks } from "../support/leaks.js";

const mentors = ["anke", "douwe", "froukje", "ype"].map((id, k) =>
  parseMentor({
    id,
    name: id,
    state: "active",
    expertise: [{ topic: "strategy", level: 3 }],
    sectors: [],
    background: "founder",
    leadQualified: k === 0,
    intakeLead: false,
    capacity: { maxCases: 3, monthlyHours: 6 },
    pauses: [],
    interests: [],
    ethicsStatementSignedOn: k === 3 ? "2025-01-01" : "2026-06-01",
  })._unsafeUnwrap(),
);

function snapshot(): ProgrammeSnapshot {
  const exportIntake = intake({ topics: [{ topic: "export", weight: 3 }] });
  const intakes = [
    { i: intake(), context: { placesLeft: 3, network: { canStaff: true, shortTopics: [] } } },
    { i: exportIntake, context: { placesLeft: 2, network: { canStaff: true, shortTopics: [] } } },
    {
      i: intake({ venture: { stage: "idea" } }),
      context: { placesLeft: 2, network: { canStaff: true, shortTopics: [] } },
    },
  ].map(({ i }, k) => {
    const id = `intake-${k}` as IntakeId;
    const submittedAt = d(`2026-12-0${k + 1}`);
    const decision = evaluateTriage({
      intake: { ...i, id, submittedAt },
      profile: friesland,
      context: { placesLeft: 3, network: { canStaff: true, shortTopics: [] } },
      now: submittedAt,
    });
    return { intakeId: id, submittedAt, decision, intake: { ...i, id } };
  });
  const referral = createReferral({
    id: "ref-1" as ReferralId,
    intake: intakes[1]?.intake as ReturnType<typeof intake>,
    decision: intakes[1]?.decision as never,
    profile: friesland,
    now: d("2026-12-02"),
  })._unsafeUnwrap();
  const fresh = { ...activeCase("case-new", "2026-12-08"), intakeId: "intake-0" as IntakeId };
  const old = activeCase("case-old", "2026-06-01");
  const done = apply(activeCase("case-done", "2026-03-01"), {
    type: "closed",
    on: d("2026-12-15"),
    reason: "questionResolved",
  });
  const cases: MentoringCase[] = [fresh, old, done];
  const sessions = [
    session("case-new", "2026-12-09", 180, ["anke", "douwe"]),
    session("case-old", "2026-09-01", 60),
    session(undefined, "2026-12-10", 45, ["ype"]),
  ];
  return { profile: friesland, mentors, cases, sessions, intakes, referrals: [referral] };
}

describe("monthly report", () => {
  const r = monthlyReport(snapshot(), d("2026-12-31"));

  it("counts mentors, cases, intake outcomes per partner, quota use, hours and sessions", () => {
    expect(r.month).toBe("2026-12");
    expect(r.mentors).toMatchObject({ active: 4, ethicsExpired: 1 });
    expect(r.cases).toMatchObject({ active: 2, new: 1, closed: { questionResolved: 1 } });
    expect(r.intake).toMatchObject({
      requests: 3,
      outcomes: { accept: 1, refer: 1, notReady: 1, oneOff: 0 },
      referralsByPartner: { "oranjewoud-export-academy": 1 },
    });
    expect(r.quota).toEqual({ perMeeting: 3, used: 1 });
    expect(r.hours.caseHoursThisMonth).toBe(3);
    expect(r.hours.oneOffHours).toBe(0.75);
    expect(r.sessions).toEqual({ case: 1, oneOff: 1 });
    expect(r.daysIntakeToTeam).toMatchObject({ count: 1, median: 7 });
    expect(r.hours.perCase.map((h) => h.caseId).sort()).toEqual(["case-new", "case-old"]);
    expect(r.inactivity.map((a) => a.caseId)).toEqual(["case-old"]);
  });

  it("says whether the network can staff next month's quota and which topics are short", () => {
    expect(r.nextMeeting.seatsNeeded).toBe(9);
    expect(r.nextMeeting.canStaffQuota).toBe(false);
    expect(r.nextMeeting.shortTopics).toContain("export");
    expect(r.nextMeeting.shortTopics).not.toContain("strategy");
  });

  it("renders to Markdown in Dutch and to self-contained SVG charts", () => {
    const md = renderReportMarkdown(r, friesland);
    expect(md).toMatch(/^# Entrepreneur Mentoring Service Friesland — maandrapportage december 2026/);
    expect(md).toContain("Is de vraag nog open?");
    expect(md).toContain("vraag beantwoord 1");
    expect(md).toContain("Oranjewoud Export Academy 1");
    // Numbers in the reader's notation: a decimal comma in Dutch, a point in English.
    expect(md).toContain("de norm van 1,5 uur per maand");
    expect(md).not.toMatch(/\d\.\d uur\b/);
    expect(renderReportMarkdown(r, { ...friesland, locale: "en" })).toMatch(/1\.5/);
    for (const svg of [renderHoursChart(r, friesland), renderLoadChart(r, friesland)]) {
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toMatch(/<script|href=|url\(/);
      expect(svg).toContain("<title>");
    }
    expect(renderHoursChart(r, friesland)).toContain("case-new");
  });

  it("draws charts a person reads: names, a legend for every colour, one language, a table of the same numbers", () => {
    const naming = {
      mentor: (id: string) => `Mentor ${id.toUpperCase()}`,
      topic: (id: string) => id,
      case: (id: string) => `Venture of ${id}`,
    };
    for (const locale of ["nl", "en"] as const) {
      const profile = { ...friesland, locale };
      for (const c of [hoursChart(r, profile, naming), loadChart(r, profile, naming)]) {
        const svg = renderChart(c);
        const table = renderChartTable(c);
        // Every colour a bar uses is in the legend, with its words.
        for (const row of c.rows) expect(c.legend.map((e) => e.colour)).toContain(row.colour);
        for (const e of c.legend) expect(svg).toContain(e.label);
        expect(svg).toContain(c.markLabel);
        // Names, not ids; the table has a row per bar.
        expect(svg).not.toMatch(/>case-|>m-/);
        expect(table.match(/<tr><th scope="row">/g)).toHaveLength(c.rows.length);
        // Scales to a phone: no fixed width, text of at least 12 units in a 400-unit-wide drawing.
        expect(svg).toMatch(/^<svg [^>]*width="100%" viewBox="0 0 400 /);
        const names = c.rows.map((x) => x.label);
        for (const text of [svg.replace(/<[^>]+>/g, " "), table.replace(/<[^>]+>/g, " ")])
          expect(leaks(text, locale, [...names, "Venture of", "Mentor"])).toEqual([]);
      }
    }
    expect(hoursChart(r, friesland, naming).rows[0]?.label).toMatch(/^Venture of /);
  });

  it("draws one case's hours per month against the norm, coloured by where each month stands", () => {
    const perCase = r.hours.perCase.find((c) => c.byMonth.length > 0);
    expect(perCase).toBeDefined();
    if (perCase === undefined) return;
    const svg = renderCaseHoursChart(perCase, friesland);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(perCase.caseId);
    // One bar per month, beside the legend's three colour swatches.
    expect(svg.match(/<rect /g)).toHaveLength(perCase.byMonth.length + 3);
    for (const m of perCase.byMonth) expect(svg).toContain(`>${formatMonth("nl", m.month)}<`);
    const over = {
      ...perCase,
      byMonth: [{ month: perCase.byMonth[0]?.month ?? "2026-12", hours: 9 }],
    } as typeof perCase;
    expect(renderCaseHoursChart(over, friesland)).toContain("#c0504d");
  });

  test.prop([
    fc.array(intakeArb(friesland), { maxLength: 12 }),
    fc.array(fc.constantFrom(...closingReasons), { maxLength: 6 }),
  ])("totals agree with the events they came from", (intakes, reasons) => {
    const base = snapshot();
    const asOf = d("2026-12-31");
    const entries = intakes.map((i, k) => {
      const submittedAt = d(`2026-12-${String((k % 27) + 1).padStart(2, "0")}`);
      return {
        intakeId: `p-${k}` as IntakeId,
        submittedAt,
        decision: evaluateTriage({
          intake: i,
          profile: friesland,
          context: { placesLeft: k % 3, network: { canStaff: true, shortTopics: [] } },
          now: submittedAt,
        }),
      };
    });
    const closed = reasons.map((reason, k) =>
      apply(activeCase(`c-${k}`, "2026-05-01"), { type: "closed", on: d("2026-12-20"), reason }),
    );
    const rep = monthlyReport(
      { ...base, intakes: entries, cases: [...base.cases, ...closed], referrals: [] },
      asOf,
    );
    expect(rep.intake.requests).toBe(entries.length);
    expect(Object.values(rep.intake.outcomes).reduce((a, b) => a + b, 0)).toBe(entries.length);
    expect(Object.values(rep.cases.closed).reduce((a, b) => a + b, 0)).toBe(closed.length + 1);
    for (const reason of closingReasons) {
      expect(rep.cases.closed[reason]).toBe(
        reasons.filter((x) => x === reason).length + (reason === "questionResolved" ? 1 : 0),
      );
    }
    expect(rep.hours.status.under + rep.hours.status.on + rep.hours.status.over).toBe(
      rep.hours.perCase.length,
    );
  });
});
