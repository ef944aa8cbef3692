import {
  describeReason,
  evaluateTriage,
  friesland,
  type TopicId,
  type TriageContext,
  type TriageReason,
  vms,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { intake, now, open } from "../support/intakes.js";

/** A reason as its reader sees it, in the profile's language. */
const said = (r: TriageReason | undefined, profile = friesland) =>
  r === undefined ? "" : describeReason(r, profile.locale, profile);

const triage = (i: ReturnType<typeof intake>, context: TriageContext = open, profile = friesland) =>
  evaluateTriage({ intake: i, profile, context, now });

describe("Friesland triage, rule by rule", () => {
  it("accepts a strategic growth question from an established SME", () => {
    const d = triage(intake());
    expect(d.outcome).toEqual({ kind: "accept" });
    expect(d.fired.map((f) => f.ruleId)).toEqual(["strategic-question"]);
    expect(d.reasons[0]?.code).toBe("fitsProgramme");
    expect(said(d.reasons[0])).toMatch(/strategische vraag/);
    expect(d.decidedAt).toEqual(now);
  });

  it("refers an export question from an established SME to Oranjewoud Export Academy", () => {
    const d = triage(
      intake({
        venture: { exportAmbition: "active" },
        topics: [
          { topic: "export", weight: 3 },
          { topic: "sales", weight: 1 },
        ],
      }),
    );
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "oranjewoud-export-academy" });
    expect(d.reasons[0]?.code).toBe("exportQuestion");
    expect(d.partners[0]?.partnerId).toBe("oranjewoud-export-academy");
    // The strategic-question rule fired too, but the earlier rule decides.
    expect(d.fired.map((f) => f.ruleId)).toEqual(["export-question", "strategic-question"]);
  });

  it("gives an idea-stage founder advice on what to do first", () => {
    const d = triage(intake({ venture: { stage: "idea", employees: 1 } }));
    expect(d.outcome).toEqual({ kind: "notReady", advice: "validateIdea" });
    expect(d.reasons[0]?.code).toBe("ideaStage");
  });

  it("refers a company in acute crisis to Ynbusiness, before anything else", () => {
    const d = triage(
      intake({
        urgency: "acute",
        topics: [
          { topic: "crisis", weight: 3 },
          { topic: "hr", weight: 2 },
        ],
      }),
    );
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "ynbusiness" });
    expect(d.reasons[0]?.code).toBe("acuteCrisis");
    expect(d.partners[0]?.because).toContain("crisis");
  });

  it("refers a crisis question to Ynbusiness whatever the urgency the form gives", () => {
    const d = triage(
      intake({
        urgency: "routine",
        topics: [
          { topic: "crisis", weight: 3 },
          { topic: "hr", weight: 2 },
        ],
      }),
    );
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "ynbusiness" });
    expect(d.reasons[0]?.code).toBe("crisisQuestion");
    // A side topic of crisis in a strategic question does not send it away.
    const side = triage(
      intake({
        urgency: "routine",
        topics: [
          { topic: "strategy", weight: 3 },
          { topic: "crisis", weight: 1 },
        ],
      }),
    );
    expect(side.outcome.kind).toBe("accept");
  });

  it("refers a financing and subsidies question to the first-line desk", () => {
    const d = triage(
      intake({
        topics: [
          { topic: "subsidies", weight: 3 },
          { topic: "financing", weight: 2 },
          { topic: "strategy", weight: 1 },
        ],
      }),
    );
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "ynbusiness" });
    expect(d.reasons[0]?.code).toBe("firstLineQuestion");
  });

  it("refers an innovative start-up seeking investors to Founded in Friesland", () => {
    const d = triage(
      intake({
        venture: { stage: "startup", innovative: true, employees: 3 },
        topics: [
          { topic: "investor-readiness", weight: 3 },
          { topic: "product", weight: 1 },
        ],
      }),
    );
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "founded-in-friesland" });
    expect(d.reasons[0]?.code).toBe("innovativeStartup");
  });

  it("refers a venture outside the region to the national desk, naming the region", () => {
    const d = triage(intake({ venture: { region: "groningen" } }));
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "kvk" });
    expect(d.reasons[0]).toMatchObject({
      code: "outsideRegion",
      ruleId: "outside-region",
      params: { region: "groningen" },
    });
    expect(said(d.reasons[0])).toContain("groningen");
  });

  it("answers an entrepreneur who wants the work done for them with advice, not a team", () => {
    const d = triage(intake({ seeks: "workDone" }));
    expect(d.outcome).toEqual({ kind: "notReady", advice: "hireForTheWork" });
    expect(d.reasons[0]).toMatchObject({ code: "workNotSparring", ruleId: "work-wanted" });
    // Sparring, said or not, goes on to the other rules.
    expect(triage(intake({ seeks: "sparring" })).outcome).toEqual(triage(intake({})).outcome);
  });

  it("accepts a returning venture with a new question", () => {
    const d = triage(intake({ previousCaseId: "case-2024-07" }));
    expect(d.outcome).toEqual({ kind: "accept" });
    expect(d.reasons[0]?.code).toBe("returningVenture");
  });

  it("routes an acceptable question elsewhere when the meeting is full — no waiting list", () => {
    const d = triage(
      intake({
        topics: [
          { topic: "strategy", weight: 3 },
          { topic: "financing", weight: 1 },
        ],
      }),
      { placesLeft: 0, network: { canStaff: true, shortTopics: [] } },
    );
    expect(d.outcome).toEqual({ kind: "refer", partnerId: "ynbusiness" });
    expect(d.reasons.map((r) => r.code)).toEqual(["fitsProgramme", "quotaFull", "routedToPartner"]);
    expect(said(d.reasons[1])).toMatch(/wachtlijst/);
  });

  it("offers a one-off conversation when the meeting is full and no partner fits", () => {
    const d = triage(intake(), { placesLeft: 0, network: { canStaff: true, shortTopics: [] } });
    expect(d.outcome).toEqual({ kind: "oneOff" });
    expect(d.reasons.map((r) => r.code)).toEqual(["fitsProgramme", "quotaFull", "oneOffInstead"]);
  });

  it("routes a question the mentor network cannot staff, naming the short topics", () => {
    const d = triage(intake(), {
      placesLeft: 2,
      network: { canStaff: false, shortTopics: ["leadership" as TopicId] },
    });
    expect(d.outcome.kind).toBe("oneOff");
    expect(d.reasons[1]).toEqual({ code: "noTeamForTopics", params: { topics: ["leadership"] } });
    expect(said(d.reasons[1])).toContain("(tekort aan: leiderschap)");
  });

  it("keeps a quota-full referral independent of other rules' outcomes (only accept is rerouted)", () => {
    const d = triage(intake({ venture: { stage: "idea" } }), {
      placesLeft: 0,
      network: { canStaff: true, shortTopics: [] },
    });
    expect(d.outcome).toEqual({ kind: "notReady", advice: "validateIdea" });
  });
});

describe("generic VMS triage", () => {
  it("accepts an innovative idea-stage venture anywhere, in English", () => {
    const d = triage(
      intake({ venture: { stage: "idea", innovative: true, region: "utrecht" } }, vms),
      open,
      vms,
    );
    expect(d.outcome).toEqual({ kind: "accept" });
    expect(said(d.reasons[0], vms)).toMatch(/strategic question/);
  });

  it("asks a non-innovative idea to validate first", () => {
    const d = triage(intake({ venture: { stage: "idea" } }, vms), open, vms);
    expect(d.outcome).toEqual({ kind: "notReady", advice: "validateIdea" });
  });

  it("offers one conversation when the meeting is full, having no partners to refer to", () => {
    const d = triage(intake({}, vms), { placesLeft: 0, network: { canStaff: true, shortTopics: [] } }, vms);
    expect(d.outcome).toEqual({ kind: "oneOff" });
    expect(d.partners).toEqual([]);
  });
});
