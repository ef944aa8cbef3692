import { SMTPServer } from "smtp-server";
import {
  type CaseId,
  currentTeam,
  decideTriage,
  friesland,
  type IntakeId,
  initProgramme,
  type MatchingProposal,
  type MentoringCase,
  openCase,
  openProgramme,
  type ProgrammeStore,
  registerMentor,
  submitIntake,
  type VentureId,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  accessMatrix,
  type Permission,
  permissions,
  type Role,
} from "../../examples/partner-portal/access.js";
import { createPortal } from "../../examples/partner-portal/app.js";
import { smtpSender } from "../../examples/shared/mail.js";
import { apply, d, m, newCase } from "../support/cases.js";
import { intakeRaw, mentorRaw } from "../support/raw.js";
import { dumpStore } from "../support/store.js";
import { demoStore, portalApp, signIn, waitingCase } from "./support.js";

let store: ProgrammeStore;
let app: Awaited<ReturnType<typeof portalApp>>;
const origin = "http://localhost";

beforeAll(async () => {
  store = await demoStore();
  app = await portalApp(store);
}, 60_000);
afterAll(async () => {
  await store.close();
});

async function cookieFor(user: string): Promise<string> {
  const res = await app.request(`${origin}/signin`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ user }),
  });
  expect(res.status).toBe(303);
  const set = res.headers.get("set-cookie") ?? "";
  return set.split(";")[0] as string;
}

const get = async (path: string, cookie?: string) =>
  await app.request(`${origin}${path}`, { headers: cookie === undefined ? {} : { cookie } });
const postJson = async (path: string, body: unknown, cookie: string, headers: Record<string, string> = {}) =>
  await app.request(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...headers },
    body: JSON.stringify(body),
  });
const postForm = async (path: string, form: Record<string, string>, cookie: string, from = origin) =>
  await app.request(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: from },
    body: new URLSearchParams(form),
  });

const activeCases = async () =>
  (await store.list("cases"))
    ._unsafeUnwrap()
    .map((c) => c.value)
    .filter((c) => c.state === "active");
const teamOf = (c: MentoringCase) =>
  c.memberships.filter((m) => m.until === undefined).map((m) => m.mentorId as string);

