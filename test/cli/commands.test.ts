import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCodes, run } from "../../examples/cli/program.js";
import { leaks, typedStrings } from "../support/leaks.js";
import { postgresUrl, testSchemas } from "../support/store.js";
import { tempDirs } from "../support/temp.js";

const tempDir = tempDirs("vmentor-cli-");

const newSchema = testSchemas("vm_cli");

const intakes = new URL("../../examples/data/sample-intakes.json", import.meta.url).pathname;
/** What people typed in the samples (names, questions): theirs, in whatever language. */
const typed = (() => {
  const found = new Set(typedStrings(JSON.parse(readFileSync(intakes, "utf8"))));
  for (const name of [
    "Anke de Boer",
    "Douwe Dijkstra",
    "Froukje Visser",
    "Ype Postma",
    "Sjoerd Bakker",
    "Tjitske Hoekstra",
    "Entrepreneur Mentoring Service Friesland",
    "Ynbusiness",
    "Founded in Friesland",
    "KVK",
    "Oranjewoud Export Academy",
  ])
    found.add(name);
  return [...found];
})();
const dir = tempDir();
const file = (name: string, content: string) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const mentorsCsv = file(
  "mentors.csv",
  `id,name,email,expertise,sectors,background,leadQualified,maxCases,monthlyHours,ethicsStatementSignedOn
anke,Anke de Boer,anke@example.nl,leadership:3;strategy:2;hr:2,agrifood,founder,yes,3,6,2026-10-01
douwe,Douwe Dijkstra,douwe@example.nl,strategy:3;sales:2,retail,corporate,no,3,6,2026-10-01
froukje,Froukje Visser,froukje@example.nl,hr:3;leadership:2,agrifood;retail,finance,yes,3,6,2026-09-01
ype,Ype Postma,ype@example.nl,strategy:2;leadership:2;sales:3,maritime,sales-marketing,no,3,6,2026-08-01
sjoerd,Sjoerd Bakker,sjoerd@example.nl,export:3;sales:2,maritime,technology,yes,4,8,2026-11-01
tjitske,Tjitske Hoekstra,tjitske@example.nl,hr:2;strategy:2,retail,professional-services,no,3,6,2026-11-01
`,
);

