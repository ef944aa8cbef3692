/**
 * A year of the demo read in each language: every page of the portal (as the programme manager and
 * as a mentor) and the CLI's output, in Dutch and in English, checked for leaks — a raw code, an
 * unrendered placeholder, a wrong plural, a list or a word of the other language. What people typed
 * (names, questions, notes, reasons) is taken out first: it is theirs, in whatever language.
 */
import { join } from "node:path";
import type { Locale, ProgrammeStore } from "venture-mentoring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../examples/cli/program.js";
import { demoStore, manager, portalApp, signIn, waitingCase } from "../portal/support.js";
import { leaks, typedStrings } from "../support/leaks.js";
import { tempDirs } from "../support/temp.js";

const tempDir = tempDirs("vm-language-");
const origin = "http://localhost";

let store: ProgrammeStore;
let app: Awaited<ReturnType<typeof portalApp>>;
let typed: string[];

/**
 * Text people typed or named, from every stored document: strings with a space or a capital (names,
 * questions, notes, reasons). Codes (lower camel case, no space) stay in, so a leaked code is found.
 */
async function typedText(s: ProgrammeStore): Promise<string[]> {
  const found = new Set<string>();
  for (const c of ["mentors", "intakes", "sessions", "decisions", "cases", "referrals"] as const)
    for (const t of typedStrings((await s.list(c))._unsafeUnwrap().map((d) => d.value))) found.add(t);
  const settings = (await s.get("settings", "programme"))._unsafeUnwrap()?.value;
  if (settings !== undefined) {
    found.add(settings.profile.name);
    for (const p of settings.profile.partners) found.add(p.name);
  }
  // Mentors' first names alone (a greeting, a short label).
  for (const m of (await s.list("mentors"))._unsafeUnwrap()) found.add(m.value.name.split(" ")[0] ?? "");
  // A name cut to fit a chart's label column (the table beside it has it whole).
  for (const t of [...found]) if (t.length > 20) found.add(`${t.slice(0, 19)}…`);
  return [...found];
}

/** The words of a page, as a reader sees them: no markup, no styles, entities decoded. */
function visibleText(page: string): string {
  return (
    page
      .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, " ")
      // A file format shown as such (a CSV header) is machine text, not words.
      .replace(/<code>[\s\S]*?<\/code>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, " ")
  );
}

beforeAll(async () => {
  store = await demoStore({ warmUp: 2 });
  app = await portalApp(store);
  // The November meeting with two new cases, planned: the board shows proposals and explanations.
  await waitingCase(store, 1);
  await waitingCase(store, 2);
  const planned = await app.request(`${origin}/board/plan`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin,
      cookie: await cookieFor(manager.id),
    },
    body: new URLSearchParams({ month: "2026-11" }),
  });
  expect(planned.status).toBe(303);
  typed = await typedText(store);
}, 180_000);
afterAll(async () => {
  await store.close();
});

const cookieFor = (user: string) => signIn(app, user);

