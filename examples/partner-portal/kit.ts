/**
 * What every route of the portal shares: the programme, the page frame, how a refusal is shown
 * (in words, the internal cause only in the log), the access check and how a reader names mentors,
 * topics and cases. Routes take what they use from one `Kit`.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { ok } from "neverthrow";
import {
  describeError,
  describeIssue,
  type Locale,
  type MentoringCase,
  monthKey,
  type Naming,
  type ProgrammeContext,
  programmeReport,
  type VentureMentoringError,
} from "venture-mentoring";
import { httpStatusOf } from "../shared/errors.js";
import { isMonth, reportAsOf } from "../shared/months.js";
import { type Permission, permits, type User } from "./access.js";
import { type Html, layout, t } from "./views.js";

export type Env = { Variables: { user: User | undefined; locale: Locale } };
export type C = Context<Env>;
export type App = Hono<Env>;

/** A form field as typed, trimmed ("" when absent). */
export const field = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === "string" ? v.trim() : "";
};
/** Every value of a repeated form field (checkboxes), empty ones left out. */
export const fields = (body: Record<string, unknown>, name: string): string[] => {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === "string" && x !== "");
};

export type Kit = ReturnType<typeof makeKit>;

/** The shared helpers over one opened programme and the portal's clock. */
export function makeKit(ctx: ProgrammeContext, clock: () => Date) {
  const { profile, store } = ctx;
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
  const refusal = (l: Locale, e: VentureMentoringError, reader?: Naming): Html =>
    e.type === "ValidationFailed"
      ? html`${t(l, "portal.badRequest")}
          <ul>
            ${e.issues.map((i) => html`<li>${describeIssue(i, l)}</li>`)}
          </ul>`
      : html`${describeError(e, l, reader)}`;
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

  /** A file to take away: CSV or a calendar, with the name it is saved under. */
  const download = (c: C, body: string, type: "text/csv" | "text/calendar", filename: string) =>
    c.body(body, 200, {
      "content-type": `${type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${filename}"`,
    });
  /**
   * The report of `?month=` (this month when absent), with the reader's names for its cases and
   * mentors; or the response that refuses the month.
   */
  const monthReport = async (c: C) => {
    const month = c.req.query("month") ?? monthKey(clock());
    if (!isMonth(month)) return { ok: false as const, response: badRequest(c, "month", "YYYY-MM") };
    const report = await programmeReport(ctx, reportAsOf(month, clock()));
    if (report.isErr()) return { ok: false as const, response: libraryError(c, report.error) };
    const r = report.value;
    const labels = await caseLabels([
      ...r.hours.perCase.map((x) => x.caseId),
      ...r.cases.waitedPastMeeting.cases,
      ...r.cases.belowMinimumTeam,
      ...r.inactivity.map((x) => x.caseId),
    ]);
    const reader = { ...naming(c.var.locale, await names()), case: (id: string) => labels.get(id) ?? id };
    return { ok: true as const, month, report: r, reader, labels };
  };
  return {
    download,
    monthReport,
    ctx,
    profile,
    store,
    clock,
    isApi,
    page,
    monthPicker,
    refusal,
    libraryError,
    forbidden,
    notFound,
    badRequest,
    guard,
    jsonBody,
    naming,
    names,
    caseLabels,
    loadCase,
    label,
  };
}