async function vmentor(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const said = { code, out: out.join("\n"), err: err.join("\n") };
  // Every text the CLI prints reads in one language without a leak: in the one asked for with
  // `--lang`; otherwise (the programme's language, or English before a programme is open) in either.
  const lang = argv.includes("--lang") ? argv[argv.indexOf("--lang") + 1] : undefined;
  const asked: readonly ("en" | "nl")[] = lang === "en" || lang === "nl" ? [lang] : ["nl", "en"];
  for (const text of [said.out, said.err]) {
    if (/^\s*[[{<]/.test(text)) continue; // JSON or SVG: for programs
    const words = text
      .replace(/vmentor [^.)\n]*/g, " ") // commands quoted as advice
      .replace(/--[a-z-]+(?: \S+)?/g, " ")
      .replace(/(?:one of|een van|verwacht:) [^.\n]*/g, " ") // the values an option allows: its syntax
      .replace(/'[^'\n]*'/g, " ") // what was typed, echoed
      .replace(/\S*[/\\]\S*/g, " "); // paths and addresses
    const found = asked.map((l) => leaks(words, l, typed));
    expect(
      found.some((f) => f.length === 0),
      `vmentor ${argv.join(" ")}: ${found.map((f) => f.join(" | ")).join(" / ")}`,
    ).toBe(true);
  }
  return said;
}

const targets: [string, () => string][] = [
  ["a SQLite file", () => join(tempDir(), "programme.db")],
  [
    "PostgreSQL",
    () => {
      return `${postgresUrl}?schema=${newSchema()}`;
    },
  ],
];

describe.each(targets)("vmentor on %s", (_name, location) => {
  it("runs a month: init, import, intake, triage, plan, confirm, session, report, close, person data", async () => {
    const db = location();
    const v = (...argv: string[]) => vmentor("--db", db, "--actor", "pm-paula", ...argv);

    expect((await v("report")).code).toBe(exitCodes.notFound);
    let r = await v("init", "--profile", "friesland");
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringContaining("Entrepreneur Mentoring Service Friesland"),
    });
    expect((await v("init", "--profile", "vms")).code).toBe(exitCodes.refused);

    r = await v("mentor", "import", mentorsCsv);
    expect(r.code).toBe(0);
    expect(r.out).toContain("6 mentoren");
    // The same file again, as a spreadsheet exports it (with a byte-order mark): nothing twice.
    r = await v("mentor", "import", file("again.csv", `\uFEFF${readFileSync(mentorsCsv, "utf8")}`));
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      "0 mentoren geïmporteerd. Al aanwezig, ongewijzigd gelaten: anke, douwe, froukje, ype, sjoerd, tjitske.",
    );

    r = await v("--json", "intake", "submit", intakes);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(8);
    // Submitting again is harmless: the same answer, nothing new.
    r = await v("--json", "intake", "submit", intakes);
    expect(JSON.parse(r.out).every((x: { replayed: boolean }) => x.replayed)).toBe(true);

    const cases: string[] = [];
    for (let k = 1; k <= 8; k++) {
      r = await v("--json", "triage", `intake-2026-11-0${k}`);
      expect(r.code).toBe(0);
      const decided = JSON.parse(r.out);
      expect(decided.decision.reasons.length).toBeGreaterThan(0);
      if (decided.caseId !== undefined) cases.push(decided.caseId);
    }
    expect(cases.length).toBeGreaterThan(0);
    r = await v("triage", "intake-2026-11-01");
    expect(r.out).toMatch(/\n {2}- /); // human output: the outcome and its reasons

    // The December meeting, planned the same way each time (same state and seed: the same proposal).
    const planDecember = [
      "round",
      "plan",
      "--month",
      "2026-12",
      "--date",
      "2026-11-26T19:00:00Z",
      "--seed",
      "1",
    ];
    r = await v(...planDecember);
    expect(r.code).toBe(0);
    expect(r.out).toContain("round-2026-12");
    expect(r.out).toContain("(teamleider)");
    // Read in English, the Dutch programme's decisions and explanations are English: rendered for
    // the reader from what was stored, not the sentences of the profile's language.
    const dutch =
      /\b(dekt|leidt|niet gekozen|Doorverwezen|Aangenomen|onderneming|mentorenoverleg|teamleider)\b/;
    r = await v("--lang", "en", ...planDecember);
    expect(r.out).toContain("(lead)");
    expect(r.out).not.toMatch(dutch);
    r = await v("--lang", "en", "triage", "intake-2026-11-01");
    expect(r.out).not.toMatch(dutch);
    // A proposal is not a team: nobody said yes yet, so nothing is confirmed, and the refusal says who.
    r = await v("round", "confirm", "round-2026-12");
    expect(r.code).toBe(exitCodes.refused);
    expect(r.err).toContain("nog geen ja");
    r = await v("--json", ...planDecember);
    const planned = JSON.parse(r.out) as { teams: { caseId: string; lead: string; members: string[] }[] };
    // The first team's last member says no themselves: the seat is filled at once.
    const declined = planned.teams[0] as (typeof planned.teams)[number];
    const decliner = declined.members.at(-1) as string;
    r = await v(
      "--json",
      "--actor",
      decliner,
      "round",
      "answer",
      "round-2026-12",
      declined.caseId,
      decliner,
      "no",
    );
    expect(r.code).toBe(0);
    const after = JSON.parse(r.out) as {
      proposed?: { lead: string; members: string[] };
      waitingFor: string[];
    };
    expect(
      after.proposed === undefined ? [] : [after.proposed.lead, ...after.proposed.members],
    ).not.toContain(decliner);
    const current = {
      teams: planned.teams.flatMap((t) =>
        t !== declined ? [t] : after.proposed === undefined ? [] : [{ ...after.proposed, caseId: t.caseId }],
      ),
    };
    // The others say yes at the meeting; the manager records it for them.
    for (const t of current.teams)
      for (const m of [t.lead, ...t.members]) {
        r = await v("round", "answer", "round-2026-12", t.caseId, m, "yes", "--on-behalf", "saidAtMeeting");
        expect(r.code, r.err).toBe(0);
      }
    expect(r.out).toContain("Iedereen zei ja");
    // Without saying how the mentor answered, the manager cannot answer for them.
    r = await v("round", "answer", "round-2026-12", declined.caseId, declined.lead, "yes");
    expect(r.code).toBe(exitCodes.refused);
    r = await v("--json", "round", "confirm", "round-2026-12");
    expect(r.code).toBe(0);
    const confirmed = JSON.parse(r.out) as { caseId: string; team: { mentorId: string; role: string }[] }[];
    expect(confirmed.length).toBe(current.teams.length);
    // Confirming again changes nothing, and says so (by name, in the reader's language).
    r = await v("round", "confirm", "round-2026-12");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Al bevestigd, er is niets veranderd: .+ \(teamleider\), /);
    expect(r.out).not.toMatch(/\((lead|member)\)|atCapacity/);

    const first = confirmed[0] as (typeof confirmed)[number];
    const lead = first.team.find((s) => s.role === "lead")?.mentorId as string;
    const member = first.team.find((s) => s.role === "member")?.mentorId as string;
    const on = new Date().toISOString();
    /** Log a session on the first confirmed case. */
    const logSessionOn = (when: string, minutes: string, mentors: string) =>
      v("session", "log", "--case", first.caseId, "--on", when, "--minutes", minutes, "--mentors", mentors);
    r = await logSessionOn(on, "90", `${lead},${member}`);
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("90 min") });
    r = await logSessionOn(on, "60", "nobody");
    expect(r.code).toBe(exitCodes.refused);
    expect(r.err).toContain("een aanwezige mentor zat op die datum niet in het team van de casus (nobody)");
    // A session dated years ahead is a typo: refused, and the message says why.
    r = await logSessionOn("2031-03-01T10:00:00Z", "60", lead);
    expect(r.code).toBe(exitCodes.refused);
    expect(r.err).toContain("de datum ligt na vandaag");

    r = await v("report", "--format", "json");
    expect(JSON.parse(r.out).sessions.case).toBe(1);
    expect((await v("report", "--format", "svg")).out).toMatch(/^<svg/);
    expect((await v("report")).out).toMatch(/^# Entrepreneur Mentoring Service Friesland/);

    // Ethics: a benefit suspends a mentor until resolved; a recorded conflict keeps them off a venture.
    r = await v("--lang", "en", "mentor", "benefit", member, "--venture", "v-elsewhere", "--kind", "gift");
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("not matchable") });
    expect(r.out).toContain(first.caseId);
    expect((await v("mentor", "benefit", member, "--venture", "v-elsewhere", "--kind", "bribe")).code).toBe(
      exitCodes.invalidInput,
    );
    r = await v("--lang", "en", "mentor", "resolve", member, "--resolution", "benefitReturned");
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("matchable again") });
    r = await v("mentor", "conflict", member, "--venture", "v-elsewhere", "--reason", "family");
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("v-elsewhere") });
    expect((await v("mentor", "conflict", "nobody", "--venture", "v-x", "--reason", "family")).code).toBe(
      exitCodes.notFound,
    );
    // Nothing is due right after the round (its meeting has not passed for these cases).
    r = await v("--lang", "en", "case", "due");
    expect(r).toMatchObject({ code: 0 });
    expect(JSON.parse((await v("--json", "case", "due")).out)).toBeInstanceOf(Array);
    expect((await v("case", "hold", first.caseId, "--reason", "menteeAgreed")).code).toBe(exitCodes.refused);
    expect((await v("case", "hold", first.caseId, "--reason", "bored")).code).toBe(exitCodes.invalidInput);
    // Team changes: the lead steps off (a member takes over), a recused mentor never returns.
    r = await v("case", "leave", first.caseId, lead, "--reason", "steppedOff");
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("plaats vrij") });
    expect(r.out).toMatch(/\(lead\)/);
    r = await v("--json", "case", "leave", first.caseId, member, "--reason", "recused");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).needsReplacement).toBe(true);
    // The engine proposes the open seat at once; nothing changes until someone joins.
    r = await v("--json", "case", "replacement", first.caseId);
    expect(r.code).toBe(0);
    expect(["team", "none"]).toContain(JSON.parse(r.out).kind);
    const offered = JSON.parse(r.out).team as { lead: string; members: string[] } | undefined;
    expect(offered === undefined ? [] : [offered.lead, ...offered.members]).not.toContain(member);
    r = await v("--lang", "en", "case", "join", first.caseId, member);
    expect(r).toMatchObject({
      code: exitCodes.refused,
      err: expect.stringContaining("recused from this case before"),
    });
    expect((await v("case", "join", first.caseId, lead)).code).toBe(0);
    expect((await v("case", "lead", first.caseId, member)).code).toBe(exitCodes.refused); // not on the team
    expect((await v("case", "leave", first.caseId, lead, "--reason", "tired")).code).toBe(
      exitCodes.invalidInput,
    );

    // A break: paused with the team kept, resumed; said in the reader's words.
    r = await v("case", "pause", first.caseId);
    expect(r).toMatchObject({ code: 0, out: `Casus ${first.caseId} is nu gepauzeerd.` });
    expect((await v("case", "pause", first.caseId)).code).toBe(exitCodes.refused);
    r = await v("--lang", "en", "case", "resume", first.caseId);
    expect(r).toMatchObject({ code: 0, out: `Case ${first.caseId} is active now.` });
    r = await v("case", "close", first.caseId, "--reason", "questionResolved", "--mentee-feedback", "Thanks");
    expect(r.code).toBe(0);
    expect((await v("case", "close", first.caseId, "--reason", "questionResolved")).code).toBe(
      exitCodes.refused,
    );

    r = await v("person", "export", "sjoukje@example.nl");
    expect(JSON.parse(r.out).intakes[0].mentee.name).toBe("Sjoukje de Vries");
    expect((await v("person", "erase", "sjoukje@example.nl")).code).toBe(0);
    r = await v("person", "export", "anke");
    expect(JSON.parse(r.out).mentor.name).toBe("Anke de Boer");
    // Nothing stored about someone is an empty export, not an error.
    expect(JSON.parse((await v("person", "export", "nobody@example.nl")).out).intakes).toEqual([]);
    expect((await v("person", "export", "no-such-mentor")).code).toBe(exitCodes.notFound);
    r = await v("--json", "purge", "--dry-run");
    expect(JSON.parse(r.out)).toEqual({ dryRun: true, intakes: [], documents: 0 });
  });
});