describe("sign-in and session cookies", () => {
  it("sets a signed, HttpOnly, SameSite session cookie; a tampered one signs nobody in", async () => {
    const res = await app.request(`${origin}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ user: "pm-paula" }),
    });
    const set = res.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//);
    const cookie = set.split(";")[0] as string;
    expect((await get("/api/me", cookie)).status).toBe(200);
    // The cookie holds a random session id, signed: nothing to edit into someone else.
    expect(cookie).not.toContain("pm-paula");
    const value = cookie.slice("vm_session=".length);
    const forged = `vm_session=${value[0] === "A" ? "B" : "A"}${value.slice(1)}`;
    expect((await get("/api/me", forged)).status).toBe(401);
    expect((await get("/api/me", "vm_session=pm-paula")).status).toBe(401);
  });

  it("offers the demo's pick-who-you-are sign-in only in demo mode; else the organisation's sign-in says who", async () => {
    const make = async (signIn?: "demo" | ((r: Request) => string | undefined)) =>
      (
        await createPortal({
          store,
          secret: "a-test-secret-that-is-long-enough-0123456789",
          managers: [{ id: "pm-paula", name: "Paula Hoekstra", role: "manager" }],
          ...(signIn === undefined ? {} : { signIn }),
        })
      )._unsafeUnwrap();
    const form = (portal: Awaited<ReturnType<typeof make>>) =>
      portal.request(`${origin}/signin`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin },
        body: new URLSearchParams({ user: "pm-paula" }),
      });
    // Not set up: nobody signs in, and the page says why.
    const closed = await make();
    const notSetUp = await closed.request(`${origin}/signin`);
    expect(notSetUp.status).toBe(403);
    expect(await notSetUp.text()).toContain("Inloggen is voor deze portal nog niet ingericht");
    expect((await form(closed)).status).toBe(403);
    // A trusted header from the organisation's sign-in (e.g. an OIDC proxy): a session starts.
    const proxied = await make((r) => r.headers.get("x-signed-in-user") ?? undefined);
    expect((await form(proxied)).status).toBe(403);
    const signedIn = await proxied.request(`${origin}/signin`, {
      headers: { "x-signed-in-user": "pm-paula" },
    });
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect((await proxied.request(`${origin}/api/me`, { headers: { cookie } })).status).toBe(200);
    const stranger = await proxied.request(`${origin}/signin`, {
      headers: { "x-signed-in-user": "mallory" },
    });
    expect(stranger.status).toBe(403);
    expect(await stranger.text()).toContain("noemt geen programmamanager of mentor");
    // The demo: pick who you are.
    expect((await form(await make("demo"))).status).toBe(303);
  });

  it("ends a session on sign-out for good: the old cookie signs nobody in again", async () => {
    const cookie = await cookieFor("pm-paula");
    expect((await get("/api/me", cookie)).status).toBe(200);
    const out = await postForm("/signout", {}, cookie);
    expect(out.status).toBe(303);
    // Someone who kept the cookie (a shared computer, a copied header) is not signed in.
    expect((await get("/api/me", cookie)).status).toBe(401);
    expect((await get("/intake", cookie)).headers.get("location")).toBe("/signin");
  });

  it("answers every page with a strict Content-Security-Policy; its one inline style carries the nonce", async () => {
    const res = await get("/intake", await cookieFor("pm-paula"));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    const page = await res.text();
    expect(page).toContain(`<style nonce="${nonce}">`);
    expect(page).not.toMatch(/ style="|<script/);
  });

  it("presumes no consent: the intake form's consent boxes start unticked", async () => {
    const page = await (await get("/intake/new", await cookieFor("pm-paula"))).text();
    for (const name of ["consentData", "consentPartners"])
      expect(page).toMatch(new RegExp(`<input type="checkbox" name="${name}" value="yes"\\s*/>`));
  });

  it("says a store that cannot be reached in words, never its internal cause", async () => {
    const lost = createSqliteStore({ path: ":memory:" })._unsafeUnwrap();
    (await lost.migrate())._unsafeUnwrap();
    (await initProgramme(lost, friesland, { id: "pm-paula" }, () => new Date("2026-11-01")))._unsafeUnwrap();
    const portal = await portalApp(lost);
    const cookie = await signIn(portal, "pm-paula");
    await lost.close();
    const res = await portal.request(`${origin}/intake`, { headers: { cookie } });
    expect(res.status).toBe(503);
    const page = await res.text();
    expect(page).toContain("De gegevens van het programma zijn nu niet bereikbaar; er is niets gewijzigd.");
    expect(page).not.toContain("store is closed");
    expect(page).not.toMatch(/database|connection|sqlite/i);
    const api = await portal.request(`${origin}/api/intakes/x`, { headers: { cookie } });
    expect(await api.json()).toEqual({
      error: { type: "StoreUnavailable" },
      message: expect.stringContaining("niet bereikbaar"),
    });
  });

  it("offers the session form to the one who writes the notes; a member sees who logs", async () => {
    const kase = (await activeCases()).find((c) => currentTeam(c).some((m) => m.role === "member"));
    if (kase === undefined) throw new Error("no active case with a member");
    const lead = currentTeam(kase).find((m) => m.role === "lead")?.mentorId as string;
    const member = currentTeam(kase).find((m) => m.role === "member")?.mentorId as string;
    const asLead = await (await get(`/cases/${kase.id}`, await cookieFor(lead))).text();
    expect(asLead).toContain(`action="/cases/${kase.id}/sessions"`);
    const asMember = await (await get(`/cases/${kase.id}`, await cookieFor(member))).text();
    expect(asMember).not.toContain(`action="/cases/${kase.id}/sessions"`);
    expect(asMember).toMatch(
      /data-testid="who-logs">Sessies legt de teamleider vast, .+, die ook het verslag schrijft\./,
    );
  });

  it("keeps what the manager typed when an override is refused, and says why above the form", async () => {
    const decision = (await store.list("decisions"))
      ._unsafeUnwrap()
      .find((d) => d.value.outcome.kind === "refer");
    if (decision === undefined) throw new Error("no referral in the demo");
    const id = decision.value.intakeId;
    const before = await (await get(`/intake/${id}`, await cookieFor("pm-paula"))).text();
    // No reason given: refused, and the form comes back as it was sent.
    const res = await postForm(
      `/intake/${id}/override`,
      { kind: "notReady", partner: "kvk", advice: "formTeam", reason: "" },
      await cookieFor("pm-paula"),
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/<option value="notReady"\s+selected>/);
    expect(page).toMatch(/<option value="formTeam"\s+selected>/);
    expect(page).toContain("Reden mag niet leeg zijn"); // the field named in words
    // The typed reason comes back too (here: a reason the rules refused as blank).
    const typed = await postForm(
      `/intake/${id}/override`,
      { kind: "accept", partner: "kvk", advice: "formTeam", reason: "   " },
      await cookieFor("pm-paula"),
    );
    expect(await typed.text()).toMatch(/<option value="accept"\s+selected>/);
    expect(before).not.toContain('role="alert"');
  });

  it("keeps the lead's session entry when it is refused, and says why above the form", async () => {
    const kase = (await activeCases())[0];
    if (kase === undefined) throw new Error("no active case");
    const lead = currentTeam(kase).find((m) => m.role === "lead")?.mentorId as string;
    const cookie = await cookieFor(lead);
    const bad = await postForm(
      `/cases/${kase.id}/sessions`,
      { on: "2026-11-20", minutes: "anderhalf uur", mode: "video" },
      cookie,
    );
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain('value="anderhalf uur"');
    expect(page).toContain('value="2026-11-20"');
    expect(page).toMatch(/<option value="video"\s+selected>/);
    expect(page).toContain("Duur in minuten");
    // A date after today: refused in words, the entry kept.
    const later = await postForm(
      `/cases/${kase.id}/sessions`,
      { on: "2027-03-01", minutes: "60", mode: "phone" },
      cookie,
    );
    expect(later.status).toBe(409);
    const again = await later.text();
    expect(again).toContain("de datum ligt na vandaag");
    expect(again).toContain('value="2027-03-01"');
  });

  it("lets the manager pause, resume and close a case from its page, with the exit feedback", async () => {
    const kase = (await activeCases()).at(-1);
    if (kase === undefined) throw new Error("no active case");
    const cookie = await cookieFor("pm-paula");
    const page = await (await get(`/cases/${kase.id}`, cookie)).text();
    expect(page).toContain(`action="/cases/${kase.id}/pause"`);
    expect((await postForm(`/cases/${kase.id}/pause`, {}, cookie)).headers.get("location")).toBe(
      `/cases/${kase.id}?done=1`,
    );
    expect((await store.get("cases", kase.id))._unsafeUnwrap()?.value.state).toBe("paused");
    expect(await (await get(`/cases/${kase.id}`, cookie)).text()).toContain(
      `action="/cases/${kase.id}/resume"`,
    );
    expect((await postForm(`/cases/${kase.id}/resume`, {}, cookie)).status).toBe(303);
    // A mentor cannot: only the manager manages a case.
    const lead = currentTeam(kase).find((m) => m.role === "lead")?.mentorId as string;
    expect((await postForm(`/cases/${kase.id}/pause`, {}, await cookieFor(lead))).status).toBe(403);
    const closed = await postForm(
      `/cases/${kase.id}/close`,
      { reason: "questionResolved", feedbackMentee: "Helder advies, dank", feedbackTeam: "" },
      cookie,
    );
    expect(closed.status).toBe(303);
    const stored = (await store.get("cases", kase.id))._unsafeUnwrap()?.value;
    expect(stored?.state).toBe("closed");
    expect(stored?.closed).toMatchObject({
      reason: "questionResolved",
      feedback: { mentee: "Helder advies, dank" },
    });
    // A bad reason is refused in words, and the case stays closed as it was.
    const bad = await postForm(`/cases/${kase.id}/close`, { reason: "bored" }, cookie);
    expect(bad.status).toBeGreaterThanOrEqual(400);
  });

  it("shows the board and the report for any month the manager picks", async () => {
    const cookie = await cookieFor("pm-paula");
    for (const path of ["/board", "/report"]) {
      const page = await (await get(`${path}?month=2026-06`, cookie)).text();
      expect(page).toContain(`<form method="get" action="${path}" class="month">`);
      expect(page).toContain('name="month" type="month" value="2026-06"');
      expect(page).toContain("juni 2026");
    }
  });

  it("after a form post, the language link leads to a page that exists", async () => {
    const res = await postForm("/board/plan", { month: "2026-13" }, await cookieFor("pm-paula"));
    const page = await res.text();
    expect(page).toContain('href="/?lang=en"');
    expect(page).not.toContain('href="/board/plan?lang');
  });

  it("refuses unknown users, and sends the signed-out to the sign-in page (pages) or 401 (API)", async () => {
    const res = await app.request(`${origin}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ user: "mallory" }),
    });
    expect(res.status).toBe(403);
    expect((await get("/intake")).headers.get("location")).toBe("/signin");
    expect((await get("/api/reports/2026-10")).status).toBe(401);
  });

  it("refuses a form posted from another site (CSRF)", async () => {
    const cookie = await cookieFor("pm-paula");
    const res = await postForm("/board/plan", { month: "2026-11" }, cookie, "http://evil.example");
    expect(res.status).toBe(403);
    expect((await store.get("rounds", "round-2026-11"))._unsafeUnwrap()).toBeUndefined();
  });
});

