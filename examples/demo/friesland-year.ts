/**
 * The demo programme: a year of the Friesland mentoring programme, run month by month through the
 * library's real use-cases on whatever store it is given. 30 mentors with realistic profiles;
 * intakes arriving all year (some referred, some one-off, some not ready yet); a mentors' meeting
 * each month that plans and confirms teams; sessions front-loaded in a case's first months;
 * closures when the question is answered. Seeded: the same seed gives the same year.
 *
 * Used by `vmentor demo` and to seed the partner portal. The people and ventures are invented.
 */
import type { ResultAsync } from "neverthrow";
import {
  addMonths,
  answerProposal,
  backgrounds,
  type CaseId,
  type ClosingReason,
  casesDue,
  changeTeam,
  closeCase,
  confirmTeam,
  currentTeam,
  decideTriage,
  followUpReferral,
  friesland,
  holdOver,
  type IntakeId,
  initProgramme,
  linkPreviousCase,
  logSession,
  type MentorId,
  type MentoringCase,
  type MonthlyReport,
  monthKey,
  type ProgrammeContext,
  type ProgrammeStore,
  type ProposedTeamData,
  planRound,
  prng,
  programmeReport,
  type ReferralId,
  recordConflict,
  recordEthicsViolation,
  registerMentor,
  resolveEthicsHold,
  serialise,
  submitIntake,
  type VentureMentoringError,
} from "venture-mentoring";

/** The programme manager in the demo, and the actor the portal signs in as a manager. */
export const demoManager = { id: "pm-paula", name: "Paula Hoekstra" } as const;

export interface DemoOptions {
  /** The first month, `YYYY-MM`; default 2026-01. */
  readonly start?: string;
  /** How many months; default 12. */
  readonly months?: number;
  /** Default 2026. */
  readonly seed?: number;
  /** Months the programme ran before `start` (not reported): the year starts from its steady state. Default 12. */
  readonly warmUp?: number;
  /** Called after each month with its report: progress for the command line. */
  readonly onMonth?: (month: DemoMonth) => void;
}

export interface DemoMonth {
  readonly index: number;
  readonly month: string;
  readonly report: MonthlyReport;
  readonly context: ProgrammeContext;
}

export interface DemoYear {
  readonly context: ProgrammeContext;
  readonly months: readonly MonthlyReport[];
  readonly counts: {
    readonly mentors: number;
    readonly intakes: number;
    readonly teamsConfirmed: number;
    readonly sessions: number;
    readonly closed: number;
    /** The year's moments a programme manager must handle, each visible in the report or the portal. */
    readonly events: {
      /** Conflicts of interest the programme recorded (planning keeps the mentor off). */
      readonly conflicts: number;
      /** Mentors who recused from a running case; the next meeting filled the seat. */
      readonly recusals: number;
      /** Proposed mentors who said no; the seat was filled at once. */
      readonly declines: number;
      /** Benefits recorded (a gift), suspending the mentor until resolved. */
      readonly gifts: number;
      /** Ventures that came back with a new question, linked to their earlier case. */
      readonly returning: number;
      /** Accepted cases a meeting could not staff: the manager decided (planned once more, or a one-off). */
      readonly unstaffed: number;
    };
  };
}

/** A use-case that failed during the demo: which step, and the library's typed error. */
export interface DemoFailure {
  readonly step: string;
  readonly error:
    | VentureMentoringError
    | { readonly type: "NotFound"; readonly collection: string; readonly id: string };
}

