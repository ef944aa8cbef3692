/**
 * Use that repeats — overriding a triage decision again and again, a mentor stepping off and
 * joining again — never writes a document a store cannot read back: on every store, every
 * collection still lists afterwards, and what cannot be kept is refused with a typed error.
 */
import {
  type CaseId,
  changeTeam,
  collections,
  decideTriage,
  type IntakeId,
  MAX_MEMBERSHIPS,
  type MentorId,
  type PartnerId,
  type ProgrammeContext,
  type ProgrammeStore,
  registerMentors,
  submitIntake,
  type TriageOutcome,
} from "venture-mentoring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agree, confirmAgreed } from "../support/consent.js";
import { intakeRaw, mentorRaw } from "../support/raw.js";
import { startProgramme, threeStores } from "../support/store.js";

const stores = threeStores("vm_bounded");

/** Every collection and the audit trail still read back. */
async function expectReadable(store: ProgrammeStore): Promise<void> {
  for (const c of collections) expect((await store.list(c)).isOk(), c).toBe(true);
  expect((await store.audit()).isOk()).toBe(true);
}

// A few hundred transactions each on PostgreSQL: about 5 s on a quiet two-core machine.
describe.each(stores)(
  "documents stay readable under repeated use on the %s store",
  { timeout: 120_000 },
  (_name, make) => {
    let store: ProgrammeStore;
    let ctx: ProgrammeContext;
    beforeAll(async () => {
      store = await make();
      ctx = await startProgramme(store, "2026-11-02T10:00:00.000Z", 1000);
      const mentors = ["m-1", "m-2", "m-3", "m-4"].map((id) =>
        mentorRaw(id, { background: id === "m-1" ? "founder" : "finance" }),
      );
      (await registerMentors(ctx, mentors, { id: "pm" }))._unsafeUnwrap();
    });
    afterAll(async () => {
      await store.close();
    });

    it("sixty overrides of one decision: each recorded, the decision states the last", async () => {
      (await submitIntake(ctx, intakeRaw("in-o"), "key-o", { id: "portal" }))._unsafeUnwrap();
      for (let k = 0; k < 60; k++) {
        const outcome: TriageOutcome =
          k % 2 === 0 ? { kind: "refer", partnerId: "ynbusiness" as PartnerId } : { kind: "oneOff" };
        const done = await decideTriage(
          ctx,
          "in-o" as IntakeId,
          { id: "pm" },
          { outcome, reason: `Round ${k}` },
        );
        expect(done.isOk(), `override ${k}`).toBe(true);
      }
      const decision = (await store.get("decisions", "in-o"))._unsafeUnwrap()?.value;
      expect(decision?.override?.reason).toBe("Round 59");
      expect(decision?.reasons.filter((r) => r.code === "managerOverride")).toHaveLength(1);
      await expectReadable(store);
    });

    it("a mentor stepping off and joining again until the history is full: then refused, still readable", async () => {
      (await submitIntake(ctx, intakeRaw("in-t"), "key-t", { id: "portal" }))._unsafeUnwrap();
      const caseId = (await decideTriage(ctx, "in-t" as IntakeId, { id: "pm" }))._unsafeUnwrap()
        .caseId as CaseId;
      const team = [
        { mentorId: "m-1" as MentorId, role: "lead" as const },
        { mentorId: "m-2" as MentorId, role: "member" as const },
        { mentorId: "m-3" as MentorId, role: "member" as const },
      ];
      (await confirmAgreed(ctx, caseId, team, { id: "pm" }))._unsafeUnwrap();
      const cycle = async (out: string, into: string) => {
        (
          await changeTeam(
            ctx,
            caseId,
            { kind: "leave", mentorId: out as MentorId, reason: "steppedOff" },
            { id: "pm" },
          )
        )._unsafeUnwrap();
        return changeTeam(
          ctx,
          caseId,
          { kind: "join", mentorId: into as MentorId, role: "member" },
          { id: "pm" },
        );
      };
      await agree(ctx, caseId, ["m-3", "m-4"]);
      for (let k = team.length; k < MAX_MEMBERSHIPS; k++) {
        const done = await cycle(k % 2 === 1 ? "m-3" : "m-4", k % 2 === 1 ? "m-4" : "m-3");
        expect(done.isOk(), `cycle ${k}`).toBe(true);
      }
      const refused = await cycle(
        MAX_MEMBERSHIPS % 2 === 1 ? "m-3" : "m-4",
        MAX_MEMBERSHIPS % 2 === 1 ? "m-4" : "m-3",
      );
      expect(refused._unsafeUnwrapErr()).toMatchObject({ type: "TeamChangeRefused", reason: "historyFull" });
      const kase = (await store.get("cases", caseId))._unsafeUnwrap()?.value;
      expect(kase?.memberships).toHaveLength(MAX_MEMBERSHIPS);
      await expectReadable(store);
    });
  },
);