/** Every page a manager and a mentor open in a month, with a sample of each kind of intake and case. */
async function pages(): Promise<{ who: string; path: string }[]> {
  const intakes = (await store.list("intakes"))._unsafeUnwrap().map((i) => i.value.id as string);
  const decisions = (await store.list("decisions"))._unsafeUnwrap().map((d) => d.value);
  const cases = (await store.list("cases"))._unsafeUnwrap().map((c) => c.value);
  const byKind = new Map<string, string>();
  for (const d of decisions) if (!byKind.has(d.outcome.kind)) byKind.set(d.outcome.kind, d.intakeId);
  for (const d of decisions) if (d.override !== undefined) byKind.set("override", d.intakeId);
  const undecided = intakes.find((id) => !decisions.some((d) => d.intakeId === id));
  const caseOf = new Map<string, string>();
  for (const c of cases) if (!caseOf.has(c.state)) caseOf.set(c.state, c.id);
  const active = cases.find((c) => c.state === "active");
  const mentor = active?.memberships.find((m) => m.until === undefined)?.mentorId ?? "mentor-01";
  return [
    ...[
      "/",
      "/intake",
      "/intake/new",
      "/intake?outcome=refer&page=2",
      "/intake?q=zzz-nobody",
      "/board",
      "/board?month=2026-11",
      "/board?month=2026-10",
      "/cases",
      "/mentors",
      "/mentors/new",
      "/mentors/import",
      "/audit",
      "/audit?page=3",
      "/outbox",
      "/report?month=2026-06",
    ].map((path) => ({ who: manager.id, path })),
    { who: manager.id, path: "/report?month=2026-10" },
    { who: manager.id, path: "/report/print?month=2026-10" },
    { who: manager.id, path: `/mentors/${mentor}` },
    ...[...byKind.values(), ...(undecided === undefined ? [] : [undecided])].map((id) => ({
      who: manager.id,
      path: `/intake/${id}`,
    })),
    ...[...caseOf.values()].map((id) => ({ who: manager.id, path: `/cases/${id}` })),
    { who: mentor, path: "/my" },
    { who: "", path: "/signin" },
    ...(active === undefined ? [] : [{ who: mentor, path: `/cases/${active.id}` }]),
  ];
}

describe("a year of the demo in the portal", () => {
  for (const locale of ["nl", "en"] as const satisfies readonly Locale[]) {
    it(`reads in ${locale === "nl" ? "Dutch" : "English"} on every page, without a leak`, async () => {
      const found: string[] = [];
      const cookies = new Map<string, string>();
      for (const { who, path } of await pages()) {
        const cookie = who === "" ? "" : (cookies.get(who) ?? (await cookieFor(who)));
        cookies.set(who, cookie);
        const url = `${origin}${path}${path.includes("?") ? "&" : "?"}lang=${locale}`;
        const first = await app.request(url, { headers: { cookie } });
        // The start page sends each reader on to their own.
        const res =
          first.status === 303
            ? await app.request(`${origin}${first.headers.get("location") ?? "/"}?lang=${locale}`, {
                headers: { cookie },
              })
            : first;
        expect(res.status, `${who} ${path}`).toBe(200);
        for (const leak of leaks(visibleText(await res.text()), locale, typed))
          found.push(`${path}: ${leak}`);
      }
      expect(found, found.join("\n")).toEqual([]);
    }, 120_000);
  }
});

describe("a year of the demo on the command line", () => {
  for (const locale of ["nl", "en"] as const satisfies readonly Locale[]) {
    it(`reads in ${locale === "nl" ? "Dutch" : "English"}: the demo, the report, due cases, the charts`, async () => {
      const db = join(tempDir(), `demo-${locale}.db`);
      const cli = async (...argv: string[]) => {
        const out: string[] = [];
        const code = await run(["--db", db, "--lang", locale, ...argv], {
          out: (t) => out.push(t),
          err: (t) => out.push(t),
        });
        return { code, text: out.join("\n") };
      };
      const outputs = [
        await cli("demo", "--months", "12", "--warm-up", "1"),
        await cli("report", "--month", "2026-06"),
        await cli("report", "--month", "2026-12"),
        await cli("case", "due"),
        await cli("report", "--month", "2026-12", "--format", "svg", "--chart", "load"),
      ];
      const named = await (async () => {
        const { createSqliteStore } = await import("venture-mentoring/sqlite");
        const s = createSqliteStore({ path: db })._unsafeUnwrap();
        try {
          return await typedText(s);
        } finally {
          await s.close();
        }
      })();
      const found: string[] = [];
      for (const [k, o] of outputs.entries()) {
        expect(o.code, o.text).toBe(0);
        for (const leak of leaks(visibleText(o.text), locale, named)) found.push(`output ${k}: ${leak}`);
      }
      expect(found, found.join("\n")).toEqual([]);
    }, 180_000);
  }
});
