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
    for (const who of new Set(pages.map(([w]) => w))) {
      // axe runs as a script the page's own Content-Security-Policy would (rightly) refuse.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${portal.url}/signin`);
      await page.selectOption("#user", who);
      await Promise.all([page.waitForURL(/\/(intake|my)$/), page.click("button[type=submit]")]);
      for (const [, path] of pages.filter(([w]) => w === who)) {
        await page.goto(`${portal.url}${path}`);
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
      }
      await context.close();
    }
    expect(found, found.join("\n")).toEqual([]);
  }, 120_000);
});
