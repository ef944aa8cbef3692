import { fc, test } from "@fast-check/vitest";
import {
  describeReason,
  evaluateTriage,
  friesland,
  overrideTriage,
  type ProgrammeProfile,
  parseTriageDecision,
  serialise,
  vms,
} from "venture-mentoring";
import { describe, expect } from "vitest";
import { contextArb, intakeArb } from "../support/arbitraries.js";

const now = new Date("2026-11-26T10:00:00.000Z");

describe.each([
  ["friesland", friesland],
  ["vms", vms],
] as const)("triage laws for the %s profile", (_name, profile: ProgrammeProfile) => {
  test.prop([intakeArb(profile), contextArb(profile)])(
    "every valid intake gets exactly one outcome with at least one reason, and never a bare no",
    (intake, context) => {
      const d = evaluateTriage({ intake, profile, context, now });
      expect(["accept", "refer", "oneOff", "notReady"]).toContain(d.outcome.kind);
      expect(d.reasons.length).toBeGreaterThan(0);
      for (const r of d.reasons) {
        // Stored as a code with ids and numbers; rendered in either language without a gap.
        expect(JSON.stringify(r.params)).not.toMatch(/[.!?] /);
        for (const l of ["en", "nl"] as const)
          expect(describeReason(r, l, profile).length).toBeGreaterThan(10);
      }
      // No bare refusal: a referral names a known partner, not-ready gives advice, one-off is a conversation.
      if (d.outcome.kind === "refer") {
        const id = d.outcome.partnerId;
        expect(profile.partners.some((p) => p.id === id)).toBe(true);
      }
      if (d.outcome.kind === "notReady") expect(d.outcome.advice).toBeTruthy();
    },
  );

  test.prop([intakeArb(profile), contextArb(profile)])(
    "the same input gives the same decision",
    (intake, context) => {
      expect(evaluateTriage({ intake, profile, context, now })).toEqual(
        evaluateTriage({ intake: structuredClone(intake), profile, context: structuredClone(context), now }),
      );
    },
  );

  test.prop([intakeArb(profile), contextArb(profile)])(
    "a full meeting or an unstaffable question never yields accept",
    (intake, context) => {
      const d = evaluateTriage({ intake, profile, context, now });
      if (context.placesLeft === 0 || !context.network.canStaff) expect(d.outcome.kind).not.toBe("accept");
    },
  );

  test.prop([intakeArb(profile), contextArb(profile)])(
    "the outcome is the first fired rule's, or a routing of it when it was accept",
    (intake, context) => {
      const d = evaluateTriage({ intake, profile, context, now });
      const first = d.fired[0];
      if (first === undefined) expect(d.reasons[0]?.code).toBe("noRuleMatched");
      else if (first.outcome.kind !== "accept") expect(d.outcome).toEqual(first.outcome);
      else if (d.outcome.kind !== "accept") expect(["refer", "oneOff"]).toContain(d.outcome.kind);
    },
  );

  test.prop([intakeArb(profile), contextArb(profile)])(
    "a decision survives serialisation",
    (intake, context) => {
      const d = evaluateTriage({ intake, profile, context, now });
      expect(parseTriageDecision(JSON.parse(serialise(d)))._unsafeUnwrap()).toEqual(d);
    },
  );

  test.prop([intakeArb(profile), contextArb(profile), fc.constantFrom("accept", "oneOff")])(
    "an override is recorded with the original outcome, and never accepts into a full meeting",
    (intake, context, kind) => {
      const d = evaluateTriage({ intake, profile, context, now });
      const r = overrideTriage(
        d,
        { outcome: { kind }, by: "pm-1", reason: "Intake conversation" },
        profile,
        now,
      );
      if (kind === "accept" && (context.placesLeft === 0 || !context.network.canStaff)) {
        expect(r._unsafeUnwrapErr().type).toMatch(/QuotaFull|NoTeamPossible/);
      } else {
        const o = r._unsafeUnwrap();
        expect(o.outcome).toEqual({ kind });
        expect(o.override?.original).toEqual(d.outcome);
        expect(o.reasons.at(-1)?.code).toBe("managerOverride");
      }
    },
  );
});