const firstNames = [
  "Anke",
  "Douwe",
  "Froukje",
  "Ype",
  "Sjoerd",
  "Tjitske",
  "Wiebe",
  "Geertje",
  "Hylke",
  "Jildou",
  "Klaas",
  "Lolkje",
  "Meinte",
  "Nynke",
  "Oebele",
  "Pytsje",
  "Rients",
  "Sietske",
  "Tsjalling",
  "Wytske",
  "Auke",
  "Baukje",
  "Durk",
  "Eelkje",
  "Gerben",
  "Hiske",
  "Jelle",
  "Marrit",
  "Sybren",
  "Trijntje",
];
const lastNames = [
  "de Boer",
  "Dijkstra",
  "Bakker",
  "Visser",
  "de Vries",
  "Postma",
  "Hoekstra",
  "Kuipers",
  "van der Meer",
  "Wijnia",
  "Zijlstra",
  "Terpstra",
  "Jongsma",
  "Bosma",
  "Faber",
  "Hiemstra",
  "Nauta",
  "Sikkema",
];
const ventureWords = [
  ["Kaasmakerij", "agrifood"],
  ["Zeilmakers", "maritime"],
  ["Watertech", "water-technology"],
  ["Metaalbewerking", "manufacturing"],
  ["Bouwbedrijf", "construction"],
  ["Fietsenwinkel", "retail"],
  ["Recreatiepark", "hospitality"],
  ["Softwarehuis", "ict"],
  ["Ontwerpstudio", "creative"],
  ["Thuiszorg", "healthcare"],
  ["Zonnepark", "energy"],
  ["Transport", "logistics"],
  ["Adviesbureau", "business-services"],
  ["Zuivelboerderij", "agrifood"],
  ["Jachtbouw", "maritime"],
] as const;
const places = ["Wâldhoeke", "Dokkum", "Sneek", "Drachten", "Harlingen", "Joure", "Bolsward", "Heerenveen"];
const topics = [
  "strategy",
  "growth",
  "sales",
  "marketing",
  "pricing",
  "financing",
  "subsidies",
  "investor-readiness",
  "export",
  "hr",
  "leadership",
  "operations",
  "product",
  "innovation",
  "regulation",
  "succession",
  "digital",
  "sustainability",
] as const;
// Founders are most of a regional network: the library's backgrounds, founders weighted three to one.
const mentorBackgrounds = [...backgrounds, "founder", "founder"] as const;
const summaries: Record<string, string> = {
  strategy: "Where do we want to be in five years, and what do we stop doing?",
  growth: "We grow, but I do everything myself. How do we grow without me in every decision?",
  sales: "Our customers are happy but there are too few of them. How do we sell more systematically?",
  leadership: "How do I build a management team and let go?",
  succession: "My children may take over. How do we prepare the succession?",
  pricing: "We are busy but earn too little. Are our prices right?",
  hr: "We cannot find good people. How do we hire and keep them?",
  operations: "Orders get lost between sales and the workshop. How do we organise our work?",
  export: "German customers ask for our products. How do we start exporting?",
  financing: "We need money for a new machine. Loan, lease or investor?",
  digital: "Our administration is still on paper. Where do we start digitalising?",
  sustainability: "Customers ask about our footprint. How do we make sustainability part of the business?",
};