describe.each(targets)("vmentor with several programmes on %s", (_name, location) => {
  it("keeps each programme to itself: --programme picks one, the others never see it", async () => {
    const db = location();
    const v = (programme: string, ...argv: string[]) =>
      vmentor("--db", db, "--programme", programme, "--actor", "pm-paula", ...argv);
    expect((await v("north", "init", "--profile", "friesland")).code).toBe(0);
    expect((await v("north", "mentor", "import", mentorsCsv)).code).toBe(0);
    // Another programme in the same store: not started, then started on its own.
    expect((await v("south", "report")).code).toBe(exitCodes.notFound);
    expect((await v("south", "init", "--profile", "vms")).code).toBe(0);
    const south = await v("south", "--json", "report");
    const north = await v("north", "--json", "report");
    expect(JSON.parse(south.out).mentors.active).toBe(0);
    expect(JSON.parse(north.out).mentors.active).toBeGreaterThan(0);
    expect((await v("north", "init", "--profile", "vms")).code).toBe(exitCodes.refused);
    expect((await v("Not A Programme!", "report")).code).toBe(exitCodes.storeUnavailable);
  });
});

describe("vmentor's errors", () => {
  it("says what is wrong in the programme's language, with the exit code of its kind, never a stack", async () => {
    const db = join(tempDir(), "programme.db");
    const v = (...argv: string[]) => vmentor("--db", db, ...argv);
    expect((await v("init", "--profile", "friesland")).code).toBe(0);

    let r = await v("intake", "submit", file("bad.json", "{ not json"));
    expect(r.code).toBe(exitCodes.invalidInput);
    expect(r.err).toMatch(/bad\.json is geen geldige JSON \(regel 1\)\.$/);
    r = await v("intake", "submit", join(dir, "missing.json"));
    expect(r).toMatchObject({ code: exitCodes.invalidInput, err: expect.stringContaining("ENOENT") });
    r = await v(
      "intake",
      "submit",
      file("wrong.json", JSON.stringify({ id: "x", venture: { employees: -3 } })),
    );
    expect(r.code).toBe(exitCodes.invalidInput);
    // The field by its label in the reader's language, and what it needs.
    expect(r.err).toContain("Aantal medewerkers moet 0 of meer zijn");
    expect(r.err).not.toContain("venture.employees");
    r = await v("--json", "mentor", "add", file("m.json", JSON.stringify({ id: "m" })));
    expect(JSON.parse(r.err).error.type).toBe("ValidationFailed");
    r = await v("mentor", "import", file("bad.csv", 'id,name\n"unterminated'));
    expect(r).toMatchObject({ code: exitCodes.invalidInput, err: expect.stringContaining("CSV") });
    expect(r.err).toMatch(/is geen geldige CSV \(regel 2\): een aanhalingsteken is niet gesloten\.$/);
    r = await v("--lang", "en", "triage", "nope");
    expect(r).toMatchObject({ code: exitCodes.notFound, err: "No intake 'nope' found." });
    r = await v("round", "plan", "--month", "2026-13");
    expect(r.code).toBe(exitCodes.invalidInput);
    r = await v("case", "close", "c", "--reason", "bored");
    expect(r.code).toBe(exitCodes.invalidInput);
    expect(r.err).toContain("--reason: 'bored'");
    expect(r.err).toContain("questionResolved");
    r = await v("round", "confirm", "round-1999-01");
    expect(r.code).toBe(exitCodes.notFound);
    r = await vmentor("--db", join(dir, "no", "such", "dir.db"), "report");
    expect(r.code).toBe(exitCodes.storeUnavailable);
    for (const x of [r.err]) expect(x).not.toMatch(/\n\s+at /);
  });

  it.each([
    [
      ["round", "plan", "--month", "2026-13"],
      "--month: '2026-13'",
      "a month as YYYY-MM",
      "een maand als JJJJ-MM",
    ],
    [["round", "plan", "--exclude", "nonsense"], "--exclude: 'nonsense'", "case:mentor", "casus:mentor"],
    [["round", "plan", "--pin", "case-1:m-1:x"], "--pin: 'case-1:m-1:x'", "case:mentor", "casus:mentor"],
    [
      ["round", "plan", "--seed", "abc"],
      "--seed: 'abc'",
      "a whole number of 1 or more",
      "een geheel getal van 1",
    ],
    [["demo", "--months", "0"], "--months: '0'", "a whole number of 1 or more", "een geheel getal van 1"],
    [["demo", "--start", "January"], "--start: 'January'", "a month as YYYY-MM", "een maand als JJJJ-MM"],
    [
      ["case", "close", "c", "--reason", "bored"],
      "--reason: 'bored'",
      "one of questionResolved",
      "een van questionResolved",
    ],
    [["report", "--format", "pdf"], "--format: 'pdf'", "one of md, json, svg", "een van md, json, svg"],
    [
      ["session", "log", "--minutes", "1.5"],
      "--minutes: '1.5'",
      "a whole number of 1 or more",
      "een geheel getal van 1",
    ],
  ])(
    "refuses a bad option value with exit 2, naming it and what is allowed: %j",
    async (argv, what, en, nl) => {
      const db = join(tempDir(), "untouched.db");
      const english = await vmentor("--db", db, ...argv);
      expect(english.code).toBe(exitCodes.invalidInput);
      expect(english.err).toContain(what);
      expect(english.err).toContain(en);
      expect(english.out).toBe("");
      const dutch = await vmentor("--db", db, "--lang", "nl", ...argv);
      expect(dutch.code).toBe(exitCodes.invalidInput);
      expect(dutch.err).toContain(what);
      expect(dutch.err).toContain(nl);
      expect(existsSync(db)).toBe(false);
    },
  );

  it("does not print a PostgreSQL password", async () => {
    const r = await vmentor("--db", "postgres://u:s3cret@127.0.0.1:1/none", "report");
    expect(r.code).toBe(exitCodes.storeUnavailable);
    expect(r.err).not.toContain("s3cret");
  });
});

