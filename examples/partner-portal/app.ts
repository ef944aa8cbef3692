/**
 * The partner portal: how a programme's own web site embeds the library. Pages for the programme
 * manager (intake and triage, the meeting board, cases, mentors, the monthly report) and for mentors
 * (their own cases, logging a session), in Dutch and English, and a JSON API beside them. Every
 * route checks the signed-in user against one access table; every library error maps to one HTTP
 * status (through `errorClass`, exhaustive over the library's errors) and a catalogue message.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { err, ok, type Result } from "neverthrow";
import {
  addMonths,
  adviceCodes,
  answerProposal,
  type BenefitKind,
  benefitKinds,
  type CaseId,
  type ClosingReason,
  type ConflictReason,
  type ConsentAnswer,
  caseHours,
  caseHoursChart,
  casesDue,
  changeTeam,
  closeCase,
  closingReasons,
  confirmTeam,
  conflictReasons,
  consentId,
  currentTeam,
  decideTriage,
  describeDiagnosis,
  describeError,
  describeIssue,
  describeOutcome,
  describeReason,
  describeTeam,
  type EthicsResolution,
  ethicsResolutions,
  ethicsStatementCurrent,
  exportAmbitions,
  formatDate,
  formatHours,
  formatMonth,
  type HoldOverReason,
  holdOver,
  holdOverReasons,
  hoursChart,
  type IntakeId,
  type IntakeRequest,
  type Locale,
  linkPreviousCase,
  loadChart,
  locales,
  logSession,
  type MentorId,
  type MentoringCase,
  mayWriteNotes,
  message,
  monthKey,
  type Naming,
  type NotFound,
  type OnBehalfReason,
  onBehalfReasons,
  openProgramme,
  type Pin,
  type ProgrammeContext,
  type ProgrammeStore,
  parseManagerOverride,
  pauseCase,
  planRound,
  programmeReport,
  proposeReplacementFor,
  recordConflict,
  recordEthicsViolation,
  renderReportMarkdown,
  resolveEthicsHold,
  resumeCase,
  type StoreUnavailable,
  seekings,
  seenBefore,
  sessionModes,
  submitIntake,
  type TeamChange,
  urgencies,
  type VentureId,
  type VentureMentoringError,
  ventureStages,
} from "venture-mentoring";
import { httpStatusOf } from "../shared/errors.js";
import { isMonth, reportAsOf } from "../shared/months.js";
import { type Permission, permits, type User } from "./access.js";
import { chart, type Html, layout, options, t } from "./views.js";

export interface PortalOptions {
  readonly store: ProgrammeStore;
  /** Signs the session cookie; at least 32 characters. */
  readonly secret: string;
  /** The programme managers who may sign in (mentors sign in as themselves, from the store). */
  readonly managers: readonly User[];
  /** Default: the real clock. Tests pass their own. */
  readonly clock?: () => Date;
  /** Mark cookies `Secure` (behind HTTPS). Default false, for http://localhost. */
  readonly secureCookies?: boolean;
  /**
   * How people sign in. `"demo"`: they pick who they are from a list, without a password — for the
   * demo programme only. Otherwise a function that says who sent the request from your own
   * authentication (an OIDC login in front of the portal, a header a trusted proxy sets): the id of
   * a manager or a mentor, or undefined. Without it nobody can sign in.
   */
  readonly signIn?: "demo" | ((request: Request) => string | undefined | Promise<string | undefined>);
  /**
   * Where sign-ins are kept (default: this process's memory — a restart signs everyone out). Give a
   * store of your own to keep them across restarts or share them between processes.
   */
  readonly sessions?: SessionStore;
}

/** A signed-in person, kept on the server: the cookie holds only the session's random id. */
export interface SessionRecord {
  readonly userId: string;
  /** When the session ends (ms since the epoch), whatever happens before. */
  readonly expires: number;
}

/** Who is signed in. A sign-out deletes the session, so its cookie signs nobody in again. */
export interface SessionStore {
  get(id: string): SessionRecord | undefined | Promise<SessionRecord | undefined>;
  set(id: string, session: SessionRecord): void | Promise<void>;
  delete(id: string): void | Promise<void>;
}

/** Sessions in this process's memory; expired ones are dropped as new ones come. */
export function memorySessions(now: () => number = Date.now): SessionStore {
  const kept = new Map<string, SessionRecord>();
  return {
    get: (id) => kept.get(id),
    set: (id, session) => {
      for (const [k, s] of kept) if (s.expires <= now()) kept.delete(k);
      kept.set(id, session);
    },
    delete: (id) => {
      kept.delete(id);
    },
  };
}

type Env = { Variables: { user: User | undefined; locale: Locale } };
type C = Context<Env>;

const SESSION = "vm_session";
const SESSION_HOURS = 8;
const field = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === "string" ? v.trim() : "";
};
const fields = (body: Record<string, unknown>, name: string): string[] => {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === "string" && x !== "");
};