describe("the access matrix: every permission × role × own or someone else's case", () => {
  // One representative request per permission; `own` decides whose case it touches.
  const probe: Record<Permission, (cookie: string, kase: MentoringCase, me: string) => Promise<Response>> = {
    "intake.submit": (c) => postJson("/api/intakes", {}, c, { "Idempotency-Key": "probe" }),
    "intake.view": (c) => get("/intake", c),
    "triage.override": (c) => postJson("/api/intakes/none/triage", { override: {} }, c),
    "board.view": (c) => get("/board", c),
    "board.plan": (c) => postJson("/api/rounds/1999-01/plan", { pins: "not a list" }, c),
    "board.confirm": (c, k) => postJson(`/api/cases/${k.id}/team`, { team: "not a list" }, c),
    "cases.list": (c) => get("/cases", c),
    "case.view": (c, k) => get(`/api/cases/${k.id}`, c),
    "case.logSession": (c, k, me) =>
      postJson(`/api/cases/${k.id}/sessions`, { caseId: k.id, noteAuthor: me, minutes: -1 }, c),
    "case.close": (c, k) => postJson(`/api/cases/${k.id}/close`, { reason: "not a reason" }, c),
    "mentors.view": (c) => get("/mentors", c),
    "report.view": (c) => get("/api/reports/2026-10", c),
    "myCases.view": (c) => get("/my", c),
    "proposal.answer": (c, k) =>
      postForm("/my/answer", { roundId: "none", caseId: k.id, answer: "maybe" }, c),
    "case.changeTeam": (c, k) => postForm(`/cases/${k.id}/team/lead`, { mentorId: "nobody" }, c),
    "mentors.ethics": (c) =>
      postForm("/mentors/conflict", { mentorId: "nobody", ventureId: "v-x", reason: "bad" }, c),
    "mentors.manage": (c) => postForm("/mentors/nobody/standing", { type: "paused" }, c),
    "audit.view": (c) => get("/audit", c),
    "meetings.calendar": (c) => get("/calendar/meetings.ics", c),
    "outbox.send": (c) => postForm("/outbox/mark", { id: "nothing" }, c),
  };
  const rows = permissions.flatMap((p) =>
    (["manager", "mentor"] as Role[]).flatMap((role) =>
      (["own", "other"] as const).map((whose) => ({ p, role, whose })),
    ),
  );
  it.each(rows)("$p · $role · $whose case", async ({ p, role, whose }) => {
    const cases = await activeCases();
    const mine = cases[0] as MentoringCase;
    const me = role === "manager" ? "pm-paula" : (teamOf(mine)[0] as string);
    const other = cases.find((c) => !teamOf(c).includes(me)) as MentoringCase;
    const kase = whose === "own" ? mine : other;
    const cookie = await cookieFor(me);
    const before = await dumpStore(store);
    const res = await probe[p](cookie, kase, me);
    const rule = accessMatrix[p][role];
    const allowed = rule === "allow" || (rule === "ownCase" && role === "mentor" && whose === "own");
    if (allowed) expect(res.status, `${p} ${role} ${whose}`).not.toBe(403);
    else {
      expect(res.status, `${p} ${role} ${whose}`).toBe(403);
      expect(await dumpStore(store)).toBe(before); // refused: nothing written, nothing audited
    }
  });
});

