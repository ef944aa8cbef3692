/**
 * Reminders: which are due (proposals unanswered, quiet cases, ethics statements about to expire),
 * queued once, withdrawn when no longer due, marked sent; in words for each reader.
 */
import {
  type CaseId,
  type ConsentRecord,
  changeMentorStanding,
  consentId,
  describeNotification,
  friesland,
  initProgramme,
  type Mentor,
  type MentorId,
  markNotificationsSent,
  notificationsDue,
  openProgramme,
  type ProgrammeContext,
  parseMentor,
  pendingNotifications,
  queueNotifications,
  registerMentor,
  type StoredRound,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { beforeEach, describe, expect, it } from "vitest";
import { activeCase, d, newCase } from "../support/cases.js";
import { mentorRaw } from "../support/raw.js";
import { dumpStore } from "../support/store.js";

const asOf = d("2026-11-20");
const mentor = (id: string, over: Record<string, unknown> = {}): Mentor =>
  parseMentor(mentorRaw(id, over))._unsafeUnwrap();
/** A stored round with only what reminders read: which mentors it proposes for which case. */
const round = (id: string, teams: { caseId: string; lead: string; members: string[] }[]) =>
  ({ id, plannedAt: asOf, meetingOn: asOf, proposal: { teams } }) as unknown as StoredRound;
const input = (over: Partial<Parameters<typeof notificationsDue>[0]> = {}) => ({
  asOf,
  profile: friesland,
  rounds: [],
  cases: [],
  consents: [],
  sessions: [],
  mentors: [],
  ethicsReminderDays: 30,
  ...over,
});

describe("notificationsDue", () => {
  it("reminds each proposed mentor who has not answered a team still open to them, once", () => {
    const waiting = newCase("case-2", "2026-11-01");
    const answer: ConsentRecord = {
      id: consentId("case-2", "douwe"),
      caseId: "case-2" as CaseId,
      mentorId: "douwe" as MentorId,
      answer: "yes",
      on: asOf,
    };
    const teams = [{ caseId: "case-2", lead: "anke", members: ["douwe", "froukje"] }];
    const due = notificationsDue(
      input({
        rounds: [round("round-2026-11", teams), round("round-2026-12", teams)],
        cases: [waiting],
        consents: [answer],
      }),
    );
    expect(due.map((n) => [n.kind, n.to, n.caseId])).toEqual([
      ["proposalToAnswer", "anke", "case-2"],
      ["proposalToAnswer", "froukje", "case-2"],
    ]);
    // A team already confirmed: nothing to answer.
    const confirmed = activeCase("case-2", "2026-11-10");
    expect(notificationsDue(input({ rounds: [round("r", teams)], cases: [confirmed] }))).toEqual([]);
  });

  it("asks the lead of an active case quiet for the inactivity period, and no one else", () => {
    const quiet = activeCase("case-1", "2026-01-12");
    const fresh = activeCase("case-3", "2026-11-15");
    const due = notificationsDue(input({ cases: [quiet, fresh] }));
    expect(due).toEqual([
      {
        id: "caseQuiet/case-1/2026-01-12",
        kind: "caseQuiet",
        to: "anke",
        caseId: "case-1",
        on: d("2026-01-12"),
      },
    ]);
  });

  it("reminds a mentor within the days before their ethics statement expires, not before, not after", () => {
    const signed = (day: string, state = "active") =>
      mentor(`m-${day}-${state}`, { ethicsStatementSignedOn: `${day}T12:00:00.000Z`, state });
    const due = notificationsDue(
      input({
        mentors: [
          signed("2025-12-20"), // expires 2026-12-20: in 30 days
          signed("2025-12-21"), // in 31 days: not yet
          signed("2025-11-19"), // expired yesterday: not "about to"
          signed("2025-12-01", "retired"),
          mentor("unsigned"),
        ],
      }),
    );
    expect(due.map((n) => n.id)).toEqual(["ethicsExpiring/m-2025-12-20-active/2026-12-20"]);
  });
});

describe("queueNotifications, pendingNotifications, markNotificationsSent", () => {
  const pm = { id: "pm-paula" };
  let ctx: ProgrammeContext;
  beforeEach(async () => {
    const store = createMemoryStore();
    (await initProgramme(store, friesland, pm, () => d("2026-01-02")))._unsafeUnwrap();
    ctx = (await openProgramme(store, { clock: () => asOf, newId: (k) => `${k}-1` }))._unsafeUnwrap();
    for (const id of ["anke", "douwe", "froukje"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    (
      await registerMentor(
        ctx,
        mentorRaw("sietse", { ethicsStatementSignedOn: "2025-12-01T00:00:00.000Z" }),
        pm,
        "new",
      )
    )._unsafeUnwrap();
    (await store.transaction((tx) => tx.put("cases", "case-1", activeCase(), "new")))._unsafeUnwrap();
  });

  it("queues what is due once, withdraws what is no longer due, and marks sent only what is pending", async () => {
    const first = (await queueNotifications(ctx, asOf, pm))._unsafeUnwrap();
    expect(first.queued.map((n) => n.id).sort()).toEqual([
      "caseQuiet/case-1/2026-01-12",
      "ethicsExpiring/sietse/2026-12-01",
    ]);
    const again = (await queueNotifications(ctx, asOf, pm))._unsafeUnwrap();
    expect(again).toEqual({ queued: [], withdrawn: [] });
    // Sietse signs again: the reminder is no longer due.
    (
      await changeMentorStanding(ctx, "sietse" as MentorId, { type: "ethicsStatementSigned", on: asOf }, pm)
    )._unsafeUnwrap();
    const after = (await queueNotifications(ctx, asOf, pm))._unsafeUnwrap();
    expect(after).toEqual({ queued: [], withdrawn: ["ethicsExpiring/sietse/2026-12-01"] });
    const pending = (await pendingNotifications(ctx.store))._unsafeUnwrap();
    expect(pending.map((n) => n.id)).toEqual(["caseQuiet/case-1/2026-01-12"]);
    const sent = (
      await markNotificationsSent(
        ctx,
        ["caseQuiet/case-1/2026-01-12", "ethicsExpiring/sietse/2026-12-01", "nothing"],
        pm,
      )
    )._unsafeUnwrap();
    expect(sent).toEqual(["caseQuiet/case-1/2026-01-12"]);
    expect((await pendingNotifications(ctx.store))._unsafeUnwrap()).toEqual([]);
    // Sent once is sent: queueing again does not bring it back.
    expect((await queueNotifications(ctx, asOf, pm))._unsafeUnwrap().queued).toEqual([]);
    const audit = (await ctx.store.audit())._unsafeUnwrap().map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(["queueNotification", "withdrawNotification", "notificationSent"]),
    );
  });

  it("refuses bad arguments as typed errors and changes nothing", async () => {
    const before = await dumpStore(ctx.store);
    expect((await queueNotifications(ctx, new Date("x"), pm))._unsafeUnwrapErr().type).toBe(
      "ValidationFailed",
    );
    expect(
      (await queueNotifications(ctx, asOf, pm, { ethicsReminderDays: -1 }))._unsafeUnwrapErr().type,
    ).toBe("ValidationFailed");
    expect((await markNotificationsSent(ctx, [""], pm))._unsafeUnwrapErr().type).toBe("ValidationFailed");
    expect(await dumpStore(ctx.store)).toBe(before);
  });

  it("says each reminder in words, by name", async () => {
    (await queueNotifications(ctx, asOf, pm))._unsafeUnwrap();
    const [quiet] = (await pendingNotifications(ctx.store))._unsafeUnwrap();
    if (quiet === undefined) throw new Error("expected a reminder");
    const naming = { mentor: () => "Anke de Jong", topic: (t: string) => t, case: () => "Bakkerij De Wyk" };
    expect(describeNotification(quiet, "nl", naming)).toEqual({
      subject: "Bakkerij De Wyk: staat de vraag nog open?",
      text: "Beste Anke de Jong, voor Bakkerij De Wyk is sinds 12 januari 2026 niets vastgelegd. Staat de vraag nog open? Leg de laatste sessie vast, of laat de programmamanager weten of de casus kan worden gesloten of gepauzeerd.",
    });
    expect(describeNotification(quiet, "en", naming).subject).toBe(
      "Bakkerij De Wyk: is the question still open?",
    );
  });
});