/** Build the portal for a store that holds a programme (`initProgramme`). */
export async function createPortal(
  opts: PortalOptions,
): Promise<Result<Hono<Env>, NotFound | StoreUnavailable | { type: "WeakSecret" }>> {
  if (opts.secret.length < 32) return err({ type: "WeakSecret" });
  const clock = opts.clock ?? (() => new Date());
  const opened = await openProgramme(opts.store, {
    clock,
    newId: (kind) => `${kind}-${randomUUID().slice(0, 8)}`,
  });
  if (opened.isErr()) return err(opened.error);
  const ctx: ProgrammeContext = opened.value;
  const { profile, store } = ctx;
  const managers = new Map(opts.managers.map((m) => [m.id, m]));
  const sessions = opts.sessions ?? memorySessions(() => clock().getTime());

  const findUser = async (id: string): Promise<User | undefined> => {
    const manager = managers.get(id);
    if (manager !== undefined) return manager;
    const m = await store.get("mentors", id);
    if (m.isErr() || m.value === undefined || m.value.value.state === "retired") return undefined;
    return { id: m.value.value.id, name: m.value.value.name, role: "mentor" };
  };

  const app = new Hono<Env>();
  // A strict Content-Security-Policy: nothing but this origin's pages, no scripts at all, and the
  // one inline style by its nonce; no framing.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: [NONCE],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
  );
  app.use(bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("Payload too large", 413) }));
  // Form posts must come from this origin (Origin or Sec-Fetch-Site): no cross-site request forgery.
  app.use(csrf());

  app.use(async (c, next) => {
    const asked = c.req.query("lang");
    let locale: Locale = profile.locale;
    if (asked !== undefined && (locales as readonly string[]).includes(asked)) {
      locale = asked as Locale;
      setCookie(c, "vm_lang", locale, { path: "/", sameSite: "Lax", httpOnly: true, maxAge: 365 * 86_400 });
    } else {
      const saved = getCookie(c, "vm_lang");
      if (saved !== undefined && (locales as readonly string[]).includes(saved)) locale = saved as Locale;
    }
    c.set("locale", locale);
    const signed = await getSignedCookie(c, opts.secret, SESSION);
    let user: User | undefined;
    if (typeof signed === "string" && signed !== "") {
      const session = await sessions.get(signed);
      if (session !== undefined && session.expires > clock().getTime()) user = await findUser(session.userId);
      else if (session !== undefined) await sessions.delete(signed);
    }
    c.set("user", user);
    await next();
  });

  // ---------- helpers ----------
  const isApi = (c: C) => c.req.path.startsWith("/api/");
  const page = (
    c: C,
    title: string,
    body: Html,
    status: 200 | 403 | 404 | 409 | 422 | 500 | 503 = 200,
    extra = {},
  ) =>
    c.html(
      layout({
        locale: c.var.locale,
        title,
        body,
        ...(c.var.user ? { user: c.var.user } : {}),
        nonce: c.get("secureHeadersNonce") ?? "",
        // After a form post the page has no address of its own to switch language on.
        here: c.req.method === "GET" ? c.req.path : "/",
        ...extra,
      }),
      status,
    );
  /** Another month of the board or the report: a plain form, no script needed. */
  const monthPicker = (l: Locale, action: string, month: string): Html =>
    html`<form method="get" action="${action}" class="month">
      <label for="month">${t(l, "portal.month")}</label>
      <input id="month" name="month" type="month" value="${month}" required />
      <button type="submit">${t(l, "portal.show")}</button>
    </form>`;
  /** What people see on an error: the refusal in words, above the form they filled in, as they left it. */
  const refusal = (l: Locale, e: VentureMentoringError): Html =>
    e.type === "ValidationFailed"
      ? html`${t(l, "portal.badRequest")}
          <ul>
            ${e.issues.map((i) => html`<li>${describeIssue(i, l)}</li>`)}
          </ul>`
      : html`${describeError(e, l)}`;
  const libraryError = (c: C, e: VentureMentoringError, retry?: Html) => {
    const status = httpStatusOf(e);
    if (e.type === "StoreUnavailable") {
      // The cause is for whoever runs the portal (the log), never for the person at the screen.
      console.error(`store unavailable: ${e.cause}`);
      const said = t(c.var.locale, "portal.unavailable");
      return isApi(c)
        ? c.json({ error: { type: e.type }, message: said }, status)
        : page(c, t(c.var.locale, "portal.title"), retry ?? html``, status, { error: html`${said}` });
    }
    if (isApi(c)) return c.json({ error: e, message: describeError(e, c.var.locale) }, status);
    return page(c, t(c.var.locale, "portal.title"), retry ?? html``, status, {
      error: refusal(c.var.locale, e),
    });
  };
  const forbidden = (c: C) =>
    isApi(c)
      ? c.json({ error: { type: "Forbidden" }, message: t(c.var.locale, "portal.forbidden") }, 403)
      : page(
          c,
          t(c.var.locale, "portal.forbidden"),
          html`<p>${t(c.var.locale, "portal.forbidden")}</p>`,
          403,
        );
  const notFound = (c: C) =>
    isApi(c)
      ? c.json({ error: { type: "NotFound" }, message: t(c.var.locale, "portal.notFound") }, 404)
      : page(c, t(c.var.locale, "portal.notFound"), html`<p>${t(c.var.locale, "portal.notFound")}</p>`, 404);
  const badRequest = (c: C, path: string, problem: string) =>
    libraryError(c, {
      type: "ValidationFailed",
      subject: "request",
      issues: [{ path, code: "custom", message: problem }],
    });
  /** The signed-in user if they hold the permission (on the case), else the refusal to return. */
  const guard = async (c: C, permission: Permission, kase?: MentoringCase): Promise<Response | User> => {
    const user = c.var.user;
    if (user === undefined)
      return isApi(c)
        ? c.json({ error: { type: "Unauthenticated" }, message: t(c.var.locale, "portal.signIn") }, 401)
        : c.redirect("/signin", 303);
    return permits(user, permission, kase) ? user : forbidden(c);
  };
  const jsonBody = async (c: C): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    try {
      return { ok: true, value: await c.req.json() };
    } catch {
      return { ok: false };
    }
  };
  /** How this reader names mentors (today's names) and topics (the profile's labels in their language). */
  const naming = (l: Locale, who: ReadonlyMap<string, string>): Naming => ({
    mentor: (id) => who.get(id) ?? id,
    topic: (id) => profile.topics.find((x) => x.id === id)?.label[l] ?? id,
  });
  const names = async () => {
    const mentors = await store.list("mentors");
    return new Map(mentors.isOk() ? mentors.value.map((m) => [m.value.id as string, m.value.name]) : []);
  };
  /** Cases as a reader knows them: by their venture's name (the case id when it cannot be read). */
  const caseLabels = async (caseIds: readonly string[]) => {
    const cases = await store.getMany("cases", caseIds);
    if (cases.isErr()) return new Map<string, string>();
    const intakes = await store.getMany(
      "intakes",
      cases.value.map((k) => k.value.intakeId),
    );
    const venture = new Map(
      intakes.isOk() ? intakes.value.map((i) => [i.value.id as string, i.value.venture.name]) : [],
    );
    return new Map(
      cases.value.map((k) => [k.value.id as string, venture.get(k.value.intakeId) ?? k.value.id]),
    );
  };
  const loadCase = async (id: string) => {
    const found = await store.get("cases", id);
    return found.isErr() ? found : ok(found.value?.value);
  };
  const label = (list: readonly { id: string; label: { en: string; nl: string } }[], id: string, l: Locale) =>
    list.find((x) => x.id === id)?.label[l] ?? id;

  // ---------- sign-in ----------
  /** Start a session for `user`: a new random id (never reused, never derived from who signs in). */
  const startSession = async (c: C, user: User) => {
    const id = randomBytes(32).toString("base64url");
    await sessions.set(id, { userId: user.id, expires: clock().getTime() + SESSION_HOURS * 3_600_000 });
    await setSignedCookie(c, SESSION, id, opts.secret, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: opts.secureCookies ?? false,
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(user.role === "manager" ? "/intake" : "/my", 303);
  };
  app.get("/signin", async (c) => {
    const l = c.var.locale;
    const how = opts.signIn;
    if (how !== "demo") {
      // The organisation's own sign-in says who this is; the portal only starts the session.
      const id = how === undefined ? undefined : await how(c.req.raw);
      const user = id === undefined ? undefined : await findUser(id);
      if (user !== undefined) return startSession(c, user);
      return page(
        c,
        t(l, "portal.signIn"),
        html`<section>
          <h1>${t(l, "portal.signIn")}</h1>
          <p>${t(l, how === undefined ? "portal.signInNotSetUp" : "portal.signInUnknown")}</p>
        </section>`,
        403,
      );
    }
    const mentors = await store.list("mentors");
    const people = [
      ...opts.managers.map((m) => ({ value: m.id, label: `${m.name} — ${t(l, "portal.role.manager")}` })),
      ...(mentors.isOk() ? mentors.value : [])
        .filter((m) => m.value.state !== "retired")
        .map((m) => ({
          value: m.value.id as string,
          label: `${m.value.name} — ${t(l, "portal.role.mentor")}`,
        })),
    ];
    return page(
      c,
      t(l, "portal.signIn"),
      html`<section>
        <h1>${t(l, "portal.signIn")}</h1>
        <p class="muted">Demo: ${profile.name}</p>
        <form method="post" action="/signin">
          <label for="user">${t(l, "portal.signInAs")}</label>
          <select id="user" name="user">${options(people)}</select>
          <div><button class="primary" type="submit">${t(l, "portal.signIn")}</button></div>
        </form>
      </section>`,
    );
  });
  app.post("/signin", async (c) => {
    // Choosing who you are from a list is the demo's sign-in, and only the demo's.
    if (opts.signIn !== "demo") return forbidden(c);
    const body = await c.req.parseBody();
    const user = await findUser(field(body, "user"));
    if (user === undefined) return forbidden(c);
    return startSession(c, user);
  });
  app.post("/signout", async (c) => {
    // The session ends on the server: the old cookie signs nobody in, even if it is kept.
    const signed = await getSignedCookie(c, opts.secret, SESSION);
    if (typeof signed === "string" && signed !== "") await sessions.delete(signed);
    deleteCookie(c, SESSION, { path: "/" });
    return c.redirect("/signin", 303);
  });
  app.get("/", (c) => {
    const user = c.var.user;
    return c.redirect(user === undefined ? "/signin" : user.role === "manager" ? "/intake" : "/my", 303);
  });

  // ---------- intake and triage ----------
  const intakeForm = (l: Locale, values: Record<string, string> = {}): Html => {
    const topics = profile.topics.map((x) => ({ value: x.id as string, label: x.label[l] }));
    const v = (k: string) => values[k] ?? "";
    return html`<section>
      <h1>${t(l, "portal.intake.heading")}</h1>
      <form method="post" action="/intake">
        <input type="hidden" name="key" value="${v("key") || randomUUID()}" />
        <div class="grid">
          <div><label for="mentee">${t(l, "portal.intake.mentee")}</label><input id="mentee" name="mentee" value="${v("mentee")}" /></div>
          <div><label for="email">${t(l, "portal.intake.email")}</label><input id="email" name="email" type="email" value="${v("email")}" /></div>
          <div><label for="venture">${t(l, "portal.intake.venture")}</label><input id="venture" name="venture" value="${v("venture")}" /></div>
          <div><label for="registrationNumber">${t(l, "portal.intake.registrationNumber")}</label><input id="registrationNumber" name="registrationNumber" value="${v("registrationNumber")}" /></div>
          <div><label for="sector">${t(l, "portal.intake.sector")}</label>
            <select id="sector" name="sector">${options(
              profile.sectors.map((x) => ({ value: x.id, label: x.label[l] })),
              v("sector"),
            )}</select></div>
          <div><label for="stage">${t(l, "portal.intake.stage")}</label>
            <select id="stage" name="stage">${options(
              ventureStages.map((x) => ({ value: x, label: message(l, `stage.${x}`, {}) })),
              v("stage") || "established",
            )}</select></div>
          <div><label for="employees">${t(l, "portal.intake.employees")}</label><input id="employees" name="employees" inputmode="numeric" value="${v("employees")}" /></div>
          <div><label for="region">${t(l, "portal.intake.region")}</label><input id="region" name="region" value="${v("region") || (profile.regions[0] ?? "")}" /></div>
          <div><label for="exportAmbition">${t(l, "portal.intake.exportAmbition")}</label>
            <select id="exportAmbition" name="exportAmbition">${options(
              exportAmbitions.map((x) => ({ value: x, label: message(l, `exportAmbition.${x}`, {}) })),
              v("exportAmbition"),
            )}</select></div>
          <div><label for="urgency">${t(l, "portal.intake.urgency")}</label>
            <select id="urgency" name="urgency">${options(
              urgencies.map((x) => ({ value: x, label: message(l, `urgency.${x}`, {}) })),
              v("urgency"),
            )}</select></div>
          <div><label for="seeks">${t(l, "portal.intake.seeks")}</label>
            <select id="seeks" name="seeks">${options(
              seekings.map((x) => ({ value: x, label: t(l, `portal.intake.seeks.${x}`) })),
              v("seeks"),
            )}</select></div>
          <div><label for="mainTopic">${t(l, "portal.intake.mainTopic")}</label>
            <select id="mainTopic" name="mainTopic">${options(topics, v("mainTopic"))}</select></div>
          <div><label for="otherTopic">${t(l, "portal.intake.otherTopic")}</label>
            <select id="otherTopic" name="otherTopic"><option value="">—</option>${options(topics, v("otherTopic"))}</select></div>
        </div>
        <label for="summary">${t(l, "portal.intake.question")}</label>
        <textarea id="summary" name="summary">${v("summary")}</textarea>
        <label><input type="checkbox" name="innovative" value="yes" ${v("innovative") ? "checked" : ""} /> ${t(l, "portal.intake.innovative")}</label>
        <label><input type="checkbox" name="consentData" value="yes" ${v("consentData") ? "checked" : ""} /> ${t(l, "portal.intake.consentData")}</label>
        <label><input type="checkbox" name="consentPartners" value="yes" ${v("consentPartners") ? "checked" : ""} /> ${t(l, "portal.intake.consentPartners")}</label>
        <button class="primary" type="submit">${t(l, "portal.intake.submit")}</button>
      </form>
    </section>`;
  };

  app.get("/intake", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const [intakes, decisions] = [await store.list("intakes"), await store.list("decisions")];
    if (intakes.isErr()) return libraryError(c, intakes.error);
    if (decisions.isErr()) return libraryError(c, decisions.error);
    const decided = new Map(decisions.value.map((d) => [d.value.intakeId as string, d.value]));
    const recent = [...intakes.value]
      .sort((a, b) => b.value.submittedAt.getTime() - a.value.submittedAt.getTime())
      .slice(0, 15);
    return page(
      c,
      t(l, "portal.intake.heading"),
      html`${intakeForm(l)}
        <section>
          <h2>${t(l, "portal.intake.recent")}</h2>
          <table>
            ${recent.map((i) => {
              const d = decided.get(i.value.id);
              return html`<tr>
                <td><a href="/intake/${i.value.id}">${i.value.venture.name}</a></td>
                <td><time datetime="${i.value.submittedAt.toISOString().slice(0, 10)}">${formatDate(l, i.value.submittedAt)}</time></td>
                <td>${d === undefined ? "—" : describeOutcome(d.outcome, { ...profile, locale: l })}</td>
              </tr>`;
            })}
          </table>
        </section>`,
    );
  });

  app.post("/intake", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, field(body, k)]));
    const key = field(body, "key");
    if (!/^[0-9a-f-]{36}$/.test(key)) return badRequest(c, "key", "a fresh intake form is needed");
    // The same form sent twice (a double click, a retry) lands on the same intake.
    const earlier = await store.get("requests", key);
    if (earlier.isOk() && earlier.value !== undefined)
      return c.redirect(`/intake/${earlier.value.value.intakeId}`, 303);
    const now = clock();
    const id = `intake-${monthKey(now)}-${key.slice(0, 8)}`;
    const employees = field(body, "employees");
    const other = field(body, "otherTopic");
    const raw = {
      id,
      submittedAt: now.toISOString(),
      mentee: { name: field(body, "mentee"), email: field(body, "email") },
      venture: {
        id: `v-${key.slice(0, 8)}`,
        name: field(body, "venture"),
        ...(field(body, "registrationNumber") === ""
          ? {}
          : { registrationNumber: field(body, "registrationNumber") }),
        sector: field(body, "sector"),
        stage: field(body, "stage"),
        employees: employees === "" ? undefined : Number(employees),
        region: field(body, "region").toLowerCase(),
        exportAmbition: field(body, "exportAmbition"),
        innovative: field(body, "innovative") === "yes",
        competitors: [],
        suppliers: [],
      },
      question: {
        summary: field(body, "summary"),
        topics: [
          { topic: field(body, "mainTopic"), weight: 3 },
          ...(other === "" || other === field(body, "mainTopic") ? [] : [{ topic: other, weight: 1 }]),
        ],
      },
      urgency: field(body, "urgency"),
      ...(field(body, "seeks") === "" ? {} : { seeks: field(body, "seeks") }),
      consent: {
        dataProcessing: field(body, "consentData") === "yes",
        shareWithPartners: field(body, "consentPartners") === "yes",
      },
    };
    const submitted = await submitIntake(ctx, raw, key, g);
    if (submitted.isErr()) return libraryError(c, submitted.error, intakeForm(l, values));
    // A venture seen before: the manager first sees its earlier cases (and links the new question).
    if (submitted.value.seenBefore.intakes.length > 0) return c.redirect(`/intake/${id}`, 303);
    const decided = await decideTriage(ctx, id as IntakeId, g);
    if (decided.isErr()) return libraryError(c, decided.error);
    return c.redirect(`/intake/${id}`, 303);
  });

  /** The intake page; `again` re-shows the override form as the manager filled it, with why it was refused. */
  const intakePage = async (
    c: C,
    intakeId: string,
    again?: { readonly error: VentureMentoringError; readonly values: Readonly<Record<string, string>> },
  ) => {
    const l = c.var.locale;
    const typed = (k: string) => again?.values[k] ?? "";
    const intake = await store.get("intakes", intakeId);
    if (intake.isErr()) return libraryError(c, intake.error);
    if (intake.value === undefined) return notFound(c);
    const i: IntakeRequest = intake.value.value;
    const decision = await store.get("decisions", intakeId);
    if (decision.isErr()) return libraryError(c, decision.error);
    const cases = await store.find("cases", "intake", intakeId);
    const kase = cases.isOk() ? cases.value[0]?.value : undefined;
    const d = decision.value?.value;
    const localProfile = { ...profile, locale: l };
    const seen = await seenBefore(store, i);
    if (seen.isErr()) return libraryError(c, seen.error);
    const before = seen.value;
    return page(
      c,
      i.venture.name,
      html`<section>
          <h1>${t(l, "portal.decision.heading", { venture: i.venture.name })}</h1>
          <p class="muted">${i.mentee.name} · ${label(profile.sectors, i.venture.sector, l)} · ${message(l, `stage.${i.venture.stage}`, {})} ·
            ${i.question.topics.map((x) => label(profile.topics, x.topic, l)).join(", ")}</p>
          <blockquote>${i.question.summary}</blockquote>
          ${
            before.intakes.length === 0
              ? ""
              : html`<div class="card" data-testid="seen-before">
                  <p>${t(l, "portal.returning.seen", { intakes: before.intakes.length })}</p>
                  ${before.closedCases.length === 0 ? "" : html`<p>${t(l, "portal.returning.closed")}: ${before.closedCases.map((x) => html`<a href="/cases/${x}">${x}</a> `)}</p>`}
                  ${before.openCases.length === 0 ? "" : html`<p>${t(l, "portal.returning.open")}: ${before.openCases.map((x) => html`<a href="/cases/${x}">${x}</a> `)}</p>`}
                  ${
                    i.previousCaseId !== undefined
                      ? html`<p>${t(l, "portal.returning.linked", { caseId: i.previousCaseId })}</p>`
                      : before.closedCases.length === 0 ||
                          (kase !== undefined && kase.state !== "awaitingMeeting")
                        ? ""
                        : html`<form method="post" action="/intake/${i.id}/link">
                            <label>${t(l, "portal.returning.link")}
                              <select name="caseId">${options(before.closedCases.map((x) => ({ value: x, label: x })))}</select></label>
                            <button type="submit">${t(l, "portal.returning.linkButton")}</button>
                          </form>`
                  }
                </div>`
          }
          ${
            d === undefined
              ? html`<form method="post" action="/intake/${i.id}/triage"><button class="primary">${t(l, "portal.intake.submit")}</button></form>`
              : html`<p class="outcome ${d.outcome.kind}" data-testid="outcome">${describeOutcome(d.outcome, localProfile)}</p>
                  <h2>${t(l, "portal.decision.reasons")}</h2>
                  <ul class="reasons">${d.reasons.map((r) => html`<li>${describeReason(r, l, profile)}</li>`)}</ul>
                  ${d.override === undefined ? "" : html`<p class="muted">${t(l, "portal.decision.overridden", { by: d.override.by })}: ${d.override.reason}</p>`}
                  ${kase === undefined ? "" : html`<p><a href="/cases/${kase.id}">${t(l, "portal.decision.case", { caseId: kase.id })}</a></p>`}
                  ${
                    d.outcome.kind !== "oneOff"
                      ? ""
                      : html`<form method="post" action="/intake/${i.id}/oneoff" data-testid="one-off">
                          <h2>${t(l, "portal.oneOff.heading")}</h2>
                          <div class="grid">
                            <div><label for="oneOffMentor">${t(l, "portal.ethics.mentor")}</label><select id="oneOffMentor" name="mentorId">${options(
                              [...(await names())].map(([value, label]) => ({ value, label })),
                            )}</select></div>
                            <div><label for="oneOffOn">${t(l, "portal.case.on")}</label><input id="oneOffOn" name="on" type="date" value="${clock().toISOString().slice(0, 10)}" /></div>
                            <div><label for="oneOffMinutes">${t(l, "portal.case.minutes")}</label><input id="oneOffMinutes" name="minutes" inputmode="numeric" value="60" /></div>
                            <div><label for="oneOffMode">${t(l, "portal.case.mode")}</label><select id="oneOffMode" name="mode">${options(
                              sessionModes.map((m) => ({ value: m, label: message(l, `mode.${m}`, {}) })),
                            )}</select></div>
                          </div>
                          <button type="submit">${t(l, "portal.oneOff.record")}</button>
                        </form>`
                  }`
          }
        </section>
        <section>
          <h2>${t(l, "portal.decision.override")}</h2>
          <form method="post" action="/intake/${i.id}/override">
            <div class="grid">
              <div><label for="kind">${t(l, "portal.decision.outcome")}</label><select id="kind" name="kind">${options(
                (["accept", "refer", "oneOff", "notReady"] as const).map((k) => ({
                  value: k,
                  label: message(l, `outcomeKind.${k}`, {}),
                })),
                typed("kind"),
              )}</select></div>
              <div><label for="partner">${t(l, "portal.decision.partner")}</label><select id="partner" name="partner">${options(
                profile.partners.map((p) => ({ value: p.id, label: p.name })),
                typed("partner"),
              )}</select></div>
              <div><label for="advice">${t(l, "portal.decision.advice")}</label><select id="advice" name="advice">${options(
                adviceCodes.map((a) => ({ value: a, label: message(l, `advice.${a}`, {}) })),
                typed("advice"),
              )}</select></div>
            </div>
            <label for="reason">${t(l, "portal.decision.overrideReason")}</label>
            <textarea id="reason" name="reason">${typed("reason")}</textarea>
            <button class="primary" type="submit">${t(l, "portal.decision.override")}</button>
          </form>
        </section>`,
      again === undefined ? 200 : httpStatusOf(again.error),
      again === undefined ? {} : { error: refusal(l, again.error) },
    );
  };
  app.get("/intake/:id", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    return intakePage(c, c.req.param("id"));
  });
  app.post("/intake/:id/oneoff", async (c) => {
    const g = await guard(c, "triage.override");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const mentorId = field(body, "mentorId");
    const minutes = field(body, "minutes");
    const logged = await logSession(
      ctx,
      {
        id: `session-${randomUUID().slice(0, 8)}`,
        kind: "oneOff",
        intakeId: c.req.param("id"),
        on: field(body, "on"),
        minutes: minutes === "" ? undefined : Number(minutes),
        mode: field(body, "mode"),
        mentors: [mentorId],
        menteePresent: true,
        noteAuthor: mentorId,
      },
      g,
    );
    if (logged.isErr()) return libraryError(c, logged.error);
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
  app.post("/intake/:id/link", async (c) => {
    const g = await guard(c, "triage.override");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const linked = await linkPreviousCase(
      ctx,
      c.req.param("id") as IntakeId,
      field(body, "caseId") as CaseId,
      g,
    );
    if (linked.isErr()) return libraryError(c, linked.error);
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
  app.post("/intake/:id/triage", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    const decided = await decideTriage(ctx, c.req.param("id") as IntakeId, g);
    if (decided.isErr()) return libraryError(c, decided.error);
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
  app.post("/intake/:id/override", async (c) => {
    const g = await guard(c, "triage.override");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const kind = field(body, "kind");
    const outcome =
      kind === "refer"
        ? { kind, partnerId: field(body, "partner") }
        : kind === "notReady"
          ? { kind, advice: field(body, "advice") }
          : { kind };
    const values = {
      kind,
      partner: field(body, "partner"),
      advice: field(body, "advice"),
      reason: field(body, "reason"),
    };
    const override = parseManagerOverride({ outcome, reason: values.reason });
    if (override.isErr()) return intakePage(c, c.req.param("id"), { error: override.error, values });
    const decided = await decideTriage(ctx, c.req.param("id") as IntakeId, g, override.value);
    if (decided.isErr())
      return decided.error.type === "StoreUnavailable"
        ? libraryError(c, decided.error)
        : intakePage(c, c.req.param("id"), { error: decided.error, values });
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });

  // ---------- the meeting board ----------
  app.get("/board", async (c) => {
    const g = await guard(c, "board.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const month = c.req.query("month") ?? monthKey(clock());
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const roundId = `round-${month}`;
    const [stored, cases, who, due] = [
      await store.get("rounds", roundId),
      await store.find("cases", "state", ["awaitingMeeting", "active", "paused"]),
      await names(),
      await casesDue(ctx),
    ];
    if (stored.isErr()) return libraryError(c, stored.error);
    if (cases.isErr()) return libraryError(c, cases.error);
    if (due.isErr()) return libraryError(c, due.error);
    const intakes = await store.getMany(
      "intakes",
      cases.value.map((x) => x.value.intakeId),
    );
    if (intakes.isErr()) return libraryError(c, intakes.error);
    const ventureOf = new Map(intakes.value.map((i) => [i.value.id as string, i.value.venture.name]));
    const caseById = new Map(cases.value.map((x) => [x.value.id as string, x.value]));
    const dueIds = new Set(due.value.map((d) => d.caseId as string));
    const waiting = cases.value.filter((x) => x.value.state === "awaitingMeeting" && !dueIds.has(x.value.id));
    // A case can still take this proposal: waiting for its first team, or short of a member.
    const open = (k: MentoringCase | undefined) =>
      k !== undefined && (k.state === "awaitingMeeting" || k.needsReplacement);
    const proposal = stored.value?.value.proposal;
    // The choices the round was planned with: ticked again, so a re-plan keeps them.
    const chosen = stored.value?.value.pins ?? [];
    const excluded = (caseId: string) =>
      chosen.filter((p) => p.kind === "exclude" && p.caseId === caseId).map((p) => p.mentorId as string);
    const pinned = (caseId: string) => chosen.find((p) => p.kind === "pin" && p.caseId === caseId)?.mentorId;
    const answers = await store.find(
      "consents",
      "case",
      (proposal?.teams ?? []).map((x) => x.caseId as string),
    );
    if (answers.isErr()) return libraryError(c, answers.error);
    const answerOf = new Map(answers.value.map((x) => [x.value.id, x.value.answer]));
    const mentorOptions = [...who].map(([value, name]) => ({ value, label: name }));
    const confirmedCase = c.req.query("confirmed");
    return page(
      c,
      t(l, "portal.board.heading", { round: formatMonth(l, month) }),
      html`<section>
          <h1>${t(l, "portal.board.heading", { round: formatMonth(l, month) })}</h1>
          ${monthPicker(l, "/board", month)}
          <p>${waiting.length === 0 ? t(l, "portal.board.nothing") : t(l, "portal.board.waiting", { count: waiting.length })}</p>
          ${
            due.value.length === 0
              ? ""
              : html`<section data-testid="due"><h2>${t(l, "portal.board.due")}</h2>
                ${due.value.map(
                  (d) => html`<div class="card">
                    <strong>${ventureOf.get(d.intakeId) ?? d.caseId}</strong> (${d.caseId})
                    <p>${t(l, "portal.board.dueWhy", { meetings: d.meetingsMissed.length })}
                      ${d.diagnosis.map((x) => describeDiagnosis(x, l, naming(l, who))).join(" ")}</p>
                    <form method="post" action="/board/hold">
                      <input type="hidden" name="month" value="${month}" />
                      <input type="hidden" name="caseId" value="${d.caseId}" />
                      <label>${t(l, "portal.board.holdReason")}
                        <select name="reason" required>${options(
                          holdOverReasons.map((r) => ({ value: r, label: t(l, `portal.hold.${r}`) })),
                        )}</select></label>
                      <button type="submit">${t(l, "portal.board.hold")}</button>
                      <a href="/intake/${d.intakeId}">${t(l, "portal.board.dueDecide")}</a>
                    </form>
                  </div>`,
                )}</section>`
          }
          <form method="post" action="/board/plan">
            <input type="hidden" name="month" value="${month}" />
            ${
              proposal === undefined
                ? ""
                : html`${proposal.teams
                    .filter((team) => open(caseById.get(team.caseId)))
                    .map(
                      (team) => html`<div class="card">
                        <strong>${ventureOf.get(caseById.get(team.caseId)?.intakeId ?? "") ?? team.caseId}</strong> (${team.caseId})
                        <p>
                          ${[...new Set<string>([team.lead, ...team.members, ...excluded(team.caseId)])].map(
                            (m) => html`<label class="inline">
                              <input type="checkbox" name="exclude" value="${team.caseId}:${m}" ${excluded(team.caseId).includes(m) ? "checked" : ""} />
                              ${t(l, "portal.board.exclude")} ${who.get(m) ?? m}</label>`,
                          )}
                        </p>
                        <label>${t(l, "portal.board.pin")}
                          <select name="pin"><option value="">—</option>${options(
                            mentorOptions.map((o) => ({
                              value: `${team.caseId}:${o.value}`,
                              label: o.label,
                            })),
                            `${team.caseId}:${pinned(team.caseId) ?? ""}`,
                          )}</select></label>
                      </div>`,
                    )}`
            }
            <button class="primary" type="submit" id="plan">${proposal === undefined ? t(l, "portal.board.plan") : t(l, "portal.board.replan")}</button>
          </form>
        </section>
        ${
          proposal === undefined
            ? ""
            : html`${proposal.teams.map((team) => {
                const kase = caseById.get(team.caseId);
                return html`<section data-testid="team">
                  <h2>${ventureOf.get(kase?.intakeId ?? "") ?? team.caseId} <span class="muted">(${team.caseId})</span></h2>
                  <p><strong>${who.get(team.lead) ?? team.lead}</strong> (${t(l, "portal.team.leadRole")}),
                    ${team.members.map((m) => who.get(m) ?? m).join(", ")}</p>
                  <ul>${describeTeam(team, l, naming(l, who)).map((x) => html`<li>${x}</li>`)}</ul>
                  ${
                    open(kase)
                      ? html`<h3>${t(l, "portal.consent.heading")}</h3>
                        <ul data-testid="answers">${[team.lead, ...team.members].map((m) => {
                          const said = answerOf.get(consentId(team.caseId, m));
                          return html`<li>${who.get(m) ?? m}: ${t(l, said === undefined ? "portal.consent.none" : `portal.consent.${said}`)}</li>`;
                        })}</ul>
                        <form method="post" action="/board/answer">
                          <input type="hidden" name="month" value="${month}" />
                          <input type="hidden" name="caseId" value="${team.caseId}" />
                          <label>${t(l, "portal.consent.record")}
                            <select name="mentorId">${options(
                              [team.lead, ...team.members].map((m) => ({ value: m, label: who.get(m) ?? m })),
                            )}</select></label>
                          <label>${t(l, "portal.consent.answer")}
                            <select name="answer">${options([
                              { value: "yes", label: t(l, "portal.consent.answerYes") },
                              { value: "no", label: t(l, "portal.consent.answerNo") },
                            ])}</select></label>
                          <label>${t(l, "portal.consent.how")}
                            <select name="onBehalf">${options(
                              onBehalfReasons.map((r) => ({ value: r, label: t(l, `portal.consent.${r}`) })),
                            )}</select></label>
                          <button type="submit">${t(l, "portal.consent.save")}</button>
                        </form>
                        <form method="post" action="/board/confirm">
                          <input type="hidden" name="month" value="${month}" />
                          <input type="hidden" name="caseId" value="${team.caseId}" />
                          <button class="primary" type="submit">${t(l, "portal.board.confirm")}</button>
                        </form>`
                      : html`<p class="muted">${t(l, "portal.board.confirmed", { caseId: team.caseId })}</p>`
                  }
                </section>`;
              })}
              ${
                proposal.diagnosis.length === 0
                  ? ""
                  : html`<section><ul>${proposal.diagnosis.map((d) => html`<li>${describeDiagnosis(d, l, naming(l, who))}</li>`)}</ul></section>`
              }`
        }`,
      200,
      confirmedCase === undefined
        ? {}
        : { notice: t(l, "portal.board.confirmed", { caseId: confirmedCase }) },
    );
  });
  const parsePins = (values: readonly string[], kind: Pin["kind"]): Pin[] =>
    values.flatMap((v) => {
      const [caseId, mentorId] = v.split(":");
      return caseId && mentorId ? [{ caseId: caseId as CaseId, mentorId: mentorId as MentorId, kind }] : [];
    });
  app.post("/board/plan", async (c) => {
    const g = await guard(c, "board.plan");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const month = field(body, "month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const planned = await planRound(ctx, `round-${month}`, clock(), g, {
      pins: [...parsePins(fields(body, "pin"), "pin"), ...parsePins(fields(body, "exclude"), "exclude")],
    });
    if (planned.isErr()) return libraryError(c, planned.error);
    return c.redirect(`/board?month=${month}`, 303);
  });
  app.post("/board/hold", async (c) => {
    const g = await guard(c, "board.plan");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const month = field(body, "month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const held = await holdOver(
      ctx,
      field(body, "caseId") as CaseId,
      field(body, "reason") as HoldOverReason,
      g,
    );
    if (held.isErr()) return libraryError(c, held.error);
    return c.redirect(`/board?month=${month}`, 303);
  });
  app.post("/board/answer", async (c) => {
    const g = await guard(c, "board.confirm");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const month = field(body, "month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const done = await answerProposal(
      ctx,
      {
        caseId: field(body, "caseId") as CaseId,
        mentorId: field(body, "mentorId") as MentorId,
        answer: field(body, "answer") as ConsentAnswer,
        roundId: `round-${month}`,
        onBehalf: field(body, "onBehalf") as OnBehalfReason,
      },
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect(`/board?month=${month}`, 303);
  });
  app.post("/my/answer", async (c) => {
    const g = await guard(c, "proposal.answer");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    // A mentor answers for themselves only: their own id, never on someone's behalf.
    const done = await answerProposal(
      ctx,
      {
        caseId: field(body, "caseId") as CaseId,
        mentorId: g.id as MentorId,
        answer: field(body, "answer") as ConsentAnswer,
        roundId: field(body, "roundId"),
      },
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/my", 303);
  });
  app.post("/board/confirm", async (c) => {
    const g = await guard(c, "board.confirm");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const month = field(body, "month");
    const caseId = field(body, "caseId");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const stored = await store.get("rounds", `round-${month}`);
    if (stored.isErr()) return libraryError(c, stored.error);
    const team = stored.value?.value.proposal.teams.find((x) => x.caseId === caseId);
    if (team === undefined) return libraryError(c, { type: "CaseNotInRound", caseId: caseId as CaseId });
    const done = await confirmTeam(
      ctx,
      team.caseId,
      [
        { mentorId: team.lead, role: "lead" },
        ...team.members.map((m) => ({ mentorId: m, role: "member" as const })),
      ],
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect(`/board?month=${month}&confirmed=${encodeURIComponent(caseId)}`, 303);
  });

  // ---------- cases ----------
  const caseTable = async (c: C, list: readonly MentoringCase[]) => {
    const l = c.var.locale;
    const [intakes, who] = [
      await store.getMany(
        "intakes",
        list.map((k) => k.intakeId),
      ),
      await names(),
    ];
    const ventureOf = new Map(
      intakes.isOk() ? intakes.value.map((i) => [i.value.id as string, i.value.venture.name]) : [],
    );
    return html`<table>
      <tr><th>${t(l, "portal.intake.venture")}</th><th>${t(l, "portal.case.team")}</th><th></th></tr>
      ${list.map(
        (k) => html`<tr>
          <td><a href="/cases/${k.id}">${ventureOf.get(k.intakeId) ?? k.id}</a> <span class="muted">${k.id}</span></td>
          <td>${currentTeam(k)
            .map((m) => who.get(m.mentorId) ?? m.mentorId)
            .join(", ")}</td>
          <td>${message(l, `state.${k.state}`, {})}</td>
        </tr>`,
      )}
    </table>`;
  };
  app.get("/cases", async (c) => {
    const g = await guard(c, "cases.list");
    if (g instanceof Response) return g;
    const cases = await store.find("cases", "state", ["awaitingMeeting", "active", "paused"]);
    if (cases.isErr()) return libraryError(c, cases.error);
    const l = c.var.locale;
    const open = cases.value.map((x) => x.value);
    return page(
      c,
      t(l, "portal.nav.cases"),
      html`<section><h1>${t(l, "portal.nav.cases")}</h1>${await caseTable(c, open)}</section>`,
    );
  });
  app.get("/my", async (c) => {
    const g = await guard(c, "myCases.view");
    if (g instanceof Response) return g;
    const cases = await store.list("cases");
    if (cases.isErr()) return libraryError(c, cases.error);
    const l = c.var.locale;
    const mine = cases.value.map((x) => x.value).filter((k) => permits(g, "case.view", k));
    // Teams proposed to this mentor at this month's or next month's meeting, for cases still open to them.
    const now = clock();
    const rounds = await store.find("rounds", "meeting", [monthKey(now), monthKey(addMonths(now, 1))]);
    if (rounds.isErr()) return libraryError(c, rounds.error);
    const byId = new Map(cases.value.map((x) => [x.value.id as string, x.value]));
    const proposed = rounds.value.flatMap((r) =>
      r.value.proposal.teams
        .filter((team) => [team.lead, ...team.members].includes(g.id as MentorId))
        .filter((team) => {
          const k = byId.get(team.caseId);
          return (
            k !== undefined &&
            (k.state === "awaitingMeeting" || k.needsReplacement) &&
            !currentTeam(k).some((m) => m.mentorId === g.id)
          );
        })
        .map((team) => ({ roundId: r.value.id, team })),
    );
    const [said, intakes, who] = [
      await store.getMany(
        "consents",
        proposed.map((p) => consentId(p.team.caseId, g.id)),
      ),
      await store.getMany(
        "intakes",
        proposed.flatMap((p) => {
          const k = byId.get(p.team.caseId);
          return k === undefined ? [] : [k.intakeId];
        }),
      ),
      await names(),
    ];
    if (said.isErr()) return libraryError(c, said.error);
    if (intakes.isErr()) return libraryError(c, intakes.error);
    const answerOf = new Map(said.value.map((x) => [x.value.caseId as string, x.value.answer]));
    const ventureOf = new Map(intakes.value.map((i) => [i.value.id as string, i.value.venture.name]));
    return page(
      c,
      t(l, "portal.nav.myCases"),
      html`<section data-testid="proposed"><h1>${t(l, "portal.my.proposed")}</h1>
          ${
            proposed.length === 0
              ? html`<p>${t(l, "portal.my.proposedNone")}</p>`
              : proposed.map(({ roundId, team }) => {
                  const said = answerOf.get(team.caseId);
                  return html`<div class="card">
                    <p>${t(l, "portal.my.proposedCase", {
                      venture: ventureOf.get(byId.get(team.caseId)?.intakeId ?? "") ?? team.caseId,
                      caseId: team.caseId,
                      team: [team.lead, ...team.members]
                        .filter((m) => m !== g.id)
                        .map((m) => who.get(m) ?? m)
                        .join(", "),
                    })}</p>
                    <ul>${describeTeam(team, l, naming(l, who)).map((x) => html`<li>${x}</li>`)}</ul>
                    ${said === undefined ? "" : html`<p>${t(l, "portal.my.answered", { answer: t(l, `portal.consent.${said}`) })}</p>`}
                    <form method="post" action="/my/answer">
                      <input type="hidden" name="roundId" value="${roundId}" />
                      <input type="hidden" name="caseId" value="${team.caseId}" />
                      <button class="primary" type="submit" name="answer" value="yes">${t(l, "portal.my.yes")}</button>
                      <button type="submit" name="answer" value="no">${t(l, "portal.my.no")}</button>
                    </form>
                  </div>`;
                })
          }</section>
        <section><h1>${t(l, "portal.nav.myCases")}</h1>${await caseTable(c, mine)}</section>`,
    );
  });

  /**
   * A case's page; `again` re-shows the session form as the lead filled it in, with why it was
   * refused above it.
   */
  const casePage = async (
    c: C,
    g: User,
    kase: MentoringCase,
    again?: {
      readonly error: VentureMentoringError;
      readonly values: {
        readonly on: string;
        readonly minutes: string;
        readonly mode: string;
        readonly present: readonly string[];
      };
    },
  ) => {
    const l = c.var.locale;
    const [intake, sessions, who] = [
      await store.get("intakes", kase.intakeId),
      await store.find("sessions", "case", kase.id),
      await names(),
    ];
    if (intake.isErr()) return libraryError(c, intake.error);
    if (sessions.isErr()) return libraryError(c, sessions.error);
    const mine = sessions.value.map((s) => s.value).sort((a, b) => a.on.getTime() - b.on.getTime());
    const now = clock();
    const hours = caseHours(kase, mine, profile, now);
    const team = currentTeam(kase);
    // Team members see who logs; the form is for the one who may write the notes (the lead).
    const onTeam = permits(g, "case.logSession", kase);
    const canLog = onTeam && mayWriteNotes(kase, g.id, now);
    const lead = currentTeam(kase).find((m) => m.role === "lead")?.mentorId;
    const canChange =
      permits(g, "case.changeTeam", kase) && kase.state !== "closed" && kase.state !== "awaitingMeeting";
    const canManage = permits(g, "case.close", kase) && (kase.state === "active" || kase.state === "paused");
    const others = canChange
      ? [...who]
          .filter(([id]) => !team.some((m) => m.mentorId === id))
          .map(([value, label]) => ({ value, label }))
      : [];
    const members = team.map((m) => ({
      value: m.mentorId as string,
      label: who.get(m.mentorId) ?? m.mentorId,
    }));
    // A short team: the engine's proposal for the open seat, at once (a proposal; the manager asks).
    const offer = canChange && kase.needsReplacement ? await proposeReplacementFor(ctx, kase.id) : undefined;
    const suggested =
      offer?.isOk() && offer.value.kind === "team"
        ? [offer.value.team.lead, ...offer.value.team.members].filter(
            (m) => !team.some((x) => x.mentorId === m),
          )
        : [];
    const i = intake.value?.value;
    return page(
      c,
      kase.id,
      html`<section>
          <h1>${t(l, "portal.case.heading", { caseId: kase.id, venture: i?.venture.name ?? kase.id })}</h1>
          <p>${t(l, "portal.case.state", { state: message(l, `state.${kase.state}`, {}) })}</p>
          ${i === undefined ? "" : html`<blockquote>${i.question.summary}</blockquote>`}
          <h2>${t(l, "portal.case.team")}</h2>
          <ul>${team.map((m) => html`<li>${who.get(m.mentorId) ?? m.mentorId}${m.role === "lead" ? html` (${t(l, "portal.team.leadRole")})` : ""}</li>`)}</ul>
        </section>
        <section>
          <h2>${t(l, "portal.case.hours")}</h2>
          <div data-testid="hours-chart" data-sessions="${mine.length}">${chart(caseHoursChart(hours, { ...profile, locale: l }, { ...naming(l, who), case: () => i?.venture.name ?? kase.id }))}</div>
        </section>
        <section>
          <h2>${t(l, "portal.case.sessions")}</h2>
          ${
            mine.length === 0
              ? html`<p>${t(l, "portal.case.none")}</p>`
              : html`<table>${mine.map(
                  (
                    s,
                  ) => html`<tr><td><time datetime="${s.on.toISOString().slice(0, 10)}">${formatDate(l, s.on)}</time></td><td>${s.minutes} min</td><td>${message(l, `mode.${s.mode}`, {})}</td>
                    <td>${s.mentors.map((m) => who.get(m) ?? m).join(", ")}</td></tr>`,
                )}</table>`
          }
        </section>
        ${
          !canChange
            ? ""
            : html`<section data-testid="team-change">
                <h2>${t(l, "portal.team.heading")}</h2>
                ${kase.needsReplacement ? html`<p>${t(l, "portal.team.short")}</p>` : ""}
                ${
                  suggested.length === 0
                    ? ""
                    : html`<p data-testid="suggested">${t(l, "portal.team.suggested", {
                        mentors: suggested.map((m) => who.get(m) ?? m).join(", "),
                      })}</p>`
                }
                <form method="post" action="/cases/${kase.id}/team/leave">
                  <label>${t(l, "portal.team.leave")}<select name="mentorId">${options(members)}</select></label>
                  <label>${t(l, "portal.team.why")}<select name="reason">${options([
                    { value: "steppedOff", label: t(l, "portal.team.steppedOff") },
                    { value: "recused", label: t(l, "portal.team.recused") },
                  ])}</select></label>
                  <button type="submit">${t(l, "portal.team.leaveButton")}</button>
                </form>
                <form method="post" action="/cases/${kase.id}/team/join">
                  <label>${t(l, "portal.team.join")}<select name="mentorId">${options(others)}</select></label>
                  <label>${t(l, "portal.team.role")}<select name="role">${options([
                    { value: "member", label: t(l, "portal.team.member") },
                    { value: "lead", label: t(l, "portal.mentors.lead") },
                  ])}</select></label>
                  <label>${t(l, "portal.consent.how")}<select name="onBehalf">${options(
                    onBehalfReasons.map((r) => ({ value: r, label: t(l, `portal.consent.${r}`) })),
                  )}</select></label>
                  <button type="submit">${t(l, "portal.team.joinButton")}</button>
                </form>
                <form method="post" action="/cases/${kase.id}/team/lead">
                  <label>${t(l, "portal.team.lead")}<select name="mentorId">${options(members)}</select></label>
                  <button type="submit">${t(l, "portal.team.leadButton")}</button>
                </form>
              </section>`
        }
        ${
          canManage
            ? html`<section>
                <h2>${t(l, "portal.case.manage")}</h2>
                <form method="post" action="/cases/${kase.id}/${kase.state === "paused" ? "resume" : "pause"}">
                  <button type="submit">${t(l, kase.state === "paused" ? "portal.case.resume" : "portal.case.pause")}</button>
                </form>
                <form method="post" action="/cases/${kase.id}/close">
                  <label for="closeReason">${t(l, "portal.case.closeReason")}</label>
                  <select id="closeReason" name="reason">${options(
                    closingReasons.map((r) => ({ value: r, label: message(l, `closing.${r}`, {}) })),
                  )}</select>
                  <label for="feedbackMentee">${t(l, "portal.case.feedbackMentee")}</label>
                  <textarea id="feedbackMentee" name="feedbackMentee"></textarea>
                  <label for="feedbackTeam">${t(l, "portal.case.feedbackTeam")}</label>
                  <textarea id="feedbackTeam" name="feedbackTeam"></textarea>
                  <button class="primary" type="submit">${t(l, "portal.case.close")}</button>
                </form>
              </section>`
            : ""
        }
        ${
          canLog
            ? html`<section>
                <h2>${t(l, "portal.case.log")}</h2>
                <form method="post" action="/cases/${kase.id}/sessions">
                  <div class="grid">
                    <div><label for="on">${t(l, "portal.case.on")}</label><input id="on" name="on" type="date" value="${again?.values.on ?? now.toISOString().slice(0, 10)}" /></div>
                    <div><label for="minutes">${t(l, "portal.case.minutes")}</label><input id="minutes" name="minutes" inputmode="numeric" value="${again?.values.minutes ?? "90"}" /></div>
                    <div><label for="mode">${t(l, "portal.case.mode")}</label><select id="mode" name="mode">${options(
                      sessionModes.map((m) => ({ value: m, label: message(l, `mode.${m}`, {}) })),
                      again?.values.mode,
                    )}</select></div>
                  </div>
                  <label>${t(l, "portal.case.present")}</label>
                  ${team.map(
                    (m) => html`<label class="inline">
                      <input type="checkbox" name="present" value="${m.mentorId}" ${(again?.values.present ?? [g.id]).includes(m.mentorId) ? "checked" : ""} /> ${who.get(m.mentorId) ?? m.mentorId}</label>`,
                  )}
                  <div><button class="primary" type="submit">${t(l, "portal.case.log")}</button></div>
                </form>
              </section>`
            : onTeam && lead !== undefined
              ? html`<p class="muted" data-testid="who-logs">${t(l, "portal.case.leadLogs", { lead: who.get(lead) ?? lead })}</p>`
              : ""
        }`,
      again === undefined ? 200 : httpStatusOf(again.error),
      again !== undefined
        ? { error: refusal(l, again.error) }
        : c.req.query("logged") !== undefined
          ? { notice: t(l, "portal.case.logged") }
          : c.req.query("done") !== undefined
            ? { notice: t(l, "portal.case.done") }
            : {},
    );
  };
  app.get("/cases/:id", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    // Unknown and someone else's case look the same to a mentor: no probing for ids.
    const g = await guard(c, "case.view", found.value);
    if (g instanceof Response) return g;
    if (found.value === undefined) return notFound(c);
    return casePage(c, g, found.value);
  });

  app.post("/cases/:id/team/:kind", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.changeTeam", found.value);
    if (g instanceof Response) return g;
    const kase = found.value;
    if (kase === undefined) return notFound(c);
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const mentorId = field(body, "mentorId") as MentorId;
    const kind = c.req.param("kind");
    if (kind !== "leave" && kind !== "join" && kind !== "lead") return notFound(c);
    const change: TeamChange =
      kind === "leave"
        ? { kind, mentorId, reason: field(body, "reason") as "steppedOff" | "recused" }
        : kind === "join"
          ? { kind, mentorId, role: field(body, "role") as "lead" | "member" }
          : { kind, mentorId };
    let done = await changeTeam(ctx, kase.id, change, g);
    if (done.isErr() && done.error.type === "ConsentMissing") {
      // The newcomer said yes (rule 24): the manager records how they said it, then they join. Any
      // other refusal comes first, so a refused join records no answer.
      const said = await answerProposal(
        ctx,
        { caseId: kase.id, mentorId, answer: "yes", onBehalf: field(body, "onBehalf") as OnBehalfReason },
        g,
      );
      if (said.isErr()) return libraryError(c, said.error);
      done = await changeTeam(ctx, kase.id, change, g);
    }
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect(`/cases/${kase.id}`, 303);
  });
  // The manager pauses, resumes and closes a case; each comes back to the case page.
  for (const step of ["pause", "resume", "close"] as const)
    app.post(`/cases/:id/${step}`, async (c) => {
      const g = await guard(c, "case.close");
      if (g instanceof Response) return g;
      const id = c.req.param("id") as CaseId;
      const body = (await c.req.parseBody()) as Record<string, unknown>;
      const feedback = {
        ...(field(body, "feedbackMentee") === "" ? {} : { mentee: field(body, "feedbackMentee") }),
        ...(field(body, "feedbackTeam") === "" ? {} : { team: field(body, "feedbackTeam") }),
      };
      const done =
        step === "pause"
          ? await pauseCase(ctx, id, g)
          : step === "resume"
            ? await resumeCase(ctx, id, g)
            : await closeCase(
                ctx,
                id,
                field(body, "reason") as ClosingReason,
                g,
                Object.keys(feedback).length === 0 ? undefined : feedback,
              );
      if (done.isErr()) return libraryError(c, done.error);
      return c.redirect(`/cases/${id}?done=1`, 303);
    });
  app.post("/cases/:id/sessions", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.logSession", found.value);
    if (g instanceof Response) return g;
    const kase = found.value as MentoringCase;
    const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const day = field(body, "on");
    const now = clock();
    const on =
      day === "" ? now : day === now.toISOString().slice(0, 10) ? now : new Date(`${day}T12:00:00.000Z`);
    const present = [...new Set([g.id, ...fields(body, "present")])];
    const minutes = field(body, "minutes");
    const logged = await logSession(
      ctx,
      {
        id: `session-${randomUUID().slice(0, 8)}`,
        kind: "case",
        caseId: kase.id,
        on: Number.isNaN(on.getTime()) ? day : on.toISOString(),
        minutes: minutes === "" ? undefined : Number(minutes),
        mode: field(body, "mode"),
        mentors: present,
        menteePresent: true,
        noteAuthor: g.id,
      },
      g,
    );
    if (logged.isErr())
      return logged.error.type === "StoreUnavailable"
        ? libraryError(c, logged.error)
        : casePage(c, g, kase, {
            error: logged.error,
            values: { on: day, minutes, mode: field(body, "mode"), present: fields(body, "present") },
          });
    return c.redirect(`/cases/${kase.id}?logged=1`, 303);
  });

  // ---------- mentors and the report ----------
  app.get("/mentors", async (c) => {
    const g = await guard(c, "mentors.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const report = await programmeReport(ctx, clock());
    if (report.isErr()) return libraryError(c, report.error);
    const [who, all, open] = [
      await names(),
      await store.list("mentors"),
      await store.find("cases", "state", ["awaitingMeeting", "active", "paused"]),
    ];
    if (all.isErr()) return libraryError(c, all.error);
    if (open.isErr()) return libraryError(c, open.error);
    const byId = new Map(all.value.map((m) => [m.value.id as string, m.value]));
    const now = clock();
    // Why a mentor is off matching now: an ethics hold (a benefit recorded) or an expired statement.
    const status = (id: string) => {
      const m = byId.get(id);
      if (m === undefined) return "";
      if (m.ethicsHold !== undefined)
        return t(l, "portal.ethics.held", {
          kind: t(l, `portal.ethics.kind.${m.ethicsHold.kind}`),
          on: formatDate(l, m.ethicsHold.on),
        });
      return ethicsStatementCurrent(m, now, profile.ethicsStatementValidityMonths)
        ? ""
        : t(l, "portal.ethics.expired");
    };
    const held = all.value.map((m) => m.value).filter((m) => m.ethicsHold !== undefined);
    const mentorOptions = all.value
      .filter((m) => m.value.state === "active")
      .map((m) => ({ value: m.value.id as string, label: m.value.name }));
    const ventures = open.value.map((k) => ({
      value: k.value.ventureId as string,
      label: k.value.id as string,
    }));
    const canAct = permits(g, "mentors.ethics");
    return page(
      c,
      t(l, "portal.mentors.heading"),
      html`<section>
        <h1>${t(l, "portal.mentors.heading")}</h1>
        ${chart(loadChart(report.value, { ...profile, locale: l }, naming(l, who)), false)}
        <table>
          <tr><th></th><th>${t(l, "portal.mentors.cases")}</th><th>${t(l, "portal.mentors.hours")}</th><th>${t(l, "portal.ethics.status")}</th></tr>
          ${report.value.mentorHours.map(
            (m) =>
              html`<tr><td>${who.get(m.mentorId) ?? m.mentorId}</td><td>${m.cases} / ${m.maxCases}</td><td>${formatHours(l, m.loggedThisMonth)}</td><td data-testid="status-${m.mentorId}">${status(m.mentorId)}</td></tr>`,
          )}
        </table>
      </section>
      ${
        !canAct
          ? ""
          : html`<section data-testid="ethics">
              <h2>${t(l, "portal.ethics.heading")}</h2>
              ${held.map(
                (m) => html`<form method="post" action="/mentors/${m.id}/resolve">
                  <p>${m.name}: ${status(m.id)}</p>
                  <label>${t(l, "portal.ethics.resolution")}
                    <select name="resolution">${options(
                      ethicsResolutions.map((r) => ({
                        value: r,
                        label: t(l, `portal.ethics.resolution.${r}`),
                      })),
                    )}</select></label>
                  <button type="submit">${t(l, "portal.ethics.resolve")}</button>
                </form>`,
              )}
              <form method="post" action="/mentors/benefit">
                <h3>${t(l, "portal.ethics.benefit")}</h3>
                <label>${t(l, "portal.ethics.mentor")}<select name="mentorId">${options(mentorOptions)}</select></label>
                <label>${t(l, "portal.ethics.case")}<select name="ventureId">${options(ventures)}</select></label>
                <label>${t(l, "portal.ethics.kind")}<select name="kind">${options(
                  benefitKinds.map((k) => ({ value: k, label: t(l, `portal.ethics.kind.${k}`) })),
                )}</select></label>
                <button type="submit">${t(l, "portal.ethics.record")}</button>
              </form>
              <form method="post" action="/mentors/conflict">
                <h3>${t(l, "portal.ethics.conflict")}</h3>
                <label>${t(l, "portal.ethics.mentor")}<select name="mentorId">${options(mentorOptions)}</select></label>
                <label>${t(l, "portal.ethics.case")}<select name="ventureId">${options(ventures)}</select></label>
                <label>${t(l, "portal.ethics.reason")}<select name="reason">${options(
                  conflictReasons.map((r) => ({ value: r, label: t(l, `portal.ethics.reason.${r}`) })),
                )}</select></label>
                <button type="submit">${t(l, "portal.ethics.record")}</button>
              </form>
            </section>`
      }`,
    );
  });
  app.post("/mentors/benefit", async (c) => {
    const g = await guard(c, "mentors.ethics");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const done = await recordEthicsViolation(
      ctx,
      {
        mentorId: field(body, "mentorId") as MentorId,
        ventureId: field(body, "ventureId") as VentureId,
        kind: field(body, "kind") as BenefitKind,
        on: clock(),
      },
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/mentors", 303);
  });
  app.post("/mentors/:id/resolve", async (c) => {
    const g = await guard(c, "mentors.ethics");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const done = await resolveEthicsHold(
      ctx,
      c.req.param("id") as MentorId,
      field(body, "resolution") as EthicsResolution,
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/mentors", 303);
  });
  app.post("/mentors/conflict", async (c) => {
    const g = await guard(c, "mentors.ethics");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const done = await recordConflict(
      ctx,
      {
        mentorId: field(body, "mentorId") as MentorId,
        ventureId: field(body, "ventureId") as VentureId,
        reason: field(body, "reason") as ConflictReason,
      },
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/mentors", 303);
  });
  app.get("/report", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const month = c.req.query("month") ?? monthKey(clock());
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const asOf = reportAsOf(month, clock());
    const report = await programmeReport(ctx, asOf);
    if (report.isErr()) return libraryError(c, report.error);
    const local = { ...profile, locale: l };
    const r = report.value;
    const labels = await caseLabels([
      ...r.hours.perCase.map((x) => x.caseId),
      ...r.cases.waitedPastMeeting.cases,
      ...r.cases.belowMinimumTeam,
      ...r.inactivity.map((x) => x.caseId),
    ]);
    const reader = { ...naming(l, await names()), case: (id: string) => labels.get(id) ?? id };
    const lines = renderReportMarkdown(report.value, local, reader).split("\n");
    return page(
      c,
      t(l, "portal.report.heading", { month: formatMonth(l, month) }),
      html`<section>
          <h1>${lines[0]?.replace(/^# /, "") ?? ""}</h1>
          ${monthPicker(l, "/report", month)}
          <ul>${lines.filter((x) => x.startsWith("- ")).map((x) => html`<li>${x.slice(2)}</li>`)}</ul>
        </section>
        <section>${chart(hoursChart(report.value, local, reader))}</section>
        <section>${chart(loadChart(report.value, local, reader))}</section>`,
    );
  });

  // ---------- the JSON API ----------
  app.get("/api/me", (c) => {
    const user = c.var.user;
    return user === undefined ? c.json({ error: { type: "Unauthenticated" } }, 401) : c.json(user);
  });
  app.post("/api/intakes", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    const key = c.req.header("Idempotency-Key");
    if (key === undefined || key.length === 0 || key.length > 200)
      return badRequest(c, "Idempotency-Key", "the header is required (1–200 characters)");
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const done = await submitIntake(ctx, body.value, key, g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value, done.value.replayed ? 200 : 201);
  });
  app.get("/api/intakes/:id", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    const intake = await store.get("intakes", c.req.param("id"));
    if (intake.isErr()) return libraryError(c, intake.error);
    if (intake.value === undefined)
      return libraryError(c, { type: "NotFound", collection: "intakes", id: c.req.param("id") });
    const decision = await store.get("decisions", c.req.param("id"));
    if (decision.isErr()) return libraryError(c, decision.error);
    return c.json({ intake: intake.value.value, decision: decision.value?.value ?? null });
  });
  app.post("/api/intakes/:id/triage", async (c) => {
    const body = c.req.header("content-type")?.includes("json")
      ? await jsonBody(c)
      : { ok: true as const, value: {} };
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const override = (body.value as { override?: unknown } | null)?.override;
    const g = await guard(c, override === undefined ? "intake.submit" : "triage.override");
    if (g instanceof Response) return g;
    const parsed = override === undefined ? undefined : parseManagerOverride(override);
    if (parsed?.isErr()) return libraryError(c, parsed.error);
    const done = await decideTriage(ctx, c.req.param("id") as IntakeId, g, parsed?.unwrapOr(undefined));
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value);
  });
  app.get("/api/rounds/:month", async (c) => {
    const g = await guard(c, "board.view");
    if (g instanceof Response) return g;
    const month = c.req.param("month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const stored = await store.get("rounds", `round-${month}`);
    if (stored.isErr()) return libraryError(c, stored.error);
    if (stored.value === undefined)
      return libraryError(c, { type: "NotFound", collection: "rounds", id: `round-${month}` });
    return c.json(stored.value.value);
  });
  app.post("/api/rounds/:month/plan", async (c) => {
    const g = await guard(c, "board.plan");
    if (g instanceof Response) return g;
    const month = c.req.param("month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const body = c.req.header("content-type")?.includes("json")
      ? await jsonBody(c)
      : { ok: true as const, value: {} };
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const pins = (body.value as { pins?: unknown } | null)?.pins;
    const valid = (p: unknown): p is Pin =>
      typeof p === "object" &&
      p !== null &&
      typeof (p as Pin).caseId === "string" &&
      typeof (p as Pin).mentorId === "string" &&
      ((p as Pin).kind === "pin" || (p as Pin).kind === "exclude");
    if (pins !== undefined && !(Array.isArray(pins) && pins.length <= 500 && pins.every(valid)))
      return badRequest(c, "pins", "a list of { caseId, mentorId, kind: pin | exclude }");
    const planned = await planRound(ctx, `round-${month}`, clock(), g, { pins: (pins ?? []) as Pin[] });
    if (planned.isErr()) return libraryError(c, planned.error);
    return c.json(planned.value);
  });
  app.get("/api/cases/:id", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.view", found.value);
    if (g instanceof Response) return g;
    const kase = found.value;
    if (kase === undefined)
      return libraryError(c, { type: "NotFound", collection: "cases", id: c.req.param("id") });
    const sessions = await store.find("sessions", "case", kase.id);
    if (sessions.isErr()) return libraryError(c, sessions.error);
    const mine = sessions.value.map((s) => s.value);
    return c.json({ case: kase, sessions: mine, hours: caseHours(kase, mine, profile, clock()) });
  });
  app.post("/api/cases/:id/team", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "board.confirm", found.value);
    if (g instanceof Response) return g;
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const team = (body.value as { team?: unknown } | null)?.team;
    const seat = (s: unknown) =>
      typeof s === "object" &&
      s !== null &&
      typeof (s as { mentorId?: unknown }).mentorId === "string" &&
      ((s as { role?: unknown }).role === "lead" || (s as { role?: unknown }).role === "member");
    if (!Array.isArray(team) || team.length === 0 || team.length > 10 || !team.every(seat))
      return badRequest(c, "team", "a list of { mentorId, role: lead | member }");
    const done = await confirmTeam(ctx, c.req.param("id") as CaseId, team as never, g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value);
  });
  app.post("/api/cases/:id/sessions", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.logSession", found.value);
    if (g instanceof Response) return g;
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const raw = body.value as { caseId?: unknown; noteAuthor?: unknown } | null;
    // A mentor logs for this case and as themselves.
    if (raw?.caseId !== c.req.param("id")) return badRequest(c, "caseId", "must be the case in the URL");
    if (raw?.noteAuthor !== g.id) return forbidden(c);
    const done = await logSession(ctx, raw, g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value, 201);
  });
  app.post("/api/cases/:id/close", async (c) => {
    const g = await guard(c, "case.close");
    if (g instanceof Response) return g;
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const reason = (body.value as { reason?: unknown } | null)?.reason;
    if (typeof reason !== "string" || !(closingReasons as readonly string[]).includes(reason))
      return badRequest(c, "reason", `one of ${closingReasons.join(", ")}`);
    const done = await closeCase(
      ctx,
      c.req.param("id") as CaseId,
      reason as (typeof closingReasons)[number],
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value);
  });
  app.get("/api/reports/:month", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const month = c.req.param("month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const report = await programmeReport(ctx, reportAsOf(month, clock()));
    if (report.isErr()) return libraryError(c, report.error);
    return c.json(report.value);
  });

  app.notFound((c) => notFound(c));
  // A defect in the portal itself: a 500 without details (and without the request's personal data).
  app.onError((e, c) =>
    // Hono's own refusals (CSRF 403, body too large) keep their status.
    e instanceof HTTPException
      ? e.getResponse()
      : c.req.path.startsWith("/api/")
        ? c.json({ error: { type: "InternalError" } }, 500)
        : c.text("Internal error", 500),
  );
  return ok(app);
}
