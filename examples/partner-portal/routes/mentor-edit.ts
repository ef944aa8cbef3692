/**
 * One mentor: add, edit (the version read guards against a change by someone else meanwhile),
 * their standing (approve, pause until a date, resume, retire, the ethics statement's date), their
 * cases and their hours against what they offer. Refusals come back on the page as typed.
 */
import { html } from "hono/html";
import {
  changeMentorStanding,
  ethicsStatementCurrent,
  formatDate,
  formatList,
  type Mentor,
  type MentorEvent,
  type MentorId,
  message,
  programmeReport,
  registerMentor,
  type VentureMentoringError,
} from "venture-mentoring";
import { httpStatusOf } from "../../shared/errors.js";
import type { User } from "../access.js";
import { type App, type C, field, type Kit } from "../kit.js";
import { t } from "../views.js";
import {
  hoursLine,
  type MentorFormValues,
  mentorForm,
  mentorInput,
  valuesFromBody,
  valuesOf,
} from "./mentor-form.js";

const steps = ["approved", "paused", "resumed", "retired", "ethicsStatementSigned"] as const;

export function mentorEditRoutes(app: App, kit: Kit): void {
  const {
    ctx,
    profile,
    store,
    clock,
    page,
    refusal,
    libraryError,
    notFound,
    guard,
    caseLabels,
    naming,
    names,
  } = kit;

  const newPage = (c: C, values: MentorFormValues, error?: VentureMentoringError) =>
    page(
      c,
      t(c.var.locale, "portal.mentors.add"),
      html`<section><h1>${t(c.var.locale, "portal.mentors.add")}</h1>
        ${mentorForm(c.var.locale, profile, "/mentors/new", values)}</section>`,
      error === undefined ? 200 : httpStatusOf(error),
      error === undefined ? {} : { error: refusal(c.var.locale, error) },
    );

  /** A mentor's page; `again` shows the edit form as typed with why it was refused. */
  const mentorPage = async (
    c: C,
    m: Mentor,
    version: number,
    again?: { readonly error: VentureMentoringError; readonly values?: MentorFormValues },
  ) => {
    const l = c.var.locale;
    const now = clock();
    const [seated, report] = [
      await store.find("cases", "seatedMentor", m.id),
      await programmeReport(ctx, now),
    ];
    if (seated.isErr()) return libraryError(c, seated.error);
    if (report.isErr()) return libraryError(c, report.error);
    const who = await names();
    const seatedOn = again?.error.type === "IllegalMentorTransition" ? (again.error.seatedOn ?? []) : [];
    const labels = await caseLabels([...seated.value.map((k) => k.value.id), ...seatedOn]);
    const hours = report.value.mentorHours.find((x) => x.mentorId === m.id);
    const pause = m.state === "paused" ? m.pauses.at(-1) : undefined;
    const allowed = steps.filter((s) =>
      s === "approved"
        ? m.state === "applicant"
        : s === "paused"
          ? m.state === "active"
          : s === "resumed"
            ? m.state === "paused"
            : m.state !== "retired" && (s !== "retired" || m.state !== "applicant"),
    );
    const today = now.toISOString().slice(0, 10);
    const review = c.req.query("review");
    return page(
      c,
      m.name,
      html`<section>
          <h1>${t(l, "portal.mentors.page", { name: m.name })}</h1>
          <p data-testid="standing">${
            pause === undefined
              ? message(l, `mentorState.${m.state}`, {})
              : t(l, "portal.mentors.pausedUntil", {
                  until: pause.until === undefined ? "" : formatDate(l, pause.until),
                })
          } ·
            ${
              m.ethicsStatementSignedOn === undefined
                ? html`<strong>${t(l, "portal.mentors.unsigned")}</strong>`
                : html`${t(l, "portal.mentors.signedOn", { on: formatDate(l, m.ethicsStatementSignedOn) })}
                  ${ethicsStatementCurrent(m, now, profile.ethicsStatementValidityMonths) ? "" : html`<strong>${t(l, "portal.ethics.expired")}</strong>`}`
            }</p>
          ${hoursLine(l, hours)}
          <ul>${seated.value.map((k) => html`<li><a href="/cases/${k.value.id}">${labels.get(k.value.id) ?? k.value.id}</a></li>`)}</ul>
        </section>
        <section data-testid="standing-steps">
          <h2>${t(l, "portal.mentors.standing")}</h2>
          ${allowed.map(
            (s) => html`<form method="post" action="/mentors/${m.id}/standing" class="grid">
              <input type="hidden" name="type" value="${s}" />
              ${
                s === "paused"
                  ? html`<div><label for="until">${t(l, "portal.mentors.until")}</label><input id="until" name="until" type="date" /></div>`
                  : s === "ethicsStatementSigned"
                    ? html`<div><label for="signedOn">${t(l, "portal.mentors.step.ethicsStatementSigned")}</label><input id="signedOn" name="on" type="date" value="${today}" /></div>`
                    : ""
              }
              <div><button type="submit">${s === "ethicsStatementSigned" ? t(l, "portal.mentors.save") : t(l, `portal.mentors.step.${s}`)}</button></div>
            </form>`,
          )}
        </section>
        <section><h2>${t(l, "portal.mentors.details")}</h2>
          ${mentorForm(l, profile, `/mentors/${m.id}`, again?.values ?? valuesOf(m), version)}</section>`,
      again === undefined ? 200 : httpStatusOf(again.error),
      again !== undefined
        ? { error: refusal(l, again.error, { ...naming(l, who), case: (id) => labels.get(id) ?? id }) }
        : review !== undefined && review !== ""
          ? {
              notice: t(l, "portal.mentors.toReview", {
                cases: formatList(
                  l,
                  review.split(",").map((x) => labels.get(x) ?? x),
                ),
              }),
            }
          : c.req.query("saved") !== undefined || review === ""
            ? { notice: t(l, "portal.mentors.saved") }
            : {},
    );
  };

  const loadMentor = async (c: C) => {
    const found = await store.get("mentors", c.req.param("id") ?? "");
    return found.isErr() ? found.error : found.value;
  };
  const manage = async (c: C): Promise<Response | User> => guard(c, "mentors.manage");

  app.get("/mentors/new", async (c) => {
    const g = await manage(c);
    if (g instanceof Response) return g;
    return newPage(c, { state: "active", maxCases: "2", monthlyHours: "4", background: "founder" });
  });
  app.post("/mentors/new", async (c) => {
    const g = await manage(c);
    if (g instanceof Response) return g;
    const values = valuesFromBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
    const done = await registerMentor(ctx, mentorInput(values, profile), g, "new");
    if (done.isErr())
      return done.error.type === "StoreUnavailable"
        ? libraryError(c, done.error)
        : newPage(c, values, done.error);
    return c.redirect(`/mentors/${done.value.mentor.id}?saved=1`, 303);
  });
  app.get("/mentors/:id", async (c) => {
    const g = await manage(c);
    if (g instanceof Response) return g;
    const found = await loadMentor(c);
    if (found === undefined) return notFound(c);
    if ("type" in found) return libraryError(c, found);
    return mentorPage(c, found.value, found.version);
  });
  app.post("/mentors/:id", async (c) => {
    const g = await manage(c);
    if (g instanceof Response) return g;
    const found = await loadMentor(c);
    if (found === undefined) return notFound(c);
    if ("type" in found) return libraryError(c, found);
    const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const values = valuesFromBody(body);
    const version = Number(field(body, "version"));
    const done = await registerMentor(ctx, mentorInput(values, profile, found.value), g, version);
    if (done.isErr())
      return done.error.type === "StoreUnavailable"
        ? libraryError(c, done.error)
        : mentorPage(c, found.value, found.version, { error: done.error, values });
    return c.redirect(`/mentors/${found.value.id}?saved=1`, 303);
  });
  app.post("/mentors/:id/standing", async (c) => {
    const g = await manage(c);
    if (g instanceof Response) return g;
    const found = await loadMentor(c);
    if (found === undefined) return notFound(c);
    if ("type" in found) return libraryError(c, found);
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const type = field(body, "type");
    const on = field(body, "on") === "" ? clock() : new Date(`${field(body, "on")}T00:00:00.000Z`);
    const until = field(body, "until");
    const event = (
      type === "paused" && until !== ""
        ? { type, on, until: new Date(`${until}T00:00:00.000Z`) }
        : { type, on }
    ) as MentorEvent;
    const done = await changeMentorStanding(ctx, found.value.id as MentorId, event, g);
    if (done.isErr())
      return done.error.type === "StoreUnavailable"
        ? libraryError(c, done.error)
        : mentorPage(c, found.value, found.version, { error: done.error });
    const review = done.value.casesToReview;
    return c.redirect(
      `/mentors/${found.value.id}?${type === "paused" ? `review=${encodeURIComponent(review.join(","))}` : "saved=1"}`,
      303,
    );
  });
}