describe("vmentor demo", () => {
  it("runs the Friesland programme month by month, the same for the same seed", async () => {
    const a = await vmentor("demo", "--months", "3", "--warm-up", "0");
    expect(a.code).toBe(0);
    expect(a.out.match(/^# Entrepreneur Mentoring Service Friesland/gm)).toHaveLength(3);
    expect(a.out).toContain("Het jaar: 30 mentoren");
    expect(a.err.split("\n")).toHaveLength(3); // progress: one line per month, on stderr
    const b = await vmentor("demo", "--months", "3", "--warm-up", "0");
    expect(b.out).toBe(a.out);
    const c = await vmentor("demo", "--months", "3", "--warm-up", "0", "--seed", "7");
    expect(c.out).not.toBe(a.out);
  });

  it("keeps the year in a store when one is named, and refuses a store that holds a programme", async () => {
    const db = join(tempDir(), "demo.db");
    const r = await vmentor("--db", db, "--json", "demo", "--months", "2", "--warm-up", "1");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).months).toHaveLength(2);
    expect((await vmentor("--db", db, "demo", "--months", "1", "--warm-up", "0")).code).toBe(
      exitCodes.refused,
    );
    expect((await vmentor("--db", db, "report", "--month", "2026-02", "--format", "json")).code).toBe(0);
  });
});