describe("the JSON API", () => {
  const intake = (id: string, summary = "How do we grow without me in every decision?") =>
    intakeRaw(id, {
      submittedAt: "2026-11-27T09:00:00.000Z",
      question: { summary, topics: [{ topic: "leadership", weight: 3 }] },
    });

  it("lists intakes by findIntakes' query, and refuses a bad one with 422 naming the part", async () => {
    const cookie = await cookieFor("pm-paula");
    const res = await get("/api/intakes?outcome=refer&limit=5&offset=1", cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ offset: 1, limit: 5 });
    expect(body.items.length).toBeLessThanOrEqual(5);
    for (const x of body.items) expect(x.decision.outcome.kind).toBe("refer");
    const bad = await get("/api/intakes?limit=lots", cookie);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("limit");
    expect((await get("/api/intakes", await cookieFor("mentor-01"))).status).toBe(403);
  });

  it("answers a report for a month the programme cannot have (9999-12) with 422 naming the months allowed", async () => {
    const cookie = await cookieFor("pm-paula");
    const res = await get("/api/reports/9999-12", cookie);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ type: "ValidationFailed", issues: [{ path: "asOf" }] });
    expect(body.error.issues[0].message).toMatch(/^a report is for a month from \d{4}-\d\d to \d{4}-\d\d$/);
  });

  it("submits idempotently, names the field at fault, and maps each error to its status", async () => {
    const cookie = await cookieFor("pm-paula");
    expect((await postJson("/api/intakes", intake("intake-api-1"), cookie)).status).toBe(422);
    const key = { "Idempotency-Key": "api-1" };
    const first = await postJson("/api/intakes", intake("intake-api-1"), cookie, key);
    expect(first.status).toBe(201);
    expect((await postJson("/api/intakes", intake("intake-api-1"), cookie, key)).status).toBe(200);
    const clash = await postJson(
      "/api/intakes",
      intake("intake-api-1", "Something else entirely"),
      cookie,
      key,
    );
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.type).toBe("IdempotencyConflict");

    const bad = await postJson(
      "/api/intakes",
      { ...intake("intake-api-2"), venture: { employees: "many" } },
      cookie,
      {
        "Idempotency-Key": "api-2",
      },
    );
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain("venture.employees");
    expect(typeof body.message).toBe("string");

    const notJson = await app.request(`${origin}/api/intakes`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "Idempotency-Key": "api-3" },
      body: "{ nope",
    });
    expect(notJson.status).toBe(422);

    const triaged = await postJson("/api/intakes/intake-api-1/triage", {}, cookie);
    expect(triaged.status).toBe(200);
    expect((await triaged.json()).decision.reasons.length).toBeGreaterThan(0);
    expect((await get("/api/intakes/nope", cookie)).status).toBe(404);
    expect((await get("/api/rounds/2026-13", cookie)).status).toBe(422);
  });

  it("lets a mentor log a session only as themselves, on their own case", async () => {
    const kase = (await activeCases())[0] as MentoringCase;
    const [me, colleague] = teamOf(kase) as [string, string];
    const cookie = await cookieFor(me);
    const session = (author: string) => ({
      id: `s-api-${author}`,
      kind: "case",
      caseId: kase.id,
      on: "2026-11-27T09:30:00.000Z",
      minutes: 60,
      mode: "video",
      mentors: [me, colleague],
      menteePresent: true,
      noteAuthor: author,
    });
    expect((await postJson(`/api/cases/${kase.id}/sessions`, session(colleague), cookie)).status).toBe(403);
    const lead = kase.memberships.find((m) => m.role === "lead" && m.until === undefined)?.mentorId;
    const res = await postJson(`/api/cases/${kase.id}/sessions`, session(me), cookie);
    expect(res.status).toBe(me === lead ? 201 : 409);
  });

  it("does not tell a mentor whether a case id exists", async () => {
    const kase = (await activeCases())[0] as MentoringCase;
    const cookie = await cookieFor(teamOf(kase)[0] as string);
    expect((await get("/api/cases/case-that-does-not-exist", cookie)).status).toBe(403);
    expect((await get("/api/cases/case-that-does-not-exist", await cookieFor("pm-paula"))).status).toBe(404);
  });

  it("writes no personal data to the logs or the audit trail", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    try {
      const cookie = await cookieFor("pm-paula");
      const secret = {
        ...intake("intake-log-1"),
        mentee: { name: "Quintijn Logwatcher", email: "quintijn@example.nl" },
      };
      expect((await postJson("/api/intakes", secret, cookie, { "Idempotency-Key": "log-1" })).status).toBe(
        201,
      );
      expect((await postJson("/api/intakes/intake-log-1/triage", {}, cookie)).status).toBe(200);
      await postJson("/api/intakes", { ...secret, venture: 5 }, cookie, { "Idempotency-Key": "log-2" });
      const logged = spies
        .flatMap((s) => s.mock.calls.flat())
        .map(String)
        .join("\n");
      expect(logged).not.toContain("Quintijn");
      expect(logged).not.toContain("quintijn@example.nl");
      const audit = JSON.stringify((await store.audit())._unsafeUnwrap());
      expect(audit).not.toContain("Quintijn");
      expect(audit).not.toContain("quintijn@example.nl");
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

describe("decisions due on the board", () => {
  it("lists a case a past meeting could not staff, and the manager plans it once more", async () => {
    // A case accepted in October that the meeting of 1 November could not staff.
    const kase = openCase({
      id: "case-due-1" as CaseId,
      ventureId: "v-due-1" as VentureId,
      intakeId: "in-due-1" as IntakeId,
      teamSize: 3,
      on: new Date("2026-10-02T09:00:00Z"),
    });
    const proposal = {
      roundId: "round-due",
      status: "proposal",
      teams: [],
      unstaffed: [kase.id],
      overQuota: [],
      diagnosis: [],
      loads: [],
      teamRuleBreaks: [],
    } as unknown as MatchingProposal;
    (
      await store.transaction((tx) =>
        tx.put("cases", kase.id, kase, "new").andThen(() =>
          tx.put(
            "rounds",
            "round-due",
            {
              id: "round-due",
              plannedAt: new Date("2026-10-30T09:00:00Z"),
              meetingOn: new Date("2026-11-01T19:00:00Z"),
              proposal,
            },
            "new",
          ),
        ),
      )
    )._unsafeUnwrap();
    const cookie = await cookieFor("pm-paula");
    let board = await (await get("/board?month=2026-11", cookie)).text();
    expect(board).toContain('data-testid="due"');
    expect(board).toContain("case-due-1");
    const held = await postForm(
      "/board/hold",
      { month: "2026-11", caseId: "case-due-1", reason: "menteeAgreed" },
      cookie,
    );
    expect(held.status).toBe(303);
    board = await (await get("/board?month=2026-11", cookie)).text();
    expect(board).not.toContain("case-due-1");
    expect((await store.get("cases", "case-due-1"))._unsafeUnwrap()?.value.heldOver?.reason).toBe(
      "menteeAgreed",
    );
    const bad = await postForm(
      "/board/hold",
      { month: "2026-11", caseId: "case-due-1", reason: "bored" },
      cookie,
    );
    expect(bad.status).toBe(422);
    // A mentor may not.
    const mentor = teamOf((await activeCases())[0] as MentoringCase)[0] as string;
    expect(
      (
        await postForm(
          "/board/hold",
          { month: "2026-11", caseId: "case-due-1", reason: "other" },
          await cookieFor(mentor),
        )
      ).status,
    ).toBe(403);
  });
});

describe("mentors' consent in the portal", () => {
  it("a proposed mentor says yes on their page, the manager records the others' answers, then confirms", async () => {
    const pm = await cookieFor("pm-paula");
    const caseId = await waitingCase(store, 2);
    expect((await postForm("/board/plan", { month: "2026-11" }, pm)).status).toBe(303);
    const round = (await store.get("rounds", "round-2026-11"))._unsafeUnwrap()?.value.proposal;
    const team = round?.teams.find((x) => x.caseId === caseId);
    if (team === undefined)
      throw new Error(
        `expected a proposed team: ${JSON.stringify({ ...round, teams: round?.teams.length })}`,
      );
    // Nobody said yes yet: a proposal, not a team.
    expect((await postForm("/board/confirm", { month: "2026-11", caseId: team.caseId }, pm)).status).toBe(
      409,
    );
    const mentor = team.members[0] as string;
    const mine = await cookieFor(mentor);
    expect(await (await get("/my", mine)).text()).toContain(team.caseId);
    // A mentor cannot record anyone's answer on the board.
    expect(
      (
        await postForm(
          "/board/answer",
          {
            month: "2026-11",
            caseId: team.caseId,
            mentorId: team.lead,
            answer: "yes",
            onBehalf: "saidByPhone",
          },
          mine,
        )
      ).status,
    ).toBe(403);
    expect(
      (await postForm("/my/answer", { roundId: "round-2026-11", caseId: team.caseId, answer: "yes" }, mine))
        .status,
    ).toBe(303);
    for (const m of [team.lead, ...team.members.slice(1)])
      expect(
        (
          await postForm(
            "/board/answer",
            { month: "2026-11", caseId: team.caseId, mentorId: m, answer: "yes", onBehalf: "saidAtMeeting" },
            pm,
          )
        ).status,
      ).toBe(303);
    const board = await (await get("/board?month=2026-11", pm)).text();
    expect(board).toContain('data-testid="answers"');
    // The same board read in English: the explanations rendered for the reader, not stored Dutch.
    const english = await (await get("/board?month=2026-11&lang=en", pm)).text();
    expect(english).toMatch(/\bcovers\b/);
    expect(english).not.toMatch(/\b(dekt|leidt|niet gekozen)\b/);
    expect(board).not.toContain("portal.consent");
    expect((await postForm("/board/confirm", { month: "2026-11", caseId: team.caseId }, pm)).status).toBe(
      303,
    );
    const confirmed = (await store.get("cases", team.caseId))._unsafeUnwrap()?.value;
    expect(confirmed?.state).toBe("active");
    const trail = (await store.audit())._unsafeUnwrap().filter((e) => e.action === "answerProposal");
    expect(trail.at(-1)?.reason).toBe("yes:saidAtMeeting");
    expect(trail.some((e) => e.actor === mentor && e.reason === "yes")).toBe(true);
  });
});

describe("a returning venture in the portal", () => {
  it("an intake from a venture seen before waits for the manager, who links it to the earlier case", async () => {
    const pm = await cookieFor("pm-paula");
    const closed = (await store.find("cases", "state", "closed"))._unsafeUnwrap()[0]?.value;
    if (closed === undefined) throw new Error("expected a closed case in the demo year");
    const earlier = (await store.get("intakes", closed.intakeId))._unsafeUnwrap()?.value;
    if (earlier === undefined) throw new Error("expected the closed case's intake");
    const key = "0b0e1a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b";
    const res = await postForm(
      "/intake",
      {
        key,
        mentee: earlier.mentee.name,
        email: earlier.mentee.email.toUpperCase(),
        venture: `${earlier.venture.name} B.V.`,
        registrationNumber: "",
        sector: earlier.venture.sector,
        stage: earlier.venture.stage,
        employees: String(earlier.venture.employees),
        region: earlier.venture.region,
        exportAmbition: earlier.venture.exportAmbition,
        innovative: "no",
        mainTopic: "leadership",
        otherTopic: "",
        summary: "A new question: how do we hand over the workshop to the next generation?",
        urgency: "routine",
        consentData: "yes",
        consentPartners: "yes",
      },
      pm,
    );
    expect(res.status).toBe(303);
    const at = res.headers.get("location") as string;
    const id = at.replace("/intake/", "");
    // Not triaged yet: the manager sees the venture's history first.
    expect((await store.get("decisions", id))._unsafeUnwrap()).toBeUndefined();
    const page = await (await get(at, pm)).text();
    expect(page).toContain('data-testid="seen-before"');
    expect(page).toContain(closed.id);
    expect((await postForm(`${at}/link`, { caseId: closed.id }, pm)).status).toBe(303);
    expect((await store.get("intakes", id))._unsafeUnwrap()?.value.previousCaseId).toBe(closed.id);
    expect(await (await get(at, pm)).text()).toContain(closed.id);
  });
});

describe("ethics and team changes in the portal", () => {
  it("the manager records a gift, the mentor is suspended from matching, and resolves it", async () => {
    const pm = await cookieFor("pm-paula");
    const kase = (await activeCases())[0] as MentoringCase;
    const mentor = teamOf(kase)[1] as string;
    expect(
      (await postForm("/mentors/benefit", { mentorId: mentor, ventureId: kase.ventureId, kind: "gift" }, pm))
        .status,
    ).toBe(303);
    let page = await (await get("/mentors", pm)).text();
    expect(page).toMatch(new RegExp(`data-testid="status-${mentor}">geschorst: een geschenk`));
    expect((await store.get("mentors", mentor))._unsafeUnwrap()?.value.ethicsHold?.kind).toBe("gift");
    expect((await postForm(`/mentors/${mentor}/resolve`, { resolution: "benefitReturned" }, pm)).status).toBe(
      303,
    );
    page = await (await get("/mentors", pm)).text();
    expect(page).toContain(`data-testid="status-${mentor}"></td>`);
    // A mentor cannot record one.
    const own = await cookieFor(mentor);
    expect(
      (await postForm("/mentors/benefit", { mentorId: mentor, ventureId: kase.ventureId, kind: "gift" }, own))
        .status,
    ).toBe(403);
  });

  it("a member recuses, the manager names a replacement who said yes, and the team is whole again", async () => {
    const pm = await cookieFor("pm-paula");
    const kase = (await activeCases()).find((k) => !k.needsReplacement) as MentoringCase;
    const leaving = currentTeam(kase).find((m) => m.role === "member")?.mentorId as string;
    expect(
      (await postForm(`/cases/${kase.id}/team/leave`, { mentorId: leaving, reason: "recused" }, pm)).status,
    ).toBe(303);
    const page = await (await get(`/cases/${kase.id}`, pm)).text();
    expect(page).toContain('data-testid="team-change"');
    expect(page).toContain('data-testid="suggested"');
    expect((await store.get("cases", kase.id))._unsafeUnwrap()?.value.needsReplacement).toBe(true);
    // The recused mentor never comes back to this case.
    const before = await dumpStore(store);
    expect(
      (
        await postForm(
          `/cases/${kase.id}/team/join`,
          { mentorId: leaving, role: "member", onBehalf: "saidByPhone" },
          pm,
        )
      ).status,
    ).toBe(409);
    // Refused before any answer was asked: nothing recorded.
    expect(await dumpStore(store)).toBe(before);
    const mentors = (await store.list("mentors"))._unsafeUnwrap().map((m) => m.value);
    const loads = (await store.count("cases", "seatedMentor"))._unsafeUnwrap();
    const newcomer = mentors.find(
      (m) =>
        m.state === "active" &&
        m.ethicsHold === undefined &&
        !teamOf(kase).includes(m.id) &&
        (loads.get(m.id) ?? 0) < m.capacity.maxCases,
    )?.id as string;
    const joined = await postForm(
      `/cases/${kase.id}/team/join`,
      { mentorId: newcomer, role: "member", onBehalf: "saidByPhone" },
      pm,
    );
    expect(joined.status).toBe(303);
    const after = (await store.get("cases", kase.id))._unsafeUnwrap()?.value as MentoringCase;
    expect(after.needsReplacement).toBe(false);
    expect(currentTeam(after).map((m) => m.mentorId)).toContain(newcomer);
    const trail = (await store.audit())._unsafeUnwrap();
    expect(trail.some((e) => e.action === "answerProposal" && e.reason === "yes:saidByPhone")).toBe(true);
  });
});

describe("one-off conversations in the portal", () => {
  it("the manager records the conversation triage offered, against its intake; never for another intake", async () => {
    const pm = await cookieFor("pm-paula");
    const oneOff = (await store.find("decisions", "outcome", "oneOff"))._unsafeUnwrap()[0]?.value;
    if (oneOff === undefined) throw new Error("expected a one-off decision in the demo year");
    const page = await (await get(`/intake/${oneOff.intakeId}`, pm)).text();
    expect(page).toContain('data-testid="one-off"');
    const before = (await store.find("sessions", "intake", oneOff.intakeId))._unsafeUnwrap().length;
    const form = { mentorId: "mentor-01", on: "2026-11-20", minutes: "60", mode: "phone" };
    expect((await postForm(`/intake/${oneOff.intakeId}/oneoff`, form, pm)).status).toBe(303);
    const after = (await store.find("sessions", "intake", oneOff.intakeId))._unsafeUnwrap();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.value).toMatchObject({ kind: "oneOff", mentors: ["mentor-01"], minutes: 60 });
    const accepted = (await store.find("decisions", "outcome", "accept"))._unsafeUnwrap()[0]?.value;
    const refused = await postForm(`/intake/${accepted?.intakeId}/oneoff`, form, pm);
    expect(refused.status).toBe(409);
  });
});

describe("the board remembers the manager's choices", () => {
  it("keeps exclusions at the next re-plan and shows them ticked", async () => {
    // A small programme of its own: six mentors, one accepted question waiting for the meeting.
    const small = createMemoryStore();
    const clock = () => new Date("2026-11-27T10:00:00.000Z");
    (await initProgramme(small, friesland, { id: "pm-paula" }, clock))._unsafeUnwrap();
    const ctx = (await openProgramme(small, { clock, newId: (k) => `${k}-1` }))._unsafeUnwrap();
    for (const id of ["anke", "douwe", "froukje", "ype", "sjoerd", "tjitske"])
      (await registerMentor(ctx, mentorRaw(id), { id: "pm-paula" }, "new"))._unsafeUnwrap();
    (await submitIntake(ctx, intakeRaw("in-1"), "k-1", { id: "portal" }))._unsafeUnwrap();
    const caseId = (await decideTriage(ctx, "in-1" as IntakeId, { id: "pm-paula" }))._unsafeUnwrap()
      .caseId as string;
    const portal = await portalApp(small);
    const pm = await signIn(portal, "pm-paula");
    const post = (form: Record<string, string>) =>
      portal.request(`${origin}/board/plan`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: pm, origin },
        body: new URLSearchParams(form),
      });
    expect((await post({ month: "2026-11" })).status).toBe(303);
    const first = (await small.get("rounds", "round-2026-11"))
      ._unsafeUnwrap()
      ?.value.proposal.teams.find((x) => x.caseId === caseId);
    if (first === undefined) throw new Error("expected a proposed team");
    const out = first.members[0] as string;
    expect((await post({ month: "2026-11", exclude: `${caseId}:${out}` })).status).toBe(303);
    const again = (await small.get("rounds", "round-2026-11"))._unsafeUnwrap()?.value;
    expect(again?.pins).toEqual([{ mentorId: out, caseId, kind: "exclude" }]);
    const team = again?.proposal.teams.find((x) => x.caseId === caseId);
    expect([team?.lead, ...(team?.members ?? [])]).not.toContain(out);
    // The board shows the choice ticked, and the re-plan button comes after the choices.
    const board = await (
      await portal.request(`${origin}/board?month=2026-11`, { headers: { cookie: pm } })
    ).text();
    expect(board).toMatch(new RegExp(`value="${caseId}:${out}"\\s+checked`));
    const form = board.slice(board.indexOf('action="/board/plan"'));
    expect(form.indexOf('id="plan"')).toBeGreaterThan(form.indexOf('name="exclude"'));
  });
});

