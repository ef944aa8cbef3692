/**
 * Signing in and out. The demo lets people pick who they are from a list; a real programme says who
 * sent the request through its own sign-in (`PortalOptions.signIn`). Either way the portal starts a
 * server-side session with a fresh random id, and a sign-out deletes it.
 */
import { randomBytes } from "node:crypto";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { html } from "hono/html";
import type { User } from "../access.js";
import type { PortalOptions } from "../app.js";
import { type App, type C, field, type Kit } from "../kit.js";
import type { SessionStore } from "../sessions.js";
import { options, t } from "../views.js";

export const SESSION = "vm_session";
const SESSION_HOURS = 8;

export function signInRoutes(
  app: App,
  kit: Kit,
  opts: PortalOptions,
  sessions: SessionStore,
  findUser: (id: string) => Promise<User | undefined>,
): void {
  const { profile, store, clock, page, forbidden } = kit;
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
}
