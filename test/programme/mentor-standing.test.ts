/**
 * A mentor's standing changes through one use-case: every step the lifecycle allows is stored and
 * audited, every other one is a typed refusal that leaves the store as it was; a mentor still on a
 * team is not retired.
 */
import {
  changeMentorStanding,
  describeError,
  friesland,
  initProgramme,
  type MentorEvent,
  type MentorId,
  openProgramme,
  type ProgrammeContext,
  registerMentor,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { beforeEach, describe, expect, it } from "vitest";
import { activeCase } from "../support/cases.js";
import { mentorRaw } from "../support/raw.js";
import { dumpStore } from "../support/store.js";

const pm = { id: "pm-paula" };
const on = new Date("2026-11-20T10:00:00.000Z");
let ctx: ProgrammeContext;

beforeEach(async () => {
  const store = createMemoryStore();
  (await initProgramme(store, friesland, pm, () => on))._unsafeUnwrap();
  ctx = (await openProgramme(store, { clock: () => on, newId: (k) => `${k}-1` }))._unsafeUnwrap();
  for (const id of ["anke", "douwe", "froukje", "sietse"])
    (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
  // anke, douwe and froukje sit on case-1.
  (await store.transaction((tx) => tx.put("cases", "case-1", activeCase(), "new")))._unsafeUnwrap();
});

const standing = async (id: string) => (await ctx.store.get("mentors", id))._unsafeUnwrap()?.value;

describe("changeMentorStanding", () => {
  it("pauses until a date and resumes, returning the cases to review, each step in the audit trail", async () => {
    const until = new Date("2027-03-01T00:00:00.000Z");
    const paused = (
      await changeMentorStanding(ctx, "anke" as MentorId, { type: "paused", on, until }, pm)
    )._unsafeUnwrap();
    expect(paused.mentor.state).toBe("paused");
    expect(paused.mentor.pauses.at(-1)).toEqual({ from: on, until });
    expect(paused.casesToReview).toEqual(["case-1"]);
    expect((await standing("anke"))?.state).toBe("paused");
    const resumed = (
      await changeMentorStanding(ctx, "anke" as MentorId, { type: "resumed", on }, pm)
    )._unsafeUnwrap();
    expect(resumed.mentor.state).toBe("active");
    const audit = (await ctx.store.audit())
      ._unsafeUnwrap()
      .filter((a) => a.action === "changeMentorStanding");
    expect(audit.map((a) => [a.subject.id, a.reason, a.actor])).toEqual([
      ["anke", "paused", "pm-paula"],
      ["anke", "resumed", "pm-paula"],
    ]);
  });

  it("records the ethics statement's date", async () => {
    const signed = new Date("2026-11-18T00:00:00.000Z");
    (
      await changeMentorStanding(ctx, "sietse" as MentorId, { type: "ethicsStatementSigned", on: signed }, pm)
    )._unsafeUnwrap();
    expect((await standing("sietse"))?.ethicsStatementSignedOn).toEqual(signed);
  });

  it("does not retire a mentor who still sits on a team, and says which, leaving the store as it was", async () => {
    const before = await dumpStore(ctx.store);
    const refused = await changeMentorStanding(ctx, "douwe" as MentorId, { type: "retired", on }, pm);
    expect(refused._unsafeUnwrapErr()).toMatchObject({
      type: "IllegalMentorTransition",
      event: "retired",
      seatedOn: ["case-1"],
    });
    expect(describeError(refused._unsafeUnwrapErr(), "nl")).toBe(
      "douwe zit nog in het team van case-1: haal de mentor eerst uit die teams en laat hem of haar dan stoppen.",
    );
    expect(await dumpStore(ctx.store)).toBe(before);
    // Without a seat, retiring is final: nothing moves a retired mentor again.
    (await changeMentorStanding(ctx, "sietse" as MentorId, { type: "retired", on }, pm))._unsafeUnwrap();
    const again = await changeMentorStanding(ctx, "sietse" as MentorId, { type: "resumed", on }, pm);
    expect(again._unsafeUnwrapErr()).toMatchObject({ type: "IllegalMentorTransition", state: "retired" });
  });

  it("refuses what the lifecycle does not allow or what is malformed, as typed errors, changing nothing", async () => {
    const before = await dumpStore(ctx.store);
    const cases: [string, MentorEvent, string][] = [
      ["anke", { type: "resumed", on }, "IllegalMentorTransition"],
      ["anke", { type: "approved", on }, "IllegalMentorTransition"],
      ["nobody", { type: "paused", on }, "NotFound"],
      ["anke", { type: "paused", on, until: new Date("2020-01-01") }, "ValidationFailed"],
      ["anke", { type: "paused", on: new Date("nonsense") }, "ValidationFailed"],
      ["anke", { type: "fired", on } as unknown as MentorEvent, "ValidationFailed"],
    ];
    for (const [id, event, type] of cases) {
      const done = await changeMentorStanding(ctx, id as MentorId, event, pm);
      expect(done._unsafeUnwrapErr().type, `${id} ${event.type}`).toBe(type);
    }
    expect(await dumpStore(ctx.store)).toBe(before);
  });
});
