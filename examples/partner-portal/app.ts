/**
 * The partner portal: how a programme's own web site embeds the library. Pages for the programme
 * manager (intake and triage, the meeting board, cases, mentors, the monthly report) and for mentors
 * (the teams proposed to them, their own cases, logging a session), in Dutch and English, and a
 * JSON API beside them.
 *
 * Where things are: this file builds the app (headers, sign-in check, language) and mounts one
 * module per area from `routes/` (each with its pages beside it); `access.ts` is the one table of
 * who may do what, checked on every route; `kit.ts` holds what the routes share (the page frame,
 * how a library error becomes a status and a message — exhaustive over the library's errors through
 * `httpStatusOf`); `views.ts` the layout; `sessions.ts` the server-side sign-ins.
 */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, getSignedCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { err, ok, type Result } from "neverthrow";
import {
  type Locale,
  locales,
  type NotFound,
  openProgramme,
  type ProgrammeContext,
  type ProgrammeStore,
  type StoreUnavailable,
} from "venture-mentoring";
import type { SendMail } from "../shared/mail.js";
import type { User } from "./access.js";
import { type Env, makeKit } from "./kit.js";
import { apiRoutes } from "./routes/api.js";
import { auditRoutes } from "./routes/audit.js";
import { boardRoutes } from "./routes/board.js";
import { calendarRoutes } from "./routes/calendar.js";
import { caseRoutes } from "./routes/cases.js";
import { intakeRoutes } from "./routes/intake.js";
import { intakeListRoutes } from "./routes/intake-list.js";
import { mentorEditRoutes } from "./routes/mentor-edit.js";
import { mentorImportRoutes } from "./routes/mentor-import.js";
import { mentorRoutes } from "./routes/mentors.js";
import { myRoutes } from "./routes/my.js";
import { outboxRoutes } from "./routes/outbox.js";
import { reportRoutes } from "./routes/report.js";
import { SESSION, signInRoutes } from "./routes/signin.js";
import { memorySessions, type SessionStore } from "./sessions.js";

export { memorySessions, type SessionRecord, type SessionStore } from "./sessions.js";

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
  /**
   * How reminders go out by e-mail (e.g. `smtpSender(url, from)`); without it the outbox shows them
   * and the manager marks them sent when they went another way.
   */
  readonly sendMail?: SendMail;
}

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

  const kit = makeKit(ctx, clock);
  signInRoutes(app, kit, opts, sessions, findUser);
  intakeListRoutes(app, kit);
  intakeRoutes(app, kit);
  boardRoutes(app, kit);
  caseRoutes(app, kit);
  myRoutes(app, kit);
  mentorRoutes(app, kit);
  mentorImportRoutes(app, kit);
  mentorEditRoutes(app, kit);
  auditRoutes(app, kit, opts.managers);
  calendarRoutes(app, kit);
  outboxRoutes(app, kit, opts.sendMail);
  reportRoutes(app, kit);
  apiRoutes(app, kit);

  app.notFound((c) => kit.notFound(c));
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
