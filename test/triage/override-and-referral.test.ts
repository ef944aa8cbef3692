import {
  createReferral,
  describeError,
  evaluateTriage,
  friesland,
  overrideTriage,
  type ReferralId,
  recordReferralFollowUp,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { intake, now, open } from "../support/intakes.js";

const exportIntake = intake({
  topics: [
    { topic: "export", weight: 3 },
    { topic: "sales", weight: 1 },
  ],
  shareWithPartners: false,
});

describe("manager override", () => {
  const decision = evaluateTriage({ intake: exportIntake, profile: friesland, context: open, now });

  it("records who, why and the rules' original outcome", () => {
    const o = overrideTriage(
      decision,
      {
        outcome: { kind: "accept" },
        by: "pm-paula",
        reason: "Export is a side issue; the real question is leadership",
      },
      friesland,
      now,
    )._unsafeUnwrap();
    expect(o.outcome).toEqual({ kind: "accept" });
    expect(o.override).toEqual({
      by: "pm-paula",
      at: now,
      reason: "Export is a side issue; the real question is leadership",
      original: { kind: "refer", partnerId: "oranjewoud-export-academy" },
    });
    // A second override keeps the rules' outcome as the original, not the first override.
    const again = overrideTriage(
      o,
      { outcome: { kind: "oneOff" }, by: "pm-paula", reason: "Changed mind" },
      friesland,
      now,
    );
    expect(again._unsafeUnwrap().override?.original).toEqual({
      kind: "refer",
      partnerId: "oranjewoud-export-academy",
    });
    // However often it is overridden, the decision states one override: the last.
    let d = again._unsafeUnwrap();
    for (let k = 0; k < 60; k++)
      d = overrideTriage(
        d,
        {
          outcome: { kind: k % 2 === 0 ? "oneOff" : "notReady", advice: "writeBusinessPlan" },
          by: "pm-paula",
          reason: `Round ${k}`,
        },
        friesland,
        now,
      )._unsafeUnwrap();
    expect(d.reasons.filter((r) => r.code === "managerOverride")).toHaveLength(1);
    expect(d.reasons).toHaveLength(o.reasons.length);
    expect(d.override?.reason).toBe("Round 59");
    expect(d.override?.original).toEqual({ kind: "refer", partnerId: "oranjewoud-export-academy" });
  });

  it("refuses an unknown partner, a missing reason and an accept into a full meeting", () => {
    const unknown = overrideTriage(
      decision,
      { outcome: { kind: "refer", partnerId: "kamer-van-koophandel" }, by: "pm", reason: "x" },
      friesland,
      now,
    );
    expect(unknown._unsafeUnwrapErr()).toEqual({ type: "UnknownPartner", partnerId: "kamer-van-koophandel" });
    expect(describeError(unknown._unsafeUnwrapErr(), "nl")).toContain("kamer-van-koophandel");

    const noReason = overrideTriage(
      decision,
      { outcome: { kind: "oneOff" }, by: "pm", reason: "  " },
      friesland,
      now,
    );
    expect(noReason._unsafeUnwrapErr()).toMatchObject({
      type: "ValidationFailed",
      issues: [{ path: "reason" }],
    });

    const full = evaluateTriage({
      intake: intake(),
      profile: friesland,
      context: { placesLeft: 0, network: { canStaff: true, shortTopics: [] } },
      now,
    });
    const accept = overrideTriage(
      full,
      { outcome: { kind: "accept" }, by: "pm", reason: "urgent" },
      friesland,
      now,
    );
    expect(accept._unsafeUnwrapErr()).toEqual({ type: "QuotaFull", placesLeft: 0 });
  });
});

describe("referral", () => {
  it("records partner, reasons, date, and a pending follow-up; the handover is cold without consent", () => {
    const decision = evaluateTriage({ intake: exportIntake, profile: friesland, context: open, now });
    const referral = createReferral({
      id: "ref-1" as ReferralId,
      intake: exportIntake,
      decision,
      profile: friesland,
      now,
    })._unsafeUnwrap();
    expect(referral).toEqual({
      id: "ref-1",
      intakeId: "intake-1",
      partnerId: "oranjewoud-export-academy",
      reasons: ["exportQuestion"],
      date: now,
      warmHandover: false,
      followUp: { status: "pending", updatedAt: now },
    });
    const later = new Date("2026-12-10T00:00:00Z");
    expect(recordReferralFollowUp(referral, "started", later, "Joined the spring training").followUp).toEqual(
      {
        status: "started",
        updatedAt: later,
        note: "Joined the spring training",
      },
    );
  });

  it("is refused for a decision that did not refer", () => {
    const decision = evaluateTriage({ intake: intake(), profile: friesland, context: open, now });
    const r = createReferral({
      id: "ref-2" as ReferralId,
      intake: intake(),
      decision,
      profile: friesland,
      now,
    });
    expect(r._unsafeUnwrapErr()).toEqual({ type: "NotAReferral", outcome: "accept" });
  });
});
