import { ok, type Result } from "neverthrow";
import {
  answerProposal,
  type CaseId,
  casesDue,
  changeTeam,
  closeCase,
  confirmTeam,
  currentTeam,
  decideTriage,
  describeError,
  erasePerson,
  exportPerson,
  followUpReferral,
  friesland,
  holdOver,
  type IntakeId,
  initProgramme,
  linkPreviousCase,
  logSession,
  type MentorId,
  openProgramme,
  type PartnerId,
  type ProgrammeContext,
  type ProgrammeStore,
  pauseCase,
  planRound,
  programmeReport,
  proposeReplacementFor,
  purgeExpired,
  type ReferralId,
  recordConflict,
  recordEthicsViolation,
  registerMentor,
  registerMentors,
  resolveEthicsHold,
  resumeCase,
  submitIntake,
  type VentureId,
  vms,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { agree, confirmAgreed } from "../support/consent.js";
import { intakeRaw, mentorRaw } from "../support/raw.js";
import { dumpStore, threeStores } from "../support/store.js";

const stores = threeStores("vm_uc");

function context(store: ProgrammeStore): ProgrammeContext {
  let t = Date.parse("2026-12-01T09:00:00.000Z");
  let n = 0;
  return {
    store,
    profile: friesland,
    clock: () => {
      t += 60_000;
      return new Date(t);
    },
    newId: (kind) => `${kind}-${++n}`,
  };
}

const pm = { id: "pm-paula" };
/** The value, or a failure that names the error. */
const must = <T, E>(r: Result<T, E>): T => {
  if (r.isErr()) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const team = (a: string, b: string, c: string) => [
  { mentorId: a as MentorId, role: "lead" as const },
  { mentorId: b as MentorId, role: "member" as const },
  { mentorId: c as MentorId, role: "member" as const },
];

describe.each(stores)("use-cases on the %s store", (_name, make) => {
  it("intake → triage → team → session → closure, each audited without personal data", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();

    const first = (await submitIntake(ctx, intakeRaw("in-1"), "key-1", { id: "portal" }))._unsafeUnwrap();
    expect(first.replayed).toBe(false);
    expect((await submitIntake(ctx, intakeRaw("in-1"), "key-1", { id: "portal" }))._unsafeUnwrap()).toEqual({
      intake: first.intake,
      replayed: true,
      seenBefore: { intakes: [], closedCases: [], openCases: [] },
    });
    expect(
      (
        await submitIntake(
          ctx,
          intakeRaw("in-1", { question: { ...intakeRaw("in-1").question, summary: "Another question" } }),
          "key-1",
          { id: "portal" },
        )
      )._unsafeUnwrapErr(),
    ).toEqual({ type: "IdempotencyConflict", key: "key-1" });

    const triaged = (await decideTriage(ctx, "in-1" as IntakeId, pm))._unsafeUnwrap();
    expect(triaged.decision.outcome).toEqual({ kind: "accept" });
    const caseId = triaged.caseId as CaseId;
    const active = (await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm))._unsafeUnwrap();
    expect(active.state).toBe("active");
    (
      await logSession(
        ctx,
        {
          id: "s-1",
          kind: "case",
          caseId,
          on: "2026-12-01T18:00:00.000Z",
          minutes: 90,
          mode: "video",
          mentors: ["anke", "douwe"],
          menteePresent: true,
          noteAuthor: "anke",
        },
        { id: "anke" },
      )
    )._unsafeUnwrap();
    // A break asked for by the entrepreneur: paused with the team kept, resumed, then closed.
    const before = await dumpStore(store);
    expect((await resumeCase(ctx, caseId, pm))._unsafeUnwrapErr()).toMatchObject({
      type: "IllegalTransition",
      state: "active",
      event: "resumed",
    });
    expect(await dumpStore(store)).toBe(before);
    const paused = (await pauseCase(ctx, caseId, pm))._unsafeUnwrap();
    expect(paused.state).toBe("paused");
    expect(currentTeam(paused)).toEqual(currentTeam(active));
    expect((await pauseCase(ctx, caseId, pm)).isErr()).toBe(true);
    expect((await resumeCase(ctx, caseId, pm))._unsafeUnwrap().state).toBe("active");
    const closed = (await closeCase(ctx, caseId, "questionResolved", pm))._unsafeUnwrap();
    expect(closed.state).toBe("closed");

    const trail = (await store.audit())._unsafeUnwrap();
    expect(trail.map((e) => e.action)).toEqual([
      "registerMentor",
      "registerMentor",
      "registerMentor",
      "registerMentor",
      "submitIntake",
      "decideTriage",
      "openCase",
      "answerProposal",
      "answerProposal",
      "answerProposal",
      "confirmTeam",
      "logSession",
      "pauseCase",
      "resumeCase",
      "closeCase",
    ]);
    const text = JSON.stringify(trail);
    for (const personal of ["Sjoukje", "sjoukje@example.nl", "Mentor anke", "anke@example.nl", "Kaasmakerij"])
      expect(text).not.toContain(personal);
    expect(trail.every((e) => e.at instanceof Date)).toBe(true);
    await store.close();
  });

  it("team changes, referral follow-up and the monthly report over the store", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    (await submitIntake(ctx, intakeRaw("in-3"), "key-3", { id: "portal" }))._unsafeUnwrap();
    const caseId = (await decideTriage(ctx, "in-3" as IntakeId, pm))._unsafeUnwrap().caseId as CaseId;
    (await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm))._unsafeUnwrap();
    const left = (
      await changeTeam(ctx, caseId, { kind: "leave", mentorId: "douwe" as MentorId, reason: "recused" }, pm)
    )._unsafeUnwrap();
    expect(left.needsReplacement).toBe(true);
    await agree(ctx, caseId, ["ype"]);
    const joined = (
      await changeTeam(ctx, caseId, { kind: "join", mentorId: "ype" as MentorId, role: "member" }, pm)
    )._unsafeUnwrap();
    expect(joined.needsReplacement).toBe(false);
    expect(joined.memberships.find((m) => m.mentorId === "douwe")?.departure).toBe("recused");

    const exportIntake = {
      ...intakeRaw("in-4"),
      question: { summary: "Export to Germany?", topics: [{ topic: "export", weight: 3 }] },
    };
    (await submitIntake(ctx, exportIntake, "key-4", { id: "portal" }))._unsafeUnwrap();
    const referred = (await decideTriage(ctx, "in-4" as IntakeId, pm))._unsafeUnwrap();
    expect(referred.decision.outcome).toEqual({ kind: "refer", partnerId: "oranjewoud-export-academy" });
    const followed = (
      await followUpReferral(ctx, referred.referralId as ReferralId, "started", pm)
    )._unsafeUnwrap();
    expect(followed.followUp.status).toBe("started");

    const report = (await programmeReport(ctx, new Date("2026-12-31T23:00:00.000Z")))._unsafeUnwrap();
    expect(report.cases).toMatchObject({ active: 1, new: 1 });
    expect(report.intake).toMatchObject({
      requests: 2,
      outcomes: { accept: 1, refer: 1 },
      referralsByPartner: { "oranjewoud-export-academy": 1 },
    });
    await store.close();
  });

  it("exports everything about a mentee, then erases them without a trace while the report stays the same", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    (
      await submitIntake(
        ctx,
        intakeRaw("in-5", {
          question: {
            ...intakeRaw("in-5").question,
            summary: "Wij willen een managementteam bij Kaasmakerij in-5",
          },
        }),
        "key-5",
        { id: "portal" },
      )
    )._unsafeUnwrap();
    const caseId = (await decideTriage(ctx, "in-5" as IntakeId, pm))._unsafeUnwrap().caseId as CaseId;
    (await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm))._unsafeUnwrap();
    (
      await logSession(
        ctx,
        {
          id: "s-5",
          kind: "case",
          caseId,
          on: "2026-12-01T18:00:00.000Z",
          minutes: 90,
          mode: "video",
          mentors: ["anke"],
          menteePresent: true,
          noteAuthor: "anke",
          note: "Sjoukje twijfelt over haar broer in het MT",
        },
        { id: "anke" },
      )
    )._unsafeUnwrap();
    (
      await closeCase(ctx, caseId, "questionResolved", pm, { mentee: "Sjoukje: dank, het MT staat" })
    )._unsafeUnwrap();

    const exported = (
      await exportPerson(ctx, { kind: "mentee", email: "SJOUKJE@example.nl" })
    )._unsafeUnwrap();
    expect(exported.intakes.map((i) => i.id)).toEqual(["in-5"]);
    expect(exported.cases.map((c) => c.id)).toEqual([caseId]);
    expect(exported.sessions.map((s) => s.id)).toEqual(["s-5"]);
    expect(exported.decisions).toHaveLength(1);

    const asOf = new Date("2026-12-31T23:00:00.000Z");
    const before = (await programmeReport(ctx, asOf))._unsafeUnwrap();
    (await erasePerson(ctx, { kind: "mentee", email: "sjoukje@example.nl" }, pm))._unsafeUnwrap();
    const everything = await dumpStore(store);
    for (const value of [
      "Sjoukje",
      "sjoukje@example.nl",
      "Kaasmakerij",
      "managementteam",
      "broer",
      "Zuivel Noord",
    ])
      expect(everything).not.toContain(value);
    expect((await programmeReport(ctx, asOf))._unsafeUnwrap()).toEqual(before);
    expect(
      (await exportPerson(ctx, { kind: "mentee", email: "sjoukje@example.nl" }))._unsafeUnwrap().intakes,
    ).toEqual([]);
    expect(
      (await erasePerson(ctx, { kind: "mentee", email: "nobody@example.nl" }, pm))._unsafeUnwrapErr(),
    ).toEqual({ type: "NotFound", collection: "intakes", id: "mentee" });

    (await erasePerson(ctx, { kind: "mentor", id: "douwe" as MentorId }, pm))._unsafeUnwrap();
    const after = await dumpStore(store);
    expect(after).not.toContain("Mentor douwe");
    expect(after).not.toContain("douwe@example.nl");
    await store.close();
  });

  it("plans a round from the stored state, then confirms its proposed teams", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype", "wytske"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    for (const k of [6, 7]) {
      (await submitIntake(ctx, intakeRaw(`in-${k}`), `key-${k}`, { id: "portal" }))._unsafeUnwrap();
      (await decideTriage(ctx, `in-${k}` as IntakeId, pm))._unsafeUnwrap();
    }
    const proposal = (
      await planRound(ctx, "ems-2026-12", new Date("2026-12-07T19:00:00.000Z"), pm)
    )._unsafeUnwrap();
    expect(proposal.teams).toHaveLength(2);
    expect(proposal.unstaffed).toEqual([]);
    const stored = (await store.get("rounds", "ems-2026-12"))._unsafeUnwrap();
    expect(stored?.value.proposal).toEqual(proposal);
    expect(stored?.value.plannedAt).toBeInstanceOf(Date);
    for (const t of proposal.teams) {
      const seats = t.team.map((m) => ({ mentorId: m.mentorId, role: m.role }));
      (await confirmAgreed(ctx, t.caseId, seats, pm))._unsafeUnwrap();
    }
    const again = (
      await planRound(ctx, "ems-2026-12", new Date("2026-12-07T19:00:00.000Z"), pm)
    )._unsafeUnwrap();
    expect(again.teams).toEqual([]);
    expect((await store.get("rounds", "ems-2026-12"))._unsafeUnwrap()?.version).toBe(2);
    await store.close();
  });

  it("mentors consent: a team is confirmed once all said yes; a no fills that seat at once and never returns", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype", "wytske", "sjoerd"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-c"), "key-c", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-c" as IntakeId, pm)).caseId as CaseId;
    const meeting = new Date("2026-12-07T19:00:00.000Z");
    const proposed = must(await planRound(ctx, "ems-2026-12", meeting, pm)).teams[0];
    if (proposed === undefined) throw new Error("expected a proposed team");
    const seats = proposed.team.map((m) => ({ mentorId: m.mentorId, role: m.role }));
    const [first, second, third] = seats.map((x) => x.mentorId) as [MentorId, MentorId, MentorId];

    // Nobody said yes yet: the team is a proposal, and the refusal names who is missing.
    const before = await dumpStore(store);
    expect(
      must(
        await confirmTeam(ctx, caseId, seats, pm)
          .map(() => "confirmed")
          .orElse((e) => ok(e)),
      ),
    ).toEqual({
      type: "ConsentMissing",
      caseId,
      mentorIds: [first, second, third],
    });
    expect(await dumpStore(store)).toBe(before);

    // Only the mentor answers for themselves; the manager records an answer with how it was given.
    expect(
      (
        await answerProposal(ctx, { caseId, mentorId: first, answer: "yes", roundId: "ems-2026-12" }, pm)
      )._unsafeUnwrapErr(),
    ).toEqual({ type: "ConsentRefused", caseId, mentorId: first, reason: "onBehalfNeedsReason" });
    const outsider = ["anke", "douwe", "froukje", "ype", "wytske", "sjoerd"].find(
      (id) => !seats.some((x) => x.mentorId === id),
    ) as MentorId;
    expect(
      (
        await answerProposal(
          ctx,
          { caseId, mentorId: outsider, answer: "yes", roundId: "ems-2026-12" },
          { id: outsider },
        )
      )._unsafeUnwrapErr(),
    ).toMatchObject({ type: "ConsentRefused", reason: "notProposed" });
    const yes = must(
      await answerProposal(
        ctx,
        { caseId, mentorId: first, answer: "yes", roundId: "ems-2026-12", onBehalf: "saidAtMeeting" },
        pm,
      ),
    );
    expect(yes.waitingFor).toEqual([second, third]);
    must(
      await answerProposal(
        ctx,
        { caseId, mentorId: second, answer: "yes", roundId: "ems-2026-12" },
        { id: second },
      ),
    );

    // The third says no: the seat is filled at once, the two who said yes stay, the newcomer is asked.
    const no = must(
      await answerProposal(
        ctx,
        { caseId, mentorId: third, answer: "no", roundId: "ems-2026-12" },
        { id: third },
      ),
    );
    const now = no.proposed;
    if (now === undefined) throw new Error("expected the seat filled");
    const onTeam = [now.lead, ...now.members];
    expect(onTeam).toEqual(expect.arrayContaining([first, second]));
    expect(onTeam).not.toContain(third);
    const newcomer = onTeam.find((id) => id !== first && id !== second) as MentorId;
    expect(no.waitingFor).toEqual([newcomer]);
    const round = must(await store.get("rounds", "ems-2026-12"))?.value.proposal;
    expect(round?.teams.find((t) => t.caseId === caseId)).toEqual(now);

    // Planning the meeting again never proposes the mentor who said no.
    for (let k = 0; k < 3; k++) {
      const again = must(await planRound(ctx, "ems-2026-12", meeting, pm, { seed: k + 2 }));
      expect(again.teams.flatMap((t) => [t.lead, ...t.members])).not.toContain(third);
    }
    const replanned = must(await store.get("rounds", "ems-2026-12"))?.value.proposal.teams[0];
    if (replanned === undefined) throw new Error("expected a team");
    const team = replanned.team.map((m) => ({ mentorId: m.mentorId, role: m.role }));
    for (const m of team.filter((x) => x.mentorId !== first && x.mentorId !== second))
      must(
        await answerProposal(
          ctx,
          { caseId, mentorId: m.mentorId, answer: "yes", roundId: "ems-2026-12" },
          { id: m.mentorId },
        ),
      );
    expect(must(await confirmTeam(ctx, caseId, team, pm)).state).toBe("active");

    const trail = must(await store.audit()).filter((e) => e.action === "answerProposal");
    expect(trail.slice(0, 3).map((e) => e.reason)).toEqual(["yes:saidAtMeeting", "yes", "no"]);
    expect(trail.slice(3).every((e) => e.reason === "yes")).toBe(true);
    const report = must(await programmeReport(ctx, new Date("2026-12-31T12:00:00.000Z")));
    expect(report.consent.no).toBe(1);
    expect(report.consent.onBehalf).toBe(1);
    expect(report.consent.yes).toBe(trail.length - 1);
    await store.close();
  });

  it("teams kept whole: between meetings the engine proposes the open seat at once, keeping the others", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype", "sjoerd"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-s"), "key-s", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-s" as IntakeId, pm)).caseId as CaseId;
    must(await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm));
    expect((await proposeReplacementFor(ctx, caseId))._unsafeUnwrapErr()).toEqual({
      type: "CaseNotInRound",
      caseId,
    });
    must(
      await changeTeam(
        ctx,
        caseId,
        { kind: "leave", mentorId: "froukje" as MentorId, reason: "steppedOff" },
        pm,
      ),
    );
    const before = await dumpStore(store);
    const offer = must(await proposeReplacementFor(ctx, caseId));
    expect(await dumpStore(store)).toBe(before); // a proposal, nothing applied
    if (offer.kind !== "team") throw new Error("expected a team");
    const seats = [offer.team.lead, ...offer.team.members];
    expect(seats).toEqual(expect.arrayContaining(["anke", "douwe"]));
    expect(seats).not.toContain("froukje");
    const newcomer = seats.find((m) => m !== "anke" && m !== "douwe") as MentorId;
    expect(["ype", "sjoerd"]).toContain(newcomer);
    await agree(ctx, caseId, [newcomer]);
    must(await changeTeam(ctx, caseId, { kind: "join", mentorId: newcomer, role: "member" }, pm));
    expect(must(await store.get("cases", caseId))?.value.needsReplacement).toBe(false);
    await store.close();
  });

  it("a refused confirmation leaves the store exactly as it was", async () => {
    const store = await make();
    const ctx = context(store);
    // Enough mentors without a conflict for triage to accept; froukje works for a competitor.
    for (const id of ["anke", "douwe", "ype"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    (
      await registerMentor(
        ctx,
        mentorRaw("froukje", { interests: [{ kind: "client", organisation: "Zuivel Noord" }] }),
        pm,
        "new",
      )
    )._unsafeUnwrap();
    (await submitIntake(ctx, intakeRaw("in-2"), "key-2", { id: "portal" }))._unsafeUnwrap();
    const caseId = (await decideTriage(ctx, "in-2" as IntakeId, pm))._unsafeUnwrap().caseId as CaseId;
    await agree(ctx, caseId, ["anke", "douwe", "froukje"]);
    const before = await dumpStore(store);
    const refused = await confirmTeam(ctx, caseId, team("anke", "douwe", "froukje"), pm);
    expect(refused._unsafeUnwrapErr()).toEqual({
      type: "TeamRefused",
      caseId,
      mentorId: "froukje",
      reason: "conflictOfInterest",
    });
    expect(await dumpStore(store)).toBe(before);
    const bad = await logSession(
      ctx,
      {
        id: "s-9",
        kind: "case",
        caseId,
        on: "2026-12-01T18:00:00.000Z",
        minutes: 3,
        mode: "video",
        mentors: [],
        menteePresent: true,
        noteAuthor: "anke",
      },
      pm,
    );
    expect(bad._unsafeUnwrapErr().type).toBe("ValidationFailed");
    expect(await dumpStore(store)).toBe(before);
    await store.close();
  });

  it("ten confirmations racing for one mentor's last place: exactly one succeeds", async () => {
    const store = await make();
    const ctx = {
      ...context(store),
      profile: { ...friesland, meeting: { ...friesland.meeting, newCasesPerMeeting: 20 } },
    };
    (
      await registerMentor(
        ctx,
        mentorRaw("scarce", { capacity: { maxCases: 1, monthlyHours: 1.5 } }),
        pm,
        "new",
      )
    )._unsafeUnwrap();
    for (let k = 0; k < 20; k++) (await registerMentor(ctx, mentorRaw(`m-${k}`), pm, "new"))._unsafeUnwrap();
    const cases: CaseId[] = [];
    for (let k = 0; k < 10; k++) {
      (await submitIntake(ctx, intakeRaw(`in-r${k}`), `key-r${k}`, { id: "portal" }))._unsafeUnwrap();
      cases.push((await decideTriage(ctx, `in-r${k}` as IntakeId, pm))._unsafeUnwrap().caseId as CaseId);
    }
    const results = await Promise.all(
      cases.map((c, k) => confirmAgreed(ctx, c, team("scarce", `m-${2 * k}`, `m-${2 * k + 1}`), pm)),
    );
    expect(results.filter((r) => r.isOk())).toHaveLength(1);
    for (const r of results)
      if (r.isErr())
        expect(r.error).toMatchObject({ type: "TeamRefused", mentorId: "scarce", reason: "atCapacity" });
    const confirmed = (await store.list("cases"))._unsafeUnwrap().filter((c) => c.value.state === "active");
    expect(confirmed).toHaveLength(1);
    await store.close();
  });
  it("keeps the programme's profile with its data: init once, open anywhere", async () => {
    const store = await make();
    const clock = () => new Date("2026-12-01T09:00:00.000Z");
    const newId = () => "x";
    expect((await openProgramme(store, { clock, newId }))._unsafeUnwrapErr()).toEqual({
      type: "NotFound",
      collection: "settings",
      id: "programme",
    });
    expect(
      (await initProgramme(store, { ...friesland, team: { minSize: 4, maxSize: 2 } }, pm, clock)).isErr(),
    ).toBe(true);
    (await initProgramme(store, friesland, pm, clock))._unsafeUnwrap();
    const before = await dumpStore(store);
    expect((await initProgramme(store, vms, pm, clock))._unsafeUnwrapErr()).toMatchObject({
      type: "StoreConflict",
      collection: "settings",
    });
    expect(await dumpStore(store)).toBe(before);
    const opened = (await openProgramme(store, { clock, newId }))._unsafeUnwrap();
    expect(opened.profile).toEqual(friesland);
    expect((await store.audit())._unsafeUnwrap().map((e) => e.action)).toEqual(["initProgramme"]);
    await store.close();
  });
  it("reports a month from the programme's first to next month, and refuses any other at no cost", async () => {
    const store = await make();
    const clock = () => new Date("2026-12-01T09:00:00.000Z");
    (await initProgramme(store, friesland, pm, clock))._unsafeUnwrap();
    const ctx = (await openProgramme(store, { clock, newId: () => "x" }))._unsafeUnwrap();
    for (const asOf of ["2026-12-01T00:00:00.000Z", "2026-12-31T23:59:59.999Z", "2027-01-31T23:59:59.999Z"])
      expect((await programmeReport(ctx, new Date(asOf))).isOk(), asOf).toBe(true);
    for (const asOf of [
      "9999-12-31T23:59:59.999Z",
      "2027-02-01T00:00:00.000Z",
      "2026-11-30T23:59:59.999Z",
      "1900-01-01T00:00:00.000Z",
    ]) {
      const error = (await programmeReport(ctx, new Date(asOf)))._unsafeUnwrapErr();
      expect(error, asOf).toMatchObject({
        type: "ValidationFailed",
        subject: "programmeReport",
        issues: [{ path: "asOf", message: "a report is for a month from 2026-12 to 2027-01" }],
      });
    }
    await store.close();
  });
  it("imports mentors all or nothing: a bad row or a taken id leaves the store as it was", async () => {
    const store = await make();
    const ctx = context(store);
    (await registerMentor(ctx, mentorRaw("taken"), pm, "new"))._unsafeUnwrap();
    const before = await dumpStore(store);
    const bad = (
      await registerMentors(
        ctx,
        [mentorRaw("a1"), mentorRaw("a2", { capacity: { maxCases: -1 } }), mentorRaw("a1")],
        pm,
      )
    )._unsafeUnwrapErr();
    expect(bad.type).toBe("ValidationFailed");
    if (bad.type === "ValidationFailed") {
      expect(bad.issues.map((i) => i.path)).toContain("1.capacity.maxCases");
      expect(bad.issues.map((i) => i.path)).toContain("2.id");
    }
    // An id of another mentor: refused, the row named, nothing written.
    const other = (
      await registerMentors(ctx, [mentorRaw("b1"), mentorRaw("taken", { name: "Someone Else" })], pm)
    )._unsafeUnwrapErr();
    expect(other).toMatchObject({
      type: "ValidationFailed",
      issues: [{ path: "1.id", params: { rule: "idTaken" } }],
    });
    expect(describeError(other, "nl")).toContain("dit kenmerk hoort al bij een andere mentor");
    expect(await dumpStore(store)).toBe(before);
    // A preview answers as the import will, and writes nothing.
    const preview = (
      await registerMentors(ctx, [mentorRaw("b1"), mentorRaw("b2"), mentorRaw("taken")], pm, { dryRun: true })
    )._unsafeUnwrap();
    expect(preview.imported.map((m) => m.id)).toEqual(["b1", "b2"]);
    expect(preview.alreadyThere).toEqual(["taken"]);
    expect(await dumpStore(store)).toBe(before);
    const previewBad = await registerMentors(ctx, [mentorRaw("taken", { name: "Someone Else" })], pm, {
      dryRun: true,
    });
    expect(previewBad._unsafeUnwrapErr()).toMatchObject({ issues: [{ path: "0.id" }] });
    // The same mentor again (the same file imported twice): reported as already there, not written.
    const done = (
      await registerMentors(ctx, [mentorRaw("b1"), mentorRaw("b2"), mentorRaw("taken")], pm)
    )._unsafeUnwrap();
    expect(done.imported.map((m) => m.id)).toEqual(["b1", "b2"]);
    expect(done.alreadyThere).toEqual(["taken"]);
    const again = (await registerMentors(ctx, [mentorRaw("b1"), mentorRaw("b2")], pm))._unsafeUnwrap();
    expect(again).toEqual({ imported: [], alreadyThere: ["b1", "b2"] });
    expect((await store.list("mentors"))._unsafeUnwrap()).toHaveLength(3);
    await store.close();
  });
  it("deciding again changes nothing; an override moves the waiting case with the decision", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    (await submitIntake(ctx, intakeRaw("in-o"), "key-o", { id: "portal" }))._unsafeUnwrap();
    const first = (await decideTriage(ctx, "in-o" as IntakeId, pm))._unsafeUnwrap();
    expect(first.caseId).toBeDefined();
    const before = await dumpStore(store);
    expect((await decideTriage(ctx, "in-o" as IntakeId, pm))._unsafeUnwrap()).toEqual(first);
    expect(await dumpStore(store)).toBe(before);

    const referred = (
      await decideTriage(ctx, "in-o" as IntakeId, pm, {
        outcome: { kind: "refer", partnerId: "ynbusiness" as PartnerId },
        reason: "Financing first",
      })
    )._unsafeUnwrap();
    expect(referred.referralId).toBeDefined();
    const closed = (await store.get("cases", first.caseId as string))._unsafeUnwrap()?.value;
    expect(closed?.state).toBe("closed");
    expect(closed?.closed?.reason).toBe("referred");

    const again = (
      await decideTriage(ctx, "in-o" as IntakeId, pm, {
        outcome: { kind: "accept" },
        reason: "Fits after all",
      })
    )._unsafeUnwrap();
    expect(again.caseId).toBeDefined();
    expect(again.caseId).not.toBe(first.caseId);
    const kept = (
      await decideTriage(ctx, "in-o" as IntakeId, pm, { outcome: { kind: "accept" }, reason: "Still fits" })
    )._unsafeUnwrap();
    expect(kept.caseId).toBe(again.caseId);
    const open = (await store.list("cases"))._unsafeUnwrap().filter((c) => c.value.state !== "closed");
    expect(open.map((c) => c.value.id)).toEqual([again.caseId]);

    (await confirmAgreed(ctx, again.caseId as CaseId, team("anke", "douwe", "froukje"), pm))._unsafeUnwrap();
    const settled = await dumpStore(store);
    expect(
      (
        await decideTriage(ctx, "in-o" as IntakeId, pm, { outcome: { kind: "oneOff" }, reason: "Too late" })
      )._unsafeUnwrapErr(),
    ).toMatchObject({ type: "IllegalTransition", state: "active" });
    expect(await dumpStore(store)).toBe(settled);
    await store.close();
  });
  it("teams kept whole: the lead leaves, a member takes over and logs; a recused mentor never returns", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await registerMentor(ctx, { ...mentorRaw("sjoerd"), leadQualified: false }, pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-w"), "key-w", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-w" as IntakeId, pm)).caseId as CaseId;
    must(await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm));

    // The lead steps off: douwe, the first remaining member who may lead, takes over at once.
    const left = must(
      await changeTeam(
        ctx,
        caseId,
        { kind: "leave", mentorId: "anke" as MentorId, reason: "steppedOff" },
        pm,
      ),
    );
    expect(currentTeam(left).map((m) => [m.mentorId, m.role])).toEqual([
      ["froukje", "member"],
      ["douwe", "lead"],
    ]);
    expect(left.needsReplacement).toBe(true);
    const session = (lead: string, other: string, id: string) =>
      logSession(
        ctx,
        {
          id,
          kind: "case",
          caseId,
          on: "2026-12-01T18:00:00.000Z",
          minutes: 60,
          mode: "video",
          mentors: [lead, other],
          menteePresent: true,
          noteAuthor: lead,
        },
        { id: lead },
      );
    must(await session("douwe", "froukje", "s-w1"));

    // froukje is recused: she never joins this case again; a non-qualified member is refused as lead.
    must(
      await changeTeam(
        ctx,
        caseId,
        { kind: "leave", mentorId: "froukje" as MentorId, reason: "recused" },
        pm,
      ),
    );
    await agree(ctx, caseId, ["froukje", "sjoerd", "ype"]);
    expect(
      (
        await changeTeam(ctx, caseId, { kind: "join", mentorId: "froukje" as MentorId, role: "member" }, pm)
      )._unsafeUnwrapErr(),
    ).toMatchObject({ type: "TeamChangeRefused", reason: "recused" });
    must(await changeTeam(ctx, caseId, { kind: "join", mentorId: "sjoerd" as MentorId, role: "member" }, pm));
    // douwe steps off too: sjoerd may not lead, so nobody takes over; the manager names ype.
    const leaderless = must(
      await changeTeam(
        ctx,
        caseId,
        { kind: "leave", mentorId: "douwe" as MentorId, reason: "steppedOff" },
        pm,
      ),
    );
    expect(currentTeam(leaderless).some((m) => m.role === "lead")).toBe(false);
    expect(
      (
        await changeTeam(ctx, caseId, { kind: "lead", mentorId: "sjoerd" as MentorId }, pm)
      )._unsafeUnwrapErr(),
    ).toMatchObject({ type: "TeamRefused", reason: "notLeadQualified" });
    must(await changeTeam(ctx, caseId, { kind: "join", mentorId: "ype" as MentorId, role: "lead" }, pm));
    must(await session("ype", "sjoerd", "s-w2"));
    const trail = must(await store.audit()).filter((e) => e.subject.id === caseId);
    expect(trail.map((e) => [e.action, e.reason])).toContainEqual(["leadHandedOver", "leadLeft"]);
    await store.close();
  });
  it("teams kept whole: the next round fills a short team's open seat, never with who recused", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype", "sjoerd", "tjitske", "hinke"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-r"), "key-r", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-r" as IntakeId, pm)).caseId as CaseId;
    must(await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm));
    must(
      await changeTeam(ctx, caseId, { kind: "leave", mentorId: "douwe" as MentorId, reason: "recused" }, pm),
    );
    // A new case waits for the same meeting: re-staffing does not take its place.
    must(await submitIntake(ctx, intakeRaw("in-n"), "key-n", { id: "portal" }));
    const newCase = must(await decideTriage(ctx, "in-n" as IntakeId, pm)).caseId as CaseId;

    const proposal = must(await planRound(ctx, "round-2027-01", new Date("2027-01-05T19:00:00Z"), pm));
    const refill = proposal.teams.find((t) => t.caseId === caseId);
    expect(refill).toBeDefined();
    const seats = (refill?.team ?? []).map((m) => m.mentorId as string);
    expect(seats).toContain("anke");
    expect(seats).toContain("froukje");
    expect(seats).not.toContain("douwe");
    expect(seats).toHaveLength(3);
    expect(proposal.teams.some((t) => t.caseId === newCase)).toBe(true);

    const whole = must(
      await confirmAgreed(
        ctx,
        caseId,
        (refill?.team ?? []).map((m) => ({ mentorId: m.mentorId, role: m.role })),
        pm,
      ),
    );
    expect(whole.needsReplacement).toBe(false);
    expect(
      currentTeam(whole)
        .map((m) => m.mentorId as string)
        .sort(),
    ).toEqual([...seats].sort());
    expect(currentTeam(whole).find((m) => m.role === "lead")?.mentorId).toBe("anke");
    const trail = (await store.audit())._unsafeUnwrap();
    expect(trail.at(-1)).toMatchObject({ action: "confirmTeam", reason: "replacement" });
    // Confirming the team it has again: nothing changes, and it succeeds (a repeat is harmless).
    const unchanged = await dumpStore(store);
    const again = currentTeam(whole).map((m) => ({ mentorId: m.mentorId, role: m.role }));
    expect((await confirmTeam(ctx, caseId, again, pm))._unsafeUnwrap()).toEqual(whole);
    expect(await dumpStore(store)).toBe(unchanged);
    // Another team for a case whose team is whole: refused, the case already running.
    const others = ["douwe", "sjoerd", "tjitske", "hinke"].filter(
      (id) => !again.some((m) => m.mentorId === id),
    );
    expect(
      (
        await confirmTeam(ctx, caseId, team("anke", ...(others.slice(0, 2) as [string, string])), pm)
      )._unsafeUnwrapErr(),
    ).toMatchObject({ type: "IllegalTransition", state: "active", event: "teamConfirmed" });
    await store.close();
  });
  it("no case waits unseen: a case a meeting could not staff is due, holds no place, and comes back when planned again", async () => {
    const store = await make();
    let now = new Date("2026-12-01T09:00:00.000Z");
    let n = 0;
    const ctx: ProgrammeContext = {
      store,
      profile: friesland,
      clock: () => now,
      newId: (k) => `${k}-${++n}`,
    };
    const mentors = ["anke", "douwe", "froukje", "ype", "sjoerd"];
    for (const id of mentors) must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-d"), "key-d", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-d" as IntakeId, pm)).caseId as CaseId;
    // The meeting on 7 December can staff nobody for it (every mentor kept off by the manager).
    const meeting = new Date("2026-12-07T19:00:00.000Z");
    const keptOff = mentors.map((id) => ({ mentorId: id as MentorId, caseId, kind: "exclude" as const }));
    const first = must(await planRound(ctx, "round-2026-12", meeting, pm, { pins: keptOff }));
    expect(first.unstaffed).toContain(caseId);
    expect(must(await casesDue(ctx))).toEqual([]); // before the meeting, nothing is due

    now = new Date("2026-12-08T09:00:00.000Z");
    const due = must(await casesDue(ctx));
    expect(due.map((d) => [d.caseId, d.meetingsMissed])).toEqual([[caseId, [meeting]]]);
    expect(due[0]?.diagnosis.length).toBeGreaterThan(0);
    let report = must(await programmeReport(ctx, new Date("2026-12-31T23:00:00.000Z")));
    expect(report.cases.waitedPastMeeting).toMatchObject({ count: 1, cases: [caseId] });
    expect(report.cases.waitedPastMeeting.longestDays).toBeGreaterThanOrEqual(23);

    // It holds no place at the next meeting: a new intake sees the whole quota, and the next
    // round plans the new case, not the due one.
    must(await submitIntake(ctx, intakeRaw("in-e"), "key-e", { id: "portal" }));
    const next = must(await decideTriage(ctx, "in-e" as IntakeId, pm));
    expect(next.decision.context.placesLeft).toBe(friesland.meeting.newCasesPerMeeting);
    const january = must(await planRound(ctx, "round-2027-01", new Date("2027-01-04T19:00:00Z"), pm));
    const planned = [...january.teams.map((t) => t.caseId), ...january.unstaffed, ...january.overQuota];
    expect(planned).toContain(next.caseId);
    expect(planned).not.toContain(caseId);

    // The manager plans it once more, with a reason: it is no longer due and the next round has it.
    must(await holdOver(ctx, caseId, "menteeAgreed", pm));
    expect(must(await casesDue(ctx))).toEqual([]);
    const again = must(await planRound(ctx, "round-2027-01", new Date("2027-01-04T19:00:00Z"), pm));
    expect(again.teams.map((t) => t.caseId)).toContain(caseId);
    report = must(await programmeReport(ctx, new Date("2026-12-31T23:00:00.000Z")));
    expect(report.cases.waitedPastMeeting.count).toBe(0);
    expect((await store.audit())._unsafeUnwrap().at(-2)).toMatchObject({
      action: "holdOver",
      reason: "menteeAgreed",
    });
    expect((await holdOver(ctx, next.caseId as CaseId, "bored" as never, pm))._unsafeUnwrapErr().type).toBe(
      "ValidationFailed",
    );
    await store.close();
  });
  it("a returning venture's link names a closed case of the programme, or the intake is refused", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-a"), "key-a", { id: "portal" }));
    const earlier = must(await decideTriage(ctx, "in-a" as IntakeId, pm)).caseId as CaseId;
    must(await confirmAgreed(ctx, earlier, team("anke", "douwe", "froukje"), pm));
    const returning = (previousCaseId: string, id: string) => ({ ...intakeRaw(id), previousCaseId });
    const before = await dumpStore(store);
    for (const [link, says] of [
      ["case-nope", "names no case"],
      [earlier, "has not ended"],
    ] as const) {
      const refused = (
        await submitIntake(ctx, returning(link, "in-b"), `key-${link}`, { id: "portal" })
      )._unsafeUnwrapErr();
      expect(refused).toMatchObject({ type: "ValidationFailed", issues: [{ path: "previousCaseId" }] });
      expect(JSON.stringify(refused)).toContain(says);
    }
    expect(await dumpStore(store)).toBe(before);
    must(await closeCase(ctx, earlier, "questionResolved", pm));
    const accepted = must(await submitIntake(ctx, returning(earlier, "in-b"), "key-b", { id: "portal" }));
    expect(accepted.intake.previousCaseId).toBe(earlier);
    await store.close();
  });
  it("a returning venture is recognised at intake, linked to its closed case, and a second open case needs the manager", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    const venture = (id: string, name: string, over: Record<string, unknown> = {}) => ({
      ...intakeRaw(id).venture,
      name,
      ...over,
    });
    must(
      await submitIntake(
        ctx,
        intakeRaw("in-r1", {
          venture: venture("in-r1", "Kaasmakerij Dokkum B.V.", { registrationNumber: "12345678" }),
        }),
        "key-r1",
        { id: "portal" },
      ),
    );
    const first = must(await decideTriage(ctx, "in-r1" as IntakeId, pm)).caseId as CaseId;
    must(await confirmAgreed(ctx, first, team("anke", "douwe", "froukje"), pm));
    must(await closeCase(ctx, first, "questionResolved", pm));

    // A year later, without the link: the same name written otherwise and the same e-mail address.
    const back = must(
      await submitIntake(
        ctx,
        intakeRaw("in-r2", { venture: venture("in-r2", "kaasmakerij  DOKKUM bv") }),
        "key-r2",
        { id: "portal" },
      ),
    );
    expect(back.seenBefore).toEqual({ intakes: ["in-r1"], closedCases: [first], openCases: [] });
    // Another venture of the same mentee is not this one.
    const other = must(
      await submitIntake(ctx, intakeRaw("in-x", { venture: venture("in-x", "Zeilmakerij Sneek") }), "key-x", {
        id: "portal",
      }),
    );
    expect(other.seenBefore.intakes).toEqual([]);
    // The link names a closed case of the programme, never an open or unknown one.
    expect(
      (await linkPreviousCase(ctx, "in-r2" as IntakeId, "case-nope" as CaseId, pm))._unsafeUnwrapErr(),
    ).toMatchObject({ type: "ValidationFailed", issues: [{ path: "previousCaseId" }] });
    expect(must(await linkPreviousCase(ctx, "in-r2" as IntakeId, first, pm)).previousCaseId).toBe(first);
    const second = must(await decideTriage(ctx, "in-r2" as IntakeId, pm)).caseId as CaseId;
    expect(must(await store.get("cases", second))?.value.previousCaseId).toBe(first);
    // Its former mentors keep their continuity at the meeting.
    const planned = must(await planRound(ctx, "ems-r", new Date("2026-12-07T19:00:00.000Z"), pm)).teams.find(
      (t) => t.caseId === second,
    );
    const former = planned?.team.filter((m) => ["anke", "douwe", "froukje"].includes(m.mentorId)) ?? [];
    expect(former.length).toBeGreaterThan(0);
    expect(former.every((m) => m.score.continuity > 0)).toBe(true);

    // The same venture by its registration number, while its second case is open: the rules alone do
    // not open a third; the manager confirms it with a reason.
    must(
      await submitIntake(
        ctx,
        intakeRaw("in-r3", {
          mentee: { name: "Pieter de Vries", email: "pieter@example.nl" },
          venture: venture("in-r3", "Dokkumer Kaas", { registrationNumber: "1234 5678" }),
        }),
        "key-r3",
        { id: "portal" },
      ),
    );
    const before = await dumpStore(store);
    const third = await decideTriage(ctx, "in-r3" as IntakeId, pm);
    if (third.isOk()) throw new Error(JSON.stringify(third.value.decision.outcome));
    expect(third.error).toEqual({
      type: "VentureHasOpenCase",
      intakeId: "in-r3",
      caseIds: [second],
    });
    expect(await dumpStore(store)).toBe(before);
    const confirmed = must(
      await decideTriage(ctx, "in-r3" as IntakeId, pm, {
        outcome: { kind: "accept" },
        reason: "A separate export question; the running case is about succession.",
      }),
    );
    expect(confirmed.caseId).toBeDefined();
    await store.close();
  });

  it("the intake says what triage needs: work wanted gets advice, a crisis goes to the desk, outside the region to the national desk", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-w", { seeks: "workDone" }), "key-w", { id: "portal" }));
    const work = must(await decideTriage(ctx, "in-w" as IntakeId, pm));
    expect(work.decision.outcome).toEqual({ kind: "notReady", advice: "hireForTheWork" });
    expect(work.caseId).toBeUndefined();
    must(
      await submitIntake(
        ctx,
        intakeRaw("in-c", {
          question: { summary: "Our bank calls in the loan.", topics: [{ topic: "crisis", weight: 3 }] },
        }),
        "key-c",
        { id: "portal" },
      ),
    );
    const crisis = must(await decideTriage(ctx, "in-c" as IntakeId, pm));
    expect(crisis.decision.outcome).toEqual({ kind: "refer", partnerId: "ynbusiness" });
    must(
      await submitIntake(
        ctx,
        intakeRaw("in-o", { venture: { ...intakeRaw("in-o").venture, region: "groningen" } }),
        "key-o",
        { id: "portal" },
      ),
    );
    const outside = must(await decideTriage(ctx, "in-o" as IntakeId, pm));
    expect(outside.decision.outcome).toEqual({ kind: "refer", partnerId: "kvk" });
    const referral = must(await store.get("referrals", outside.referralId as string))?.value;
    expect(referral).toMatchObject({ partnerId: "kvk", followUp: { status: "pending" } });
    const report = must(await programmeReport(ctx, new Date("2026-12-31T12:00:00.000Z")));
    expect(report.intake.outcomes).toMatchObject({ notReady: 1, refer: 2, accept: 0 });
    expect(report.intake.referralsByPartner).toMatchObject({ kvk: 1, ynbusiness: 1 });
    await store.close();
  });

  it("ethics enforced: a recorded gift suspends the mentor from matching until the manager resolves it", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype", "sjoerd"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-g"), "key-g", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-g" as IntakeId, pm)).caseId as CaseId;
    must(await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm));
    const venture = (await store.get("intakes", "in-g"))._unsafeUnwrap()?.value.venture.id as VentureId;

    const recorded = must(
      await recordEthicsViolation(
        ctx,
        { mentorId: "anke" as MentorId, ventureId: venture, kind: "gift", on: new Date("2026-12-03") },
        pm,
      ),
    );
    expect(recorded.violation).toMatchObject({ type: "EthicsViolation", kind: "gift" });
    expect(recorded.casesToReview).toEqual([caseId]);
    const held = (await store.get("mentors", "anke"))._unsafeUnwrap()?.value;
    expect(held?.ethicsHold).toMatchObject({ kind: "gift", ventureId: venture });
    // An update of the mentor's record neither sets nor clears the hold.
    const version = (await store.get("mentors", "anke"))._unsafeUnwrap()?.version as number;
    must(await registerMentor(ctx, { ...mentorRaw("anke"), name: "Anke de Boer-Visser" }, pm, version));
    expect((await store.get("mentors", "anke"))._unsafeUnwrap()?.value.ethicsHold).toBeDefined();

    // Not matchable: another confirmation with her is refused, and no round proposes her.
    must(await submitIntake(ctx, intakeRaw("in-h"), "key-h", { id: "portal" }));
    const other = must(await decideTriage(ctx, "in-h" as IntakeId, pm)).caseId as CaseId;
    expect(
      (await confirmAgreed(ctx, other, team("anke", "ype", "sjoerd"), pm))._unsafeUnwrapErr(),
    ).toMatchObject({ type: "TeamRefused", mentorId: "anke", reason: "notMatchable" });
    const proposal = must(await planRound(ctx, "round-2027-01", new Date("2027-01-04T19:00:00Z"), pm));
    expect(proposal.teams.flatMap((t) => t.team.map((m) => m.mentorId))).not.toContain("anke");

    // Resolved: matchable again.
    must(await resolveEthicsHold(ctx, "anke" as MentorId, "benefitReturned", pm));
    expect((await store.get("mentors", "anke"))._unsafeUnwrap()?.value.ethicsHold).toBeUndefined();
    must(await confirmAgreed(ctx, other, team("anke", "ype", "sjoerd"), pm));
    const trail = (await store.audit())._unsafeUnwrap();
    expect(trail.map((e) => [e.action, e.reason])).toEqual(
      expect.arrayContaining([
        ["recordEthicsViolation", "gift"],
        ["reviewCase", "ethicsViolation"],
        ["resolveEthicsHold", "benefitReturned"],
      ]),
    );
    await store.close();
  });
  it("triage asks whether a team can cover the question's heaviest topic, without conflicted mentors", async () => {
    const store = await make();
    const ctx = context(store);
    // Four mentors for leadership and strategy; the only succession mentor supplies the venture.
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(
      await registerMentor(
        ctx,
        mentorRaw("sjoerd", {
          expertise: [{ topic: "succession", level: 3 }],
          interests: [{ kind: "supplier", organisation: "Kaasmakerij in-s" }],
        }),
        pm,
        "new",
      ),
    );
    const succession = intakeRaw("in-s", {
      question: {
        summary: "Who takes over the firm?",
        topics: [
          { topic: "succession", weight: 3 },
          { topic: "strategy", weight: 1 },
        ],
      },
    });
    must(await submitIntake(ctx, succession, "key-s", { id: "portal" }));
    const decided = must(await decideTriage(ctx, "in-s" as IntakeId, pm));
    // The side topic is coverable, the core one only by a conflicted mentor: no team, no case.
    expect(decided.decision.context.network).toEqual({ canStaff: false, shortTopics: ["succession"] });
    expect(decided.decision.outcome.kind).not.toBe("accept");
    expect(decided.caseId).toBeUndefined();
    await store.close();
  });
  it("a conflict the programme records keeps the mentor off the venture's team: triage, planning, confirmation", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    const venture = "v-in-c" as VentureId;
    const first = must(
      await recordConflict(ctx, { mentorId: "anke" as MentorId, ventureId: venture, reason: "family" }, pm),
    );
    expect(first.casesToReview).toEqual([]);
    // Recording it again changes nothing.
    const before = await dumpStore(store);
    must(
      await recordConflict(ctx, { mentorId: "anke" as MentorId, ventureId: venture, reason: "family" }, pm),
    );
    expect(await dumpStore(store)).toBe(before);

    must(await submitIntake(ctx, intakeRaw("in-c"), "key-c", { id: "portal" }));
    const caseId = must(await decideTriage(ctx, "in-c" as IntakeId, pm)).caseId as CaseId;
    expect(
      (await confirmAgreed(ctx, caseId, team("anke", "douwe", "froukje"), pm))._unsafeUnwrapErr(),
    ).toMatchObject({ type: "TeamRefused", mentorId: "anke", reason: "conflictOfInterest" });
    const proposal = must(await planRound(ctx, "round-2027-01", new Date("2027-01-04T19:00:00Z"), pm));
    const proposed = proposal.teams.find((t) => t.caseId === caseId);
    expect(proposed?.team.map((m) => m.mentorId)).not.toContain("anke");
    must(await confirmAgreed(ctx, caseId, team("douwe", "froukje", "ype"), pm));
    // With anke kept off, three mentors are left: a second question from the venture still has a
    // team; with douwe conflicted too, triage sees that no team of three can be formed.
    must(
      await recordConflict(
        ctx,
        { mentorId: "douwe" as MentorId, ventureId: venture, reason: "business" },
        pm,
      ),
    );
    const review = must(
      await recordConflict(
        ctx,
        { mentorId: "douwe" as MentorId, ventureId: venture, reason: "business" },
        pm,
      ),
    );
    expect(review.casesToReview).toEqual([caseId]);
    must(
      await submitIntake(
        ctx,
        intakeRaw("in-c2", { venture: { ...intakeRaw("in-c2").venture, id: venture } }),
        "key-c2",
        { id: "portal" },
      ),
    );
    const second = must(await decideTriage(ctx, "in-c2" as IntakeId, pm));
    expect(second.decision.context.network.canStaff).toBe(false);
    await store.close();
  });
  it("a one-off conversation is recorded against the intake that was offered one, and erased with the mentee", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      must(await registerMentor(ctx, mentorRaw(id), pm, "new"));
    must(await submitIntake(ctx, intakeRaw("in-o1"), "key-o1", { id: "portal" }));
    must(
      await decideTriage(ctx, "in-o1" as IntakeId, pm, {
        outcome: { kind: "oneOff" },
        reason: "One talk will do",
      }),
    );
    const talk = (id: string, intakeId: string) => ({
      id,
      kind: "oneOff",
      intakeId,
      on: "2026-12-01T18:00:00.000Z",
      minutes: 90,
      mode: "inPerson",
      mentors: ["anke"],
      menteePresent: true,
      noteAuthor: "anke",
      note: "Talked about the cheese dairy's new managers",
    });
    must(await logSession(ctx, talk("s-o1", "in-o1"), { id: "anke" }));
    expect((await store.find("sessions", "intake", "in-o1"))._unsafeUnwrap().map((x) => x.value.id)).toEqual([
      "s-o1",
    ]);
    // An intake that was accepted, not offered a one-off conversation, is refused; so is no intake.
    must(await submitIntake(ctx, intakeRaw("in-o2"), "key-o2", { id: "portal" }));
    must(await decideTriage(ctx, "in-o2" as IntakeId, pm));
    expect((await logSession(ctx, talk("s-o2", "in-o2"), { id: "anke" }))._unsafeUnwrapErr()).toMatchObject({
      type: "SessionRefused",
      reason: "noOneOffOffered",
    });
    expect((await logSession(ctx, talk("s-o3", "in-none"), { id: "anke" }))._unsafeUnwrapErr().type).toBe(
      "NotFound",
    );
    const report = must(await programmeReport(ctx, new Date("2026-12-31T23:00:00.000Z")));
    expect(report.sessions.oneOff).toBe(1);
    expect(report.hours.oneOffHours).toBe(1.5);
    // The mentee's data includes the conversation, and erasing them erases its note.
    const mine = must(await exportPerson(ctx, { kind: "mentee", email: "sjoukje@example.nl" }));
    expect(mine.sessions.map((x) => x.id)).toContain("s-o1");
    must(await erasePerson(ctx, { kind: "mentee", email: "sjoukje@example.nl" }, pm));
    expect(JSON.stringify(await dumpStore(store))).not.toContain("cheese dairy");
    await store.close();
  });
  it("an override withdraws the referral the rules made, and the audit says the manager overrode", async () => {
    const store = await make();
    const ctx = context(store);
    for (const id of ["anke", "douwe", "froukje", "ype"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    const exportIntake = {
      ...intakeRaw("in-x"),
      question: { summary: "Export to Germany?", topics: [{ topic: "export", weight: 3 }] },
    };
    (await submitIntake(ctx, exportIntake, "key-x", { id: "portal" }))._unsafeUnwrap();
    const referred = (await decideTriage(ctx, "in-x" as IntakeId, pm))._unsafeUnwrap();
    expect(referred.decision.outcome).toEqual({ kind: "refer", partnerId: "oranjewoud-export-academy" });
    const referralId = referred.referralId as string;

    // Overridden to another partner: the first referral is withdrawn, a new one made.
    const elsewhere = (
      await decideTriage(ctx, "in-x" as IntakeId, pm, {
        outcome: { kind: "refer", partnerId: "ynbusiness" as PartnerId },
        reason: "Financing before export, says Hinke de Vries",
      })
    )._unsafeUnwrap();
    expect(elsewhere.referralId).toBeDefined();
    expect(elsewhere.referralId).not.toBe(referralId);
    // The same override again keeps that referral: no second one to the same partner.
    const same = (
      await decideTriage(ctx, "in-x" as IntakeId, pm, {
        outcome: { kind: "refer", partnerId: "ynbusiness" as PartnerId },
        reason: "Still financing first",
      })
    )._unsafeUnwrap();
    expect(same.referralId).toBe(elsewhere.referralId);

    // Overridden into a one-off conversation: no pending referral is left, and the report counts none.
    const oneOff = (
      await decideTriage(ctx, "in-x" as IntakeId, pm, {
        outcome: { kind: "oneOff" },
        reason: "A talk will do",
      })
    )._unsafeUnwrap();
    expect(oneOff.referralId).toBeUndefined();
    const referrals = (await store.find("referrals", "intake", "in-x"))._unsafeUnwrap().map((r) => r.value);
    expect(referrals.map((r) => [r.partnerId, r.followUp.status]).sort()).toEqual([
      ["oranjewoud-export-academy", "withdrawn"],
      ["ynbusiness", "withdrawn"],
    ]);
    const report = (await programmeReport(ctx, new Date("2026-12-31T23:00:00.000Z")))._unsafeUnwrap();
    expect(report.intake).toMatchObject({
      requests: 1,
      outcomes: { oneOff: 1, refer: 0 },
      referralsByPartner: {},
      overridden: 1,
    });
    // A retry answers with the decision alone: no withdrawn referral.
    expect((await decideTriage(ctx, "in-x" as IntakeId, pm))._unsafeUnwrap()).toEqual({
      decision: oneOff.decision,
    });

    const trail = (await store.audit())._unsafeUnwrap();
    const overrides = trail.filter((e) => e.action === "overrideTriage");
    expect(overrides).toHaveLength(3);
    for (const e of overrides) expect(e.reason).toBe("managerOverride");
    expect(trail.filter((e) => e.action === "withdrawReferral").map((e) => e.subject.id)).toEqual([
      referralId,
      elsewhere.referralId,
    ]);
    // The manager's words are on the decision (erasable), never in the append-only trail.
    expect(JSON.stringify(trail)).not.toContain("Hinke");
    await store.close();
  });
  it("retention: purges mentee data months after the case closed, with a dry run; open cases stay", async () => {
    const store = await make();
    let now = new Date("2026-12-01T09:00:00.000Z");
    let n = 0;
    const ctx: ProgrammeContext = {
      store,
      profile: { ...friesland, retention: { months: 12 } },
      clock: () => now,
      newId: (kind) => `${kind}-r${++n}`,
    };
    for (const id of ["anke", "douwe", "froukje", "ype"])
      (await registerMentor(ctx, mentorRaw(id), pm, "new"))._unsafeUnwrap();
    const ids: CaseId[] = [];
    for (const k of [1, 2]) {
      (
        await submitIntake(
          ctx,
          { ...intakeRaw(`in-p${k}`), mentee: { name: `Mentee ${k}`, email: `p${k}@example.nl` } },
          `key-p${k}`,
          { id: "portal" },
        )
      )._unsafeUnwrap();
      ids.push((await decideTriage(ctx, `in-p${k}` as IntakeId, pm))._unsafeUnwrap().caseId as CaseId);
      (
        await confirmAgreed(ctx, ids[ids.length - 1] as CaseId, team("anke", "douwe", "froukje"), pm)
      )._unsafeUnwrap();
    }
    now = new Date("2027-01-15T09:00:00.000Z");
    (
      await closeCase(ctx, ids[0] as CaseId, "questionResolved", pm, { mentee: "Thank you, Anke!" })
    )._unsafeUnwrap();
    const reportBefore = (await programmeReport(ctx, new Date("2027-01-31T00:00:00.000Z")))._unsafeUnwrap();

    now = new Date("2027-12-01T09:00:00.000Z"); // not yet twelve months after the closure
    expect((await purgeExpired(ctx, pm, { dryRun: false }))._unsafeUnwrap().intakes).toEqual([]);
    now = new Date("2028-02-01T09:00:00.000Z");
    const before = await dumpStore(store);
    const dry = (await purgeExpired(ctx, pm, { dryRun: true }))._unsafeUnwrap();
    expect(dry).toMatchObject({ dryRun: true, intakes: ["in-p1"] });
    expect(await dumpStore(store)).toBe(before);

    const done = (await purgeExpired(ctx, pm, { dryRun: false }))._unsafeUnwrap();
    expect(done).toEqual({ ...dry, dryRun: false });
    const text = await dumpStore(store);
    for (const gone of ["Mentee 1", "p1@example.nl", "Thank you, Anke!"]) expect(text).not.toContain(gone);
    for (const kept of ["Mentee 2", "p2@example.nl"]) expect(text).toContain(kept);
    expect((await programmeReport(ctx, new Date("2027-01-31T00:00:00.000Z")))._unsafeUnwrap()).toEqual(
      reportBefore,
    );
    expect((await purgeExpired(ctx, pm, { dryRun: false }))._unsafeUnwrap().intakes).toEqual([]);
    expect((await store.audit())._unsafeUnwrap().filter((e) => e.action === "purgeExpired")).toHaveLength(1);
    await store.close();
  });
});