describe("the manager's intake list", () => {
  const rows = (page: string) => [...page.matchAll(/<a href="\/intake\/(intake-[^"]+)">/g)].map((m) => m[1]);

  it("searches, filters and pages, keeping the search in every link", async () => {
    const pm = await cookieFor("pm-paula");
    const all = (await store.list("intakes"))._unsafeUnwrap().map((i) => i.value);
    const first = await (await get("/intake", pm)).text();
    expect(rows(first)).toHaveLength(25);
    expect(first).toContain(`${all.length} intakes gevonden; 1–25 getoond.`);
    // The next page goes on where the first stopped; nothing is shown twice.
    const next = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll("&amp;", "&") as string;
    expect(next).toBe("/intake?page=2");
    const second = await (await get(next, pm)).text();
    expect(rows(second).some((id) => rows(first).includes(id))).toBe(false);
    // Filters: referred to one partner, in one month; the pager keeps them.
    const referral = (await store.list("referrals"))._unsafeUnwrap()[0]?.value;
    if (referral === undefined) throw new Error("expected a referral in the demo year");
    const month = all
      .find((i) => i.id === referral.intakeId)
      ?.submittedAt.toISOString()
      .slice(0, 7) as string;
    const filtered = await (
      await get(`/intake?outcome=refer&partner=${referral.partnerId}&month=${month}`, pm)
    ).text();
    expect(rows(filtered)).toContain(referral.intakeId);
    expect(filtered).toContain(`value="${month}"`);
    expect(filtered).toMatch(new RegExp(`<option value="${referral.partnerId}" selected`));
    // Search by a piece of the venture's name, in capitals.
    const target = all[0] as (typeof all)[number];
    const piece = target.venture.name.slice(0, 6).toUpperCase();
    const searched = await (await get(`/intake?q=${encodeURIComponent(piece)}`, pm)).text();
    expect(rows(searched)).toContain(target.id);
    const none = await (await get("/intake?q=zzz-nobody", pm)).text();
    expect(none).toContain("Geen intakes gevonden.");
    expect(rows(none)).toHaveLength(0);
  });

  it("says a bad filter in words, with the search form as it was", async () => {
    const res = await get("/intake?month=2026-13&q=Dokkum", await cookieFor("pm-paula"));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Maand");
    expect(page).toContain('value="Dokkum"');
  });

  it("downloads the search as CSV a Dutch spreadsheet opens, formulas disarmed", async () => {
    const pm = await cookieFor("pm-paula");
    const small = createMemoryStore();
    (await initProgramme(small, friesland, { id: "pm-paula" }, () => new Date("2026-11-01")))._unsafeUnwrap();
    const ctx = (
      await openProgramme(small, { clock: () => new Date("2026-11-20T10:00:00Z"), newId: (k) => `${k}-1` })
    )._unsafeUnwrap();
    const raw = intakeRaw("intake-x1", { submittedAt: "2026-11-20T10:00:00.000Z" });
    const venture = { ...raw.venture, name: "=HYPERLINK(1)" };
    (await submitIntake(ctx, { ...raw, venture }, "k-x1", { id: "pm-paula" }))._unsafeUnwrap();
    const portal = await portalApp(small);
    const cookie = await signIn(portal, "pm-paula");
    const res = await portal.request(`${origin}/intake.csv?q=hyperlink`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain('filename="intakes-all.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte-order mark first: spreadsheets then read the accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = new TextDecoder().decode(bytes).split("\r\n");
    expect(header).toBe("id;Datum;Onderneming;Naam ondernemer;Sector;Uitkomst;Partnerprogramma");
    expect(row).toContain("intake-x1;2026-11-20;'=HYPERLINK(1);");
    // The whole list, not one page, on the demo store.
    const demo = await get("/intake.csv", pm);
    const lines = (await demo.text()).trim().split("\r\n");
    expect(lines.length - 1).toBe((await store.list("intakes"))._unsafeUnwrap().length);
    await small.close();
  });
});

describe("mentor management in the portal", () => {
  const activeCaseFor = (mentorId: string) =>
    apply(newCase("case-77", "2026-11-02"), {
      type: "teamConfirmed",
      on: d("2026-11-03"),
      team: [
        { mentorId: m(mentorId), role: "lead" },
        { mentorId: m("anke"), role: "member" },
        { mentorId: m("douwe"), role: "member" },
      ],
    });
  /** A small programme of its own: these tests change mentors. */
  async function small() {
    const store = createMemoryStore();
    (await initProgramme(store, friesland, { id: "pm-paula" }, () => new Date("2026-11-01")))._unsafeUnwrap();
    const portal = await portalApp(store);
    const cookie = await signIn(portal, "pm-paula");
    const form = (path: string, body: Record<string, string | string[]>) => {
      const data = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) data.append(k, x);
      return portal.request(`${origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin },
        body: data,
      });
    };
    const page = async (path: string) =>
      await (await portal.request(`${origin}${path}`, { headers: { cookie } })).text();
    return { store, portal, cookie, form, page };
  }
  const newMentor = {
    id: "mentor-31",
    name: "Hylke Postma",
    email: "hylke@example.nl",
    state: "active",
    background: "founder",
    firm: "Postma Bouw",
    maxCases: "2",
    monthlyHours: "4",
    leadQualified: "yes",
    sectors: ["agrifood", "maritime"],
    "level.export": "3",
    "level.sales": "2",
    "interest.0.kind": "competitor",
    "interest.0.org": "Zuivel Noord",
    ethicsStatementSignedOn: "2026-10-01",
  };

  it("adds a mentor, edits them with the version read, and keeps a refused form as typed", async () => {
    const { store, form, page } = await small();
    const bad = await form("/mentors/new", { ...newMentor, name: "", maxCases: "-1" });
    expect(bad.status).toBe(422);
    const again = await bad.text();
    expect(again).toContain("Naam mag niet leeg zijn");
    expect(again).toContain('value="mentor-31"');
    expect(again).toContain('value="Zuivel Noord"');
    expect(again).toMatch(/value="maritime" checked/);
    expect((await store.list("mentors"))._unsafeUnwrap()).toHaveLength(0);
    // Interests come back numbered in their order: a form naming row 999 999 gets one row, not a million.
    const far = await (
      await form("/mentors/new", {
        ...newMentor,
        name: "",
        "interest.999999.kind": "supplier",
        "interest.999999.org": "Far BV",
      })
    ).text();
    expect(far.match(/name="interest\.\d+\.kind"/g)).toHaveLength(4);
    expect(far).toContain('value="Far BV"');
    const added = await form("/mentors/new", newMentor);
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/mentors/mentor-31?saved=1");
    const stored = (await store.get("mentors", "mentor-31"))._unsafeUnwrap();
    expect(stored?.value.expertise).toHaveLength(2);
    expect(stored?.value).toMatchObject({
      name: "Hylke Postma",
      sectors: ["agrifood", "maritime"],
      expertise: expect.arrayContaining([
        { topic: "export", level: 3 },
        { topic: "sales", level: 2 },
      ]),
      interests: [{ kind: "competitor", organisation: "Zuivel Noord" }],
      leadQualified: true,
      capacity: { maxCases: 2, monthlyHours: 4 },
    });
    expect(stored?.value.ethicsStatementSignedOn?.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    const shown = await page("/mentors/mentor-31");
    expect(shown).toContain("Mentor: Hylke Postma");
    expect(shown).toContain('name="version" value="1"');
    // An edit names the version it read: a second edit from the same old page is refused, not lost.
    const edited = await form("/mentors/mentor-31", { ...newMentor, version: "1", monthlyHours: "6" });
    expect(edited.status).toBe(303);
    expect((await store.get("mentors", "mentor-31"))._unsafeUnwrap()?.value.capacity.monthlyHours).toBe(6);
    const stale = await form("/mentors/mentor-31", { ...newMentor, version: "1", monthlyHours: "8" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="8"');
    expect((await store.get("mentors", "mentor-31"))._unsafeUnwrap()?.value.capacity.monthlyHours).toBe(6);
    await store.close();
  });

  it("pauses until a date, resumes, records the ethics statement, and will not retire a mentor on a team", async () => {
    const { store, form, page } = await small();
    expect((await form("/mentors/new", newMentor)).status).toBe(303);
    const paused = await form("/mentors/mentor-31/standing", { type: "paused", until: "2027-02-01" });
    expect(paused.status).toBe(303);
    expect(await page("/mentors/mentor-31")).toContain("gepauzeerd tot 1 februari 2027");
    expect((await form("/mentors/mentor-31/standing", { type: "resumed" })).status).toBe(303);
    expect(
      (await form("/mentors/mentor-31/standing", { type: "ethicsStatementSigned", on: "2026-11-20" })).status,
    ).toBe(303);
    expect(await page("/mentors/mentor-31")).toContain("Ethische verklaring getekend op 20 november 2026");
    // On a team: retiring is refused in words, naming the case.
    const kase = { ...activeCaseFor("mentor-31") };
    (await store.transaction((tx) => tx.put("cases", kase.id, kase, "new")))._unsafeUnwrap();
    const refused = await form("/mentors/mentor-31/standing", { type: "retired" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Hylke Postma zit nog in het team van");
    // Nonsense is refused as such.
    expect((await form("/mentors/mentor-31/standing", { type: "fired" })).status).toBe(422);
    expect((await form("/mentors/nobody/standing", { type: "paused" })).status).toBe(404);
    await store.close();
  });

  it("imports a CSV in two steps: a check that writes nothing, then exactly what was checked", async () => {
    const { store, form, page } = await small();
    const header =
      "id,name,email,expertise,sectors,background,firm,leadQualified,intakeLead,maxCases,monthlyHours,interests,ethicsStatementSignedOn";
    const good = `${header}\nmentor-40,Jetske Hoekstra,jetske@example.nl,export:3;sales:2,agrifood,founder,,yes,no,2,4,,2026-09-01\nmentor-41,Sjoerd Wiersma,,finance:2,,finance,,no,no,1,3,,`;
    const bad = `${good}\nmentor-42,,x,export:9,,astronaut,,no,no,1,3,,`;
    const refused = await form("/mentors/import", { csv: bad, step: "check" });
    expect(refused.status).toBe(422);
    const text = await refused.text();
    expect(text).toContain("1 rij moet worden verbeterd; er is niets geïmporteerd.");
    expect(text).toContain("klaar om te importeren");
    expect(text).toContain("Niveau van de expertise");
    const checked = await form("/mentors/import", { csv: good, step: "check" });
    expect(checked.status).toBe(200);
    expect(await checked.text()).toContain("2 mentoren importeren");
    expect((await store.list("mentors"))._unsafeUnwrap()).toHaveLength(0);
    const done = await form("/mentors/import", { csv: good, step: "import" });
    expect(done.status).toBe(303);
    expect(await page(done.headers.get("location") as string)).toContain("2 mentoren geïmporteerd.");
    expect((await store.list("mentors"))._unsafeUnwrap().map((m) => m.value.id)).toEqual([
      "mentor-40",
      "mentor-41",
    ]);
    const twice = await form("/mentors/import", { csv: good, step: "import" });
    expect(await page(twice.headers.get("location") as string)).toContain(
      "0 mentoren geïmporteerd; 2 waren er al en zijn ongewijzigd gelaten.",
    );
    const broken = await form("/mentors/import", { csv: `${header}\n"mentor-50,unclosed`, step: "check" });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain("niet als CSV te lezen");
    await store.close();
  });

  it("shows a mentor their hours against what they offer and until when their ethics statement holds", async () => {
    const { store, portal, form } = await small();
    expect((await form("/mentors/new", newMentor)).status).toBe(303);
    const cookie = await signIn(portal, "mentor-31");
    const my = await (await portal.request(`${origin}/my`, { headers: { cookie } })).text();
    expect(my).toContain(
      "Deze maand 0 uur geschreven van de 4 uur per maand aangeboden; 0 van maximaal 2 casussen.",
    );
    expect(my).toContain("Ethische verklaring getekend op 1 oktober 2026.");
    expect(my).toMatch(/Die geldt tot 1 oktober 2027\./);
    await store.close();
  });

  it("shows the audit trail by name and in words, filtered and newest first", async () => {
    const { store, form, page } = await small();
    expect((await form("/mentors/new", newMentor)).status).toBe(303);
    expect((await form("/mentors/mentor-31/standing", { type: "paused" })).status).toBe(303);
    const trail = await page("/audit");
    expect(trail).toContain("Paula Hoekstra");
    expect(trail.indexOf("wijzigde de status van een mentor")).toBeLessThan(
      trail.indexOf("registreerde een mentor"),
    );
    expect(trail).toContain("pauzeren");
    const filtered = await page("/audit?about=mentor-31");
    expect(filtered).toContain("2 regels; 1–2 getoond, nieuwste eerst.");
    await store.close();
  });
});

describe("what people take away", () => {
  it("prints the month's report without navigation, and downloads its hours per case as CSV", async () => {
    const pm = await cookieFor("pm-paula");
    const printable = await (await get("/report/print?month=2026-10", pm)).text();
    expect(printable).toContain('data-testid="printable"');
    expect(printable).toContain("Maandrapportage");
    expect(printable).not.toContain("<header>");
    expect(printable).not.toContain("<form");
    const res = await get("/report.csv?month=2026-10", pm);
    expect(res.headers.get("content-disposition")).toContain('filename="report-2026-10.csv"');
    const [header, ...rows] = new TextDecoder()
      .decode(await res.arrayBuffer())
      .trim()
      .split("\r\n");
    expect(header).toBe(
      "id;Casus;Uren deze maand;Uren per maand (voortschrijdend gemiddelde);Norm;Stand;Uren in totaal",
    );
    const report = (await (await get("/api/reports/2026-10", pm)).json()) as {
      hours: { perCase: unknown[] };
    };
    expect(rows).toHaveLength(report.hours.perCase.length);
    expect((await get("/report.csv?month=2026-13", pm)).status).toBe(422);
    expect((await get("/report.csv", await cookieFor("mentor-01"))).status).toBe(403);
  });

  it("keeps the closing feedback as typed when the closing is refused", async () => {
    const pm = await cookieFor("pm-paula");
    const kase = (await activeCases())[0] as MentoringCase;
    const before = await dumpStore(store);
    const res = await postForm(
      `/cases/${kase.id}/close`,
      { reason: "nonsense", feedbackMentee: "Heel fijn geholpen met de export", feedbackTeam: "Goed team" },
      pm,
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Heel fijn geholpen met de export</textarea>");
    expect(page).toContain("Goed team</textarea>");
    expect(await dumpStore(store)).toBe(before);
  });

  it("downloads the open cases and the audit trail as CSV, the audit as searched", async () => {
    const pm = await cookieFor("pm-paula");
    const text = async (path: string) => new TextDecoder().decode(await (await get(path, pm)).arrayBuffer());
    const cases = (await text("/cases.csv")).trim().split("\r\n");
    expect(cases[0]).toBe("id;Onderneming;Status;Team;Datum");
    const open = (
      await store.find("cases", "state", ["awaitingMeeting", "active", "paused"])
    )._unsafeUnwrap();
    expect(cases).toHaveLength(open.length + 1);
    const kase = (await activeCases())[0] as MentoringCase;
    const audit = (await text(`/audit.csv?about=${kase.id}`)).trim().split("\r\n");
    expect(audit[0]).toBe("Wanneer;Wie;Wat;Waarover;Waarom");
    const entries = (await store.audit())._unsafeUnwrap().filter((a) => a.subject.id === kase.id);
    expect(audit).toHaveLength(entries.length + 1);
    for (const line of audit.slice(1)) expect(line).toContain(`;${kase.id};`);
    expect((await get("/audit.csv", await cookieFor(teamOf(kase)[0] as string))).status).toBe(403);
  });

  it("gives the planned meetings and a case's sessions as calendars, the sessions to the team only", async () => {
    const pm = await cookieFor("pm-paula");
    const meetings = await get("/calendar/meetings.ics", pm);
    expect(meetings.headers.get("content-type")).toContain("text/calendar");
    const ics = await meetings.text();
    const rounds = (await store.list("rounds"))
      ._unsafeUnwrap()
      .filter((r) => r.value.meetingOn !== undefined);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(rounds.length);
    expect(ics).toContain("SUMMARY:Mentorenoverleg · ");
    const kase = (await activeCases())[0] as MentoringCase;
    const sessions = (await store.find("sessions", "case", kase.id))._unsafeUnwrap();
    const member = teamOf(kase)[0] as string;
    const mine = await (await get(`/cases/${kase.id}/sessions.ics`, await cookieFor(member))).text();
    expect(mine.match(/BEGIN:VEVENT/g) ?? []).toHaveLength(sessions.length);
    expect(mine).toMatch(/DURATION:PT\d+[HM]/);
    const stranger = (await store.list("mentors"))
      ._unsafeUnwrap()
      .find((m) => !teamOf(kase).includes(m.value.id));
    const refused = await get(
      `/cases/${kase.id}/sessions.ics`,
      await cookieFor(stranger?.value.id as string),
    );
    expect(refused.status).toBe(403);
  });
});

describe("reminders in the portal", () => {
  /** A local SMTP server started by the test: what it receives is what a mentor would. */
  async function mailServer() {
    const received: { to: string; text: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        let text = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          text += chunk;
        });
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text });
          done();
        });
      },
    });
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)),
    );
    return {
      received,
      url: `smtp://127.0.0.1:${port}`,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  }

  it("queues what is due, shows it as it will be sent, sends it by SMTP and marks it sent", async () => {
    const mail = await mailServer();
    const store = createMemoryStore();
    (await initProgramme(store, friesland, { id: "pm-paula" }, () => new Date("2026-01-02")))._unsafeUnwrap();
    const ctx = (
      await openProgramme(store, { clock: () => new Date("2026-11-20T10:00:00Z"), newId: (k) => `${k}-1` })
    )._unsafeUnwrap();
    for (const id of ["anke", "douwe", "froukje"])
      (
        await registerMentor(ctx, mentorRaw(id, { email: `${id}@example.nl` }), { id: "pm-paula" }, "new")
      )._unsafeUnwrap();
    const quiet = apply(newCase("case-1", "2026-01-05"), {
      type: "teamConfirmed",
      on: d("2026-01-12"),
      team: [
        { mentorId: m("anke"), role: "lead" },
        { mentorId: m("douwe"), role: "member" },
        { mentorId: m("froukje"), role: "member" },
      ],
    });
    (await store.transaction((tx) => tx.put("cases", "case-1", quiet, "new")))._unsafeUnwrap();
    const portal = (
      await createPortal({
        store,
        secret: "a-test-secret-that-is-long-enough-0123456789",
        managers: [{ id: "pm-paula", name: "Paula Hoekstra", role: "manager" }],
        clock: () => new Date("2026-11-20T10:00:00Z"),
        signIn: "demo",
        sendMail: smtpSender(mail.url, "programma@example.nl"),
      })
    )._unsafeUnwrap();
    const cookie = await signIn(portal, "pm-paula");
    const post = (path: string) =>
      portal.request(`${origin}${path}`, {
        method: "POST",
        headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
    const queued = await post("/outbox/queue");
    expect(queued.headers.get("location")).toBe("/outbox?queued=1&withdrawn=0");
    const outbox = await (
      await portal.request(`${origin}${queued.headers.get("location")}`, { headers: { cookie } })
    ).text();
    expect(outbox).toContain("1 herinnering klaargezet, 0 vervallen (niet meer nodig).");
    expect(outbox).toContain("staat de vraag nog open?");
    expect(outbox).toContain("anke@example.nl");
    // The lead sees it on their own page too.
    const lead = await signIn(portal, "anke");
    expect(await (await portal.request(`${origin}/my`, { headers: { cookie: lead } })).text()).toContain(
      "staat de vraag nog open?",
    );
    const sent = await post("/outbox/send");
    expect(sent.headers.get("location")).toBe("/outbox?sent=1&failed=0");
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]?.to).toBe("anke@example.nl");
    expect(mail.received[0]?.text).toMatch(/Subject: case-1: staat de vraag nog open\?/);
    expect(mail.received[0]?.text).toMatch(/Staat de vraag nog open\?/);
    const after = await (await portal.request(`${origin}/outbox`, { headers: { cookie } })).text();
    expect(after).toContain("Niets te versturen.");
    // Queued once: queueing again sends nothing twice.
    expect((await post("/outbox/queue")).headers.get("location")).toBe("/outbox?queued=0&withdrawn=0");
    await mail.close();
    await store.close();
  });
});
