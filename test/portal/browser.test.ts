/**
 * The portal in a real browser: Debian's Chromium driven by playwright-core (`.ci/run` installs
 * chromium when it is missing). Each test keeps a screenshot of its page under docs/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import type { ProgrammeStore } from "venture-mentoring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStore, startPortal, waitingCase } from "./support.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const shots = new URL("../../docs/screenshots/", import.meta.url).pathname;

let browser: Browser;
let portal: { url: string; close: () => Promise<void> };
let store: ProgrammeStore;

beforeAll(async () => {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y --no-install-recommends chromium`,
    );
  mkdirSync(shots, { recursive: true });
  store = await demoStore();
  portal = await startPortal(store);
  browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await store?.close();
});

async function signIn(as: string, lang: "nl" | "en" = "nl"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${portal.url}/signin?lang=${lang}`);
  await page.selectOption("#user", as);
  await Promise.all([page.waitForURL(/\/(intake|my)$/), page.click("button[type=submit]")]);
  return page;
}

describe("the partner portal in Chromium", { timeout: 30_000 }, () => {
  it("submits an intake and shows the referral with its reasons", async () => {
    const page = await signIn("pm-paula", "en");
    await Promise.all([page.waitForURL(/\/intake\/new$/), page.click("text=New intake")]);
    await page.screenshot({ path: `${shots}intake.png`, fullPage: true });
    await page.fill("#mentee", "Wytske Terpstra");
    await page.fill("#email", "wytske@example.nl");
    await page.fill("#venture", "Terpstra Jachtbouw");
    await page.selectOption("#sector", "maritime");
    await page.selectOption("#stage", "established");
    await page.fill("#employees", "18");
    await page.selectOption("#exportAmbition", "active");
    await page.selectOption("#mainTopic", "export");
    await page.selectOption("#otherTopic", "sales");
    await page.fill("#summary", "Danish yards ask for our boats. How do we start exporting?");
    // Consent is given, not presumed: the entrepreneur's yes is ticked here.
    await page.check("input[name=consentData]");
    await page.check("input[name=consentPartners]");
    await Promise.all([page.waitForURL(/\/intake\/intake-/), page.click("text=Submit and triage")]);
    const outcome = await page.textContent("[data-testid=outcome]");
    expect(outcome).toContain("Oranjewoud Export Academy");
    expect(await page.locator("ul.reasons li").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}triage-decision.png`, fullPage: true });
    await page.context().close();
  });

  it("plans the meeting's round and confirms a proposed team", async () => {
    const caseId = await waitingCase(store, 1);
    const page = await signIn("pm-paula");
    await page.goto(`${portal.url}/board`);
    await Promise.all([page.waitForURL(/\/board\?month=/), page.click("#plan")]);
    const team = () => page.locator("[data-testid=team]", { hasText: caseId });
    expect(await team().count()).toBe(1);
    await page.screenshot({ path: `${shots}meeting-board.png`, fullPage: true });
    // The mentors say yes at the meeting; the manager records each answer.
    const mentors = await team()
      .locator("select[name=mentorId] option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(mentors).toHaveLength(3);
    for (const m of mentors) {
      await team().locator("select[name=mentorId]").selectOption(m);
      await team().locator("select[name=answer]").selectOption("yes");
      await team().locator("select[name=onBehalf]").selectOption("saidAtMeeting");
      await Promise.all([
        page.waitForURL(/\/board\?month=/),
        team().locator("form[action='/board/answer'] button").click(),
      ]);
    }
    expect(await team().locator("[data-testid=answers] li").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("zei ja")]),
    );
    await Promise.all([
      page.waitForURL(/confirmed=/),
      team().locator("form[action='/board/confirm'] button").click(),
    ]);
    expect(await page.textContent("[role=status]")).toContain(caseId);
    const kase = (await store.get("cases", caseId))._unsafeUnwrap();
    expect(kase?.value.state).toBe("active");
    await page.context().close();
  });

  it("a lead mentor logs a session and sees the hours chart change", async () => {
    const cases = (await store.list("cases"))._unsafeUnwrap().map((c) => c.value);
    const kase = cases.find((c) => c.state === "active") as (typeof cases)[number];
    const lead = kase.memberships.find((m) => m.role === "lead" && m.until === undefined)?.mentorId as string;
    const page = await signIn(lead);
    await page.goto(`${portal.url}/my`);
    await Promise.all([page.waitForURL(/\/cases\//), page.click(`a[href="/cases/${kase.id}"]`)]);
    const chart = page.locator("[data-testid=hours-chart]");
    const before = { count: await chart.getAttribute("data-sessions"), svg: await chart.innerHTML() };
    await page.fill("#minutes", "120");
    await Promise.all([page.waitForURL(/logged=1/), page.click("text=Sessie vastleggen >> nth=-1")]);
    const after = { count: await chart.getAttribute("data-sessions"), svg: await chart.innerHTML() };
    expect(Number(after.count)).toBe(Number(before.count) + 1);
    expect(after.svg).not.toBe(before.svg);
    await page.screenshot({ path: `${shots}case.png`, fullPage: true });
    await page.context().close();
  });

  it("a mentor cannot open someone else's case by changing the id in the URL", async () => {
    const cases = (await store.list("cases"))._unsafeUnwrap().map((c) => c.value);
    const mine = cases.find((c) => c.state === "active") as (typeof cases)[number];
    const me = mine.memberships.find((m) => m.until === undefined)?.mentorId as string;
    const other = cases.find((c) => !c.memberships.some((m) => m.mentorId === me)) as (typeof cases)[number];
    const page = await signIn(me);
    const response = await page.goto(`${portal.url}/cases/${other.id}`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent("main")).toContain("U mag deze pagina niet openen.");
    const board = await page.goto(`${portal.url}/board`);
    expect(board?.status()).toBe(403);
    await page.context().close();
  });

  it("shows the mentors' load and the monthly report with its charts", async () => {
    const page = await signIn("pm-paula");
    await page.goto(`${portal.url}/mentors`);
    expect(await page.locator("svg").count()).toBe(1);
    await page.screenshot({ path: `${shots}mentors.png`, fullPage: true });
    await page.goto(`${portal.url}/report?month=2026-10`);
    expect(await page.textContent("h1")).toContain("oktober 2026");
    expect(await page.locator("svg").count()).toBe(2);
    await page.screenshot({ path: `${shots}report.png`, fullPage: true });
    await page.context().close();
  });

  it("has no accessibility violations (axe-core, WCAG 2.1 A and AA) on any page, for the manager and a mentor", async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const cases = (await store.list("cases"))._unsafeUnwrap().map((c) => c.value);
    const active = cases.find((c) => c.state === "active") as (typeof cases)[number];
    const member = active.memberships.find((m) => m.until === undefined)?.mentorId as string;
    const intake = (await store.list("intakes"))._unsafeUnwrap()[0]?.value.id as string;
    const pages: [string, string][] = [
      ...[
        "/intake",
        "/intake/new",
        `/intake/${intake}`,
        "/board",
        "/cases",
        `/cases/${active.id}`,
        "/mentors",
        "/mentors/new",
        "/mentors/import",
        `/mentors/${member}`,
        "/report",
        "/report/print",
        "/audit",
        "/outbox",
      ].map((path): [string, string] => ["pm-paula", path]),
      [member, "/my"],
      [member, `/cases/${active.id}`],
    ];
    const found: string[] = [];
    /** axe-core on the page as it is: its WCAG 2.1 A and AA violations go on the list, named by `path`. */
    const axeOn = async (page: Page, path: string) => {
      await page.evaluate(axeSource);
      const result = (await page.evaluate(async () => {
        type Axe = { run: (o: object) => Promise<{ violations: unknown[]; passes: unknown[] }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        const r = await axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return { violations: r.violations, passes: r.passes.length };
      })) as { violations: { id: string; nodes: { target: string[] }[] }[]; passes: number };
      // axe ran and checked something on the page (a run that checks nothing cannot fail).
      expect(result.passes, path).toBeGreaterThan(5);
      const violations = result.violations;
      for (const v of violations)
        found.push(`${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    };
    for (const who of new Set(pages.map(([w]) => w))) {
      // axe runs as a script the page's own Content-Security-Policy would (rightly) refuse.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${portal.url}/signin`);
      // The sign-in page itself, before anyone is signed in.
      if (who === "pm-paula") await axeOn(page, "/signin");
      await page.selectOption("#user", who);
      await Promise.all([page.waitForURL(/\/(intake|my)$/), page.click("button[type=submit]")]);
      for (const [, path] of pages.filter(([w]) => w === who)) {
        await page.goto(`${portal.url}${path}`);
        await axeOn(page, path);
      }
      await context.close();
    }
    expect(found, found.join("\n")).toEqual([]);
  }, 120_000);

  /**
   * A month of the programme in the browser, in one language: the manager finds an intake, takes a
   * new one, imports and adds mentors, pauses one, plans the meeting; two proposed mentors say yes
   * on their own page and the manager records the third; the team is confirmed; the lead logs a
   * session while a member sees who logs; the manager pauses and resumes the case, reads the report
   * (printable, CSV), the audit trail and the reminders; a mentor takes the meetings' calendar.
   */
  for (const [n, lang, month] of [
    [11, "nl", "2026-11"],
    // November's meeting is full by now (its quota of new cases): the next one takes this case.
    [12, "en", "2026-12"],
  ] as const)
    it(`walks a whole month as the manager and two mentors (${lang})`, async () => {
      const caseId = await waitingCase(store, n);
      const manager = await signIn("pm-paula", lang);
      const go = async (path: string) => {
        const res = await manager.goto(`${portal.url}${path}`);
        expect(res?.status(), path).toBe(200);
      };
      const submit = async (page: Page, selector: string, url: RegExp) =>
        await Promise.all([page.waitForURL(url), page.click(selector)]);
      const shot = async (page: Page, name: string) => {
        if (lang === "nl") await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
      };

      // The intake list: a search finds the waiting case's intake.
      await go("/intake");
      await manager.fill("#q", `waiting-${n}`);
      await submit(manager, "form[role=search] button", /\/intake\?q=/);
      expect(await manager.locator("[data-testid=intakes] a").allTextContents()).toEqual([
        `Kaasmakerij intake-waiting-${n}`,
      ]);
      await shot(manager, "intake-list");

      // Mentors: an import checked before it writes, then one added by hand, paused and resumed.
      const csv = [
        "id,name,email,expertise,sectors,background,firm,leadQualified,intakeLead,maxCases,monthlyHours,interests,ethicsStatementSignedOn",
        `walk-${n}-a,Auke ${lang} Visser,a${n}@example.nl,leadership:3;strategy:3,agrifood,founder,Firma A${n},yes,no,3,6,,2026-10-01`,
        `walk-${n}-b,Baukje ${lang} Smit,b${n}@example.nl,leadership:2;strategy:3,agrifood,finance,Firma B${n},yes,no,3,6,,2026-10-01`,
        `walk-${n}-c,Catrien ${lang} Bos,c${n}@example.nl,leadership:3;strategy:2,agrifood,corporate,Firma C${n},no,no,3,6,,2026-10-01`,
      ].join("\n");
      await go("/mentors/import");
      await manager.fill("#csv", csv);
      await submit(manager, "button[name=step][value=check]", /\/mentors\/import$/);
      expect(await manager.locator("[data-testid=preview] tr").count()).toBe(4);
      await shot(manager, "mentor-import");
      await submit(manager, "button[name=step][value=import]", /\/mentors\?imported=3/);
      await go("/mentors/new");
      await manager.fill("#id", `walk-${n}-d`);
      await manager.fill("#name", `Durk ${lang} Wiersma`);
      await manager.fill("#email", `d${n}@example.nl`);
      await manager.check("input[name=sectors][value=agrifood]");
      await manager.selectOption('[id="level.leadership"]', "2");
      await submit(
        manager,
        "[data-testid=mentor-form] button[type=submit]",
        new RegExp(`/mentors/walk-${n}-d\\?saved=1`),
      );
      await manager.fill("#until", "2027-01-31");
      await submit(manager, "form:has(input[name=type][value=paused]) button", /review=/);
      expect(await manager.textContent("[data-testid=standing]")).toContain(
        lang === "nl" ? "gepauzeerd tot" : "paused until",
      );
      await shot(manager, "mentor");
      await submit(manager, "form:has(input[name=type][value=resumed]) button", /saved=1/);

      // The meeting: plan, two mentors answer themselves, the manager records the third, confirms.
      await go(`/board?month=${month}`);
      // A case a meeting passed without staffing is a decision due: the manager plans it once more.
      const due = manager.locator("[data-testid=due] .card", { hasText: caseId });
      if ((await due.count()) > 0) {
        await due.locator("select[name=reason]").selectOption("menteeAgreed");
        await submit(
          manager,
          `[data-testid=due] .card:has-text("${caseId}") form[action='/board/hold'] button`,
          /\/board\?month=/,
        );
        expect(await manager.locator("[data-testid=due] .card", { hasText: caseId }).count()).toBe(0);
      }
      await submit(manager, "#plan", /\/board\?month=/);
      const team = manager.locator("[data-testid=team]", { hasText: caseId });
      expect(await team.count()).toBe(1);
      const proposed = await team
        .locator("select[name=mentorId] option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(proposed).toHaveLength(3);
      const [first, second, third] = proposed as [string, string, string];
      for (const mentor of [first, second]) {
        const page = await signIn(mentor, lang);
        const card = page.locator("[data-testid=proposed] .card", { hasText: caseId });
        await submit(page, `form:has(input[name=caseId][value="${caseId}"]) button[value=yes]`, /\/my$/);
        expect(await card.textContent()).toMatch(lang === "nl" ? /zei ja|ja/ : /yes/i);
        await page.context().close();
      }
      await go(`/board?month=${month}`);
      await team.locator("select[name=mentorId]").selectOption(third);
      await team.locator("select[name=answer]").selectOption("yes");
      await team.locator("select[name=onBehalf]").selectOption("saidByPhone");
      await submit(
        manager,
        `[data-testid=team]:has-text("${caseId}") form[action='/board/answer'] button`,
        /\/board\?month=/,
      );
      await submit(
        manager,
        `[data-testid=team]:has-text("${caseId}") form[action='/board/confirm'] button`,
        /confirmed=/,
      );
      const kase = (await store.get("cases", caseId))._unsafeUnwrap()?.value;
      expect(kase?.state).toBe("active");

      // The lead logs a session; a member sees who logs.
      const lead = kase?.memberships.find((m) => m.role === "lead" && m.until === undefined)
        ?.mentorId as string;
      const member = proposed.find((m) => m !== lead) as string;
      const leadPage = await signIn(lead, lang);
      await leadPage.goto(`${portal.url}/cases/${caseId}`);
      await leadPage.fill("#minutes", "75");
      await submit(leadPage, `form[action='/cases/${caseId}/sessions'] button`, /logged=1/);
      expect(await leadPage.locator("[data-testid=hours-chart]").getAttribute("data-sessions")).toBe("1");
      const ics = await leadPage.context().request.get(`${portal.url}/cases/${caseId}/sessions.ics`);
      expect(ics.headers()["content-type"]).toContain("text/calendar");
      await leadPage.context().close();
      const memberPage = await signIn(member, lang);
      await memberPage.goto(`${portal.url}/cases/${caseId}`);
      expect(await memberPage.locator("[data-testid=who-logs]").count()).toBe(1);
      expect(await memberPage.locator(`form[action='/cases/${caseId}/sessions']`).count()).toBe(0);
      const meetings = await memberPage.context().request.get(`${portal.url}/calendar/meetings.ics`);
      expect(await meetings.text()).toContain("BEGIN:VEVENT");
      await memberPage.context().close();

      // The case paused and resumed; the report, printable and as CSV; the audit trail; reminders.
      await go(`/cases/${caseId}`);
      await submit(manager, `form[action='/cases/${caseId}/pause'] button`, /done=1/);
      await submit(manager, `form[action='/cases/${caseId}/resume'] button`, /done=1/);
      await go("/report");
      await manager.fill("#month", "2026-10");
      await submit(manager, "form.month button", /\/report\?month=2026-10/);
      await submit(manager, "a[href^='/report/print']", /\/report\/print/);
      expect(await manager.locator("header").count()).toBe(0);
      await shot(manager, "report-print");
      const report = await manager.context().request.get(`${portal.url}/report.csv?month=2026-10`);
      expect(report.headers()["content-type"]).toContain("text/csv");
      await go(`/audit?about=${caseId}`);
      // Confirmed, paused, resumed: each a line about the case, newest first.
      expect(await manager.locator("[data-testid=audit] tr").count()).toBeGreaterThan(3);
      await shot(manager, "audit");
      await go("/outbox");
      await submit(manager, "form[action='/outbox/queue'] button", /\/outbox\?queued=/);
      expect(await manager.textContent("[data-testid=outbox-count]")).toBeTruthy();
      await shot(manager, "outbox");
      await manager.context().close();
    }, 90_000);
});