/** Run the demo year on an empty store. Stops at the first failed use-case and says which. */
export async function runDemoYear(
  store: ProgrammeStore,
  options: DemoOptions = {},
): Promise<{ ok: true; value: DemoYear } | { ok: false; failure: DemoFailure }> {
  const random = prng(options.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const start = new Date(`${options.start ?? "2026-01"}-01T00:00:00.000Z`);
  const months = options.months ?? 12;

  // The programme has run for a while before the year shown: the year starts from its steady state.
  const warmUp = options.warmUp ?? 12;
  let now = addMonths(start, -warmUp - 1);
  const counters = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${String(n).padStart(3, "0")}`;
  };
  const ctx: ProgrammeContext = {
    store,
    profile: friesland,
    clock: () => now,
    newId: (kind) => nextId(kind),
  };
  const pm = { id: demoManager.id };
  let failure: DemoFailure | undefined;
  const step = async <T, E extends DemoFailure["error"]>(
    name: string,
    result: ResultAsync<T, E>,
  ): Promise<T | undefined> => {
    const r = await result;
    if (r.isOk()) return r.value;
    failure = { step: name, error: r.error };
    return undefined;
  };
  const at = (month: Date, day: number, hour = 10) =>
    new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), day, hour));

  /**
   * Each proposed mentor answers at the meeting, recorded by the manager. With `decline`, the
   * team's last member says no: the seat is filled at once and the newcomer says yes. The team
   * everyone said yes to, or `undefined` when the seat could not be filled (the case waits).
   */
  const agreeAtMeeting = async (
    roundId: string,
    planned: ProposedTeamData,
    decline: boolean,
  ): Promise<ProposedTeamData | undefined> => {
    let team: ProposedTeamData = planned;
    const decliner = decline ? team.members[team.members.length - 1] : undefined;
    if (decliner !== undefined) {
      const no = await step(
        `answerProposal ${team.caseId} ${decliner}`,
        answerProposal(
          ctx,
          { caseId: team.caseId, mentorId: decliner, answer: "no", roundId, onBehalf: "saidAtMeeting" },
          pm,
        ),
      );
      if (no === undefined) return undefined;
      events.declines++;
      if (no.proposed === undefined) return undefined;
      team = no.proposed;
    }
    for (const mentorId of [team.lead, ...team.members]) {
      const yes = await step(
        `answerProposal ${team.caseId} ${mentorId}`,
        answerProposal(
          ctx,
          { caseId: team.caseId, mentorId, answer: "yes", roundId, onBehalf: "saidAtMeeting" },
          pm,
        ),
      );
      if (yes === undefined) return undefined;
    }
    return team;
  };

  /**
   * What a programme meets in a year besides the monthly rhythm: a conflict of interest recorded
   * (month 2), a mentor recusing from a running case (month 4), a gift (month 6, resolved in month 7)
   * and a venture coming back with a new question (month 8). A failure, or `undefined`.
   */
  const yearMoments = async (index: number): Promise<DemoFailure | undefined> => {
    const open = await step("find open cases", store.find("cases", "state", ["awaitingMeeting", "active"]));
    if (open === undefined) return failure;
    const running = open.map((c) => c.value).filter((c) => c.state === "active" && !c.needsReplacement);
    const mentors = await step("list mentors", store.list("mentors"));
    if (mentors === undefined) return failure;
    if (index === 1) {
      // The programme learns that a lead mentor is family of a waiting venture's owner.
      const waiting = open.map((c) => c.value).find((c) => c.state === "awaitingMeeting") ?? running[0];
      const on = new Set<string>(waiting === undefined ? [] : currentTeam(waiting).map((m) => m.mentorId));
      const lead = mentors.find(
        (m) => m.value.leadQualified && m.value.state === "active" && !on.has(m.value.id),
      );
      if (waiting !== undefined && lead !== undefined) {
        const done = await step(
          `recordConflict ${lead.value.id}`,
          recordConflict(
            ctx,
            { mentorId: lead.value.id, ventureId: waiting.ventureId, reason: "family" },
            pm,
          ),
        );
        if (done === undefined) return failure;
        events.conflicts++;
      }
    }
    if (index === 3) {
      // A member turns out to supply the venture: recorded, and they recuse; the meeting fills the seat.
      const kase = running[0];
      const member = kase === undefined ? undefined : currentTeam(kase).find((m) => m.role === "member");
      if (kase !== undefined && member !== undefined) {
        const conflict = await step(
          `recordConflict ${member.mentorId}`,
          recordConflict(
            ctx,
            { mentorId: member.mentorId, ventureId: kase.ventureId, reason: "business" },
            pm,
          ),
        );
        if (conflict === undefined) return failure;
        const left = await step(
          `changeTeam ${kase.id}`,
          changeTeam(ctx, kase.id, { kind: "leave", mentorId: member.mentorId, reason: "recused" }, pm),
        );
        if (left === undefined) return failure;
        events.conflicts++;
        events.recusals++;
      }
    }
    if (index === 5) {
      // A mentee thanks a member with a gift: recorded, the mentor is off matching until resolved.
      const kase = running[1] ?? running[0];
      const member = kase === undefined ? undefined : currentTeam(kase).find((m) => m.role === "member");
      if (kase !== undefined && member !== undefined) {
        const done = await step(
          `recordEthicsViolation ${member.mentorId}`,
          recordEthicsViolation(
            ctx,
            { mentorId: member.mentorId, ventureId: kase.ventureId, kind: "gift", on: now },
            pm,
          ),
        );
        if (done === undefined) return failure;
        gifted = member.mentorId;
        events.gifts++;
      }
    }
    if (index === 6 && gifted !== undefined) {
      const done = await step(
        `resolveEthicsHold ${gifted}`,
        resolveEthicsHold(ctx, gifted, "benefitReturned", pm),
      );
      if (done === undefined) return failure;
    }
    if (index === 7) {
      // A venture whose case ended comes back with a new question: recognised, linked, triaged.
      const closedCases = await step("find closed cases", store.find("cases", "state", "closed"));
      if (closedCases === undefined) return failure;
      const earlier = closedCases.map((c) => c.value).find((c) => c.memberships.length > 0);
      const before =
        earlier === undefined ? undefined : await step("get intake", store.get("intakes", earlier.intakeId));
      if (earlier !== undefined && before !== undefined) {
        const id = nextId(`intake-${monthKey(now)}`);
        const raw: Record<string, unknown> = {
          ...(JSON.parse(serialise(before.value)) as Record<string, unknown>),
          id,
          submittedAt: now.toISOString(),
          venture: { ...(JSON.parse(serialise(before.value.venture)) as object), id: `v-${id}` },
          question: {
            summary:
              "We are back: the team we built last time works, now we want to grow abroad. Where do we start?",
            topics: [
              { topic: "growth", weight: 3 },
              { topic: "export", weight: 1 },
            ],
          },
        };
        delete raw.previousCaseId;
        const submitted = await step(
          `submitIntake ${id}`,
          submitIntake(ctx, raw, `demo-${id}`, { id: "portal" }),
        );
        if (submitted === undefined) return failure;
        intakes++;
        const link = submitted.seenBefore.closedCases[0];
        if (link !== undefined) {
          if (
            (await step(`linkPreviousCase ${id}`, linkPreviousCase(ctx, id as IntakeId, link, pm))) ===
            undefined
          )
            return failure;
          events.returning++;
        }
        const decided = await step(`decideTriage ${id}`, decideTriage(ctx, id as IntakeId, pm));
        if (decided === undefined) return failure;
        if (decided.referralId !== undefined) pendingReferrals.push({ id: decided.referralId, made: now });
      }
    }
    return undefined;
  };

  if ((await step("initProgramme", initProgramme(store, friesland, pm, ctx.clock))) === undefined)
    return { ok: false, failure: failure as DemoFailure };

  // The mentors: experienced entrepreneurs, a third of them qualified to lead a team.
  const mentorIds: string[] = [];
  for (let k = 0; k < 30; k++) {
    const id = `mentor-${String(k + 1).padStart(2, "0")}`;
    mentorIds.push(id);
    const own = new Set<string>();
    while (own.size < between(3, 5)) own.add(pick(topics));
    const first = firstNames[k] as string;
    const last = pick(lastNames);
    const raw = {
      id,
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase().replace(/ /g, "")}@example.nl`,
      state: "active",
      expertise: [...own].map((topic) => ({ topic, level: between(1, 3) })),
      sectors: [pick(ventureWords)[1], ...(chance(0.5) ? [pick(ventureWords)[1]] : [])].filter(
        (s, i, all) => all.indexOf(s) === i,
      ),
      background: pick(mentorBackgrounds),
      ...(chance(0.3)
        ? { firm: pick(["Accon", "Rabobank", "Friesland Campina", "Koopmans", "Eigen bedrijf"]) }
        : {}),
      leadQualified: k % 3 === 0 || chance(0.15),
      intakeLead: k < 3,
      capacity: { maxCases: chance(0.3) ? 4 : 3, monthlyHours: 6 },
      pauses: k === 7 ? [{ from: at(addMonths(start, 6), 1), until: at(addMonths(start, 8), 1) }] : [],
      interests: k === 4 ? [{ kind: "investment", organisation: "Zonnepark Sneek" }] : [],
      ethicsStatementSignedOn: at(addMonths(start, -warmUp - between(1, 10)), between(1, 28)),
    };
    const registered = await step(`registerMentor ${id}`, registerMentor(ctx, raw, pm, "new"));
    if (registered === undefined) return { ok: false, failure: failure as DemoFailure };
  }

  const reports: MonthlyReport[] = [];
  const teamStart = new Map<string, Date>();
  let intakes = 0;
  let teamsConfirmed = 0;
  let sessions = 0;
  let closed = 0;
  const pendingReferrals: { id: ReferralId; made: Date }[] = [];
  const events = { conflicts: 0, recusals: 0, declines: 0, gifts: 0, returning: 0, unstaffed: 0 };
  let gifted: MentorId | undefined;

  for (let index = -warmUp; index < months; index++) {
    const month = addMonths(start, index);
    const label = monthKey(month);

    // Mentors renew their ethics statement each year, before it lapses (rule: signed within 12 months).
    now = at(month, 2);
    const mentors = await step(`list mentors ${label}`, store.list("mentors"));
    if (mentors === undefined) return { ok: false, failure: failure as DemoFailure };
    for (const m of mentors) {
      const signed = m.value.ethicsStatementSignedOn;
      if (signed !== undefined && addMonths(signed, 11) > now) continue;
      const renewed = {
        ...(JSON.parse(serialise(m.value)) as object),
        ethicsStatementSignedOn: now.toISOString(),
      };
      const done = await step(`renew ethics ${m.value.id}`, registerMentor(ctx, renewed, pm, m.version));
      if (done === undefined) return { ok: false, failure: failure as DemoFailure };
    }

    // The year's moments, scripted so every year of the demo has them (before the meeting).
    now = at(month, 3);
    const scripted = await yearMoments(index);
    if (scripted !== undefined) return { ok: false, failure: scripted };

    // The mentors' meeting: plan the round, confirm the proposed teams.
    now = at(month, 5, 19);
    const proposal = await step(
      `planRound ${label}`,
      planRound(ctx, `round-${label}`, now, pm, { seed: index + 1 }),
    );
    if (proposal === undefined) return { ok: false, failure: failure as DemoFailure };
    for (const planned of proposal.teams) {
      // The mentors say yes at the meeting (the manager records it); now and then one says no and
      // the engine fills that seat at once.
      const team = await agreeAtMeeting(
        `round-${label}`,
        planned,
        (index + 12) % 4 === 2 && planned === proposal.teams[0],
      );
      if (team === undefined) {
        if (failure !== undefined) return { ok: false, failure };
        continue;
      }
      const seats = [
        { mentorId: team.lead, role: "lead" as const },
        ...team.members.map((mentorId) => ({ mentorId, role: "member" as const })),
      ];
      const confirmed = await step(`confirmTeam ${team.caseId}`, confirmTeam(ctx, team.caseId, seats, pm));
      if (confirmed === undefined) return { ok: false, failure: failure as DemoFailure };
      teamStart.set(team.caseId, now);
      teamsConfirmed++;
    }

    // No case waits unseen: the cases the meeting could not staff are the manager's decisions due.
    // Planned once more the first time (the mentee agrees to wait a month), then offered a one-off
    // conversation with an intake lead.
    const due = await step(`casesDue ${label}`, casesDue(ctx));
    if (due === undefined) return { ok: false, failure: failure as DemoFailure };
    for (const d of due) {
      events.unstaffed++;
      const kase = await step(`get ${d.caseId}`, store.get("cases", d.caseId));
      if (kase === undefined) return { ok: false, failure: failure as DemoFailure };
      const decided =
        kase?.value.heldOver === undefined
          ? await step(`holdOver ${d.caseId}`, holdOver(ctx, d.caseId, "menteeAgreed", pm))
          : await step(
              `decideTriage ${d.intakeId}`,
              decideTriage(ctx, d.intakeId, pm, {
                outcome: { kind: "oneOff" },
                reason:
                  "No team could be formed at two meetings; the programme manager talks it through once.",
              }),
            );
      if (decided === undefined) return { ok: false, failure: failure as DemoFailure };
    }

    // Sessions: more in a case's first two months, then about one a month.
    const running = await step(`list cases ${label}`, store.list("cases"));
    if (running === undefined) return { ok: false, failure: failure as DemoFailure };
    for (const { value: c } of running) {
      if (c.state !== "active") continue;
      const started = teamStart.get(c.id) ?? c.openedOn;
      const age =
        (month.getUTCFullYear() - started.getUTCFullYear()) * 12 +
        month.getUTCMonth() -
        started.getUTCMonth();
      const planned = age <= 1 ? 2 : chance(0.85) ? 1 : 0;
      const team = c.memberships.filter((m) => m.until === undefined);
      const lead = team.find((m) => m.role === "lead") ?? team[0];
      if (lead === undefined) continue;
      for (let s = 0; s < planned; s++) {
        now = at(month, 8 + s * 10 + between(0, 6), between(9, 16));
        const present = team.filter((m) => m === lead || chance(0.7)).map((m) => m.mentorId);
        const raw = {
          id: nextId("session"),
          kind: "case",
          caseId: c.id,
          on: now.toISOString(),
          minutes: age <= 1 ? pick([60, 90, 90, 120]) : pick([45, 60, 60, 90]),
          mode: pick(["inPerson", "inPerson", "video", "phone"]),
          mentors: present,
          menteePresent: true,
          noteAuthor: lead.mentorId,
          preparationMinutes: pick([0, 15, 30]),
          travelMinutes: pick([0, 0, 30, 45]),
        };
        if ((await step(`logSession ${raw.id}`, logSession(ctx, raw, { id: lead.mentorId }))) === undefined)
          return { ok: false, failure: failure as DemoFailure };
        sessions++;
      }
    }

    // Referrals made last month get their follow-up call.
    for (const r of pendingReferrals.splice(0)) {
      now = at(month, 6);
      const status = pick(["contacted", "started", "started", "no-response"] as const);
      if ((await step(`followUpReferral ${r.id}`, followUpReferral(ctx, r.id, status, pm))) === undefined)
        return { ok: false, failure: failure as DemoFailure };
    }

    // Intakes arriving this month, each triaged two days later by the manager and the intake leads.
    const arriving = between(5, 9);
    for (let k = 0; k < arriving; k++) {
      const day = between(6, 24);
      now = at(month, day, between(8, 17));
      const id = nextId(`intake-${label}`);
      const [word, sector] = pick(ventureWords);
      const first = pick(firstNames);
      const last = pick(lastNames);
      const main = pick(Object.keys(summaries));
      const second = pick(topics.filter((t) => t !== main));
      const raw = {
        id,
        submittedAt: now.toISOString(),
        mentee: { name: `${first} ${last}`, email: `${first.toLowerCase()}.${id}@example.nl` },
        venture: {
          id: `v-${id}`,
          name: `${word} ${pick(places)}`,
          sector,
          stage: pick(["idea", "startup", "scaleup", "established", "established", "established"]),
          employees: between(1, 40),
          region: chance(0.1) ? "groningen" : "friesland",
          exportAmbition: main === "export" ? "active" : pick(["none", "none", "exploring"]),
          innovative: chance(0.2),
          competitors: [],
          suppliers: [],
        },
        question: {
          summary: summaries[main],
          topics: [
            { topic: main, weight: 3 },
            { topic: second, weight: 1 },
          ],
        },
        urgency: chance(0.05) ? "acute" : chance(0.2) ? "soon" : "routine",
        consent: { dataProcessing: true, shareWithPartners: chance(0.8) },
      };
      if (
        (await step(`submitIntake ${id}`, submitIntake(ctx, raw, `demo-${id}`, { id: "portal" }))) ===
        undefined
      )
        return { ok: false, failure: failure as DemoFailure };
      intakes++;
      now = at(month, day + 2, 11);
      const decided = await step(`decideTriage ${id}`, decideTriage(ctx, id as IntakeId, pm));
      if (decided === undefined) return { ok: false, failure: failure as DemoFailure };
      if (decided.referralId !== undefined) pendingReferrals.push({ id: decided.referralId, made: now });
    }

    // Closures: a question answered after some months, now and then a venture that stops.
    const afterIntake = await step(`list cases ${label}`, store.list("cases"));
    if (afterIntake === undefined) return { ok: false, failure: failure as DemoFailure };
    for (const { value: c } of afterIntake) {
      const started = teamStart.get(c.id);
      if (c.state !== "active" || started === undefined) continue;
      const age =
        (month.getUTCFullYear() - started.getUTCFullYear()) * 12 +
        month.getUTCMonth() -
        started.getUTCMonth();
      if (age < 4 || !chance(0.07)) continue;
      now = at(month, 28, 15);
      const reason: ClosingReason = pick([
        "questionResolved",
        "questionResolved",
        "questionResolved",
        "outgrown",
        "withdrew",
      ]);
      const done = await step(
        `closeCase ${c.id}`,
        closeCase(ctx, c.id as CaseId, reason, pm, {
          mentee: "Helpful sparring partners.",
          team: "Good team.",
        }),
      );
      if (done === undefined) return { ok: false, failure: failure as DemoFailure };
      closed++;
    }

    now = new Date(addMonths(month, 1).getTime() - 1);
    const report = await step(`programmeReport ${label}`, programmeReport(ctx, now));
    if (report === undefined) return { ok: false, failure: failure as DemoFailure };
    if (index >= 0) {
      reports.push(report);
      options.onMonth?.({ index, month: label, report, context: ctx });
    }
  }

  return {
    ok: true,
    value: {
      context: ctx,
      months: reports,
      counts: { mentors: mentorIds.length, intakes, teamsConfirmed, sessions, closed, events },
    },
  };
}

/** Which cases a mentor is on now (for the portal's "my cases"). */
export function casesOf(cases: readonly MentoringCase[], mentorId: string): MentoringCase[] {
  return cases.filter((c) => c.memberships.some((m) => m.mentorId === mentorId && m.until === undefined));
}
