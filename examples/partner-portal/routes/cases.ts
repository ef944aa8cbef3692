/**
 * Cases: the open cases, a case's page, team changes, pause, resume and close, logging a session.
 * Every action comes back to the case page.
 */
import { randomUUID } from "node:crypto";
import { html } from "hono/html";
import {
  answerProposal,
  type CaseId,
  type ClosingReason,
  changeTeam,
  closeCase,
  currentTeam,
  logSession,
  type MentorId,
  type MentoringCase,
  message,
  type OnBehalfReason,
  pauseCase,
  resumeCase,
  type TeamChange,
} from "venture-mentoring";
import { csvName, toCsv } from "../../shared/csv.js";
import type { App, Kit } from "../kit.js";
import { field, fields } from "../kit.js";
import { t } from "../views.js";
import { caseViews } from "./case-views.js";

export function caseRoutes(app: App, kit: Kit): void {
  const { download, ctx, store, clock, page, libraryError, notFound, guard, loadCase, caseLabels, names } =
    kit;
  const { caseTable, casePage } = caseViews(kit);
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
      html`<section><h1>${t(l, "portal.nav.cases")}</h1>
        <p><a href="/cases.csv">${t(l, "portal.csv")}</a></p>${await caseTable(c, open)}</section>`,
    );
  });
  // The open cases as a spreadsheet: venture, state, team (lead first), opened, team since.
  app.get("/cases.csv", async (c) => {
    const g = await guard(c, "cases.list");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const cases = await store.find("cases", "state", ["awaitingMeeting", "active", "paused"]);
    if (cases.isErr()) return libraryError(c, cases.error);
    const [labels, who] = [await caseLabels(cases.value.map((k) => k.value.id)), await names()];
    const csv = toCsv(
      l,
      [
        "id",
        t(l, "portal.intake.venture"),
        t(l, "portal.mentors.state"),
        t(l, "portal.case.team"),
        t(l, "portal.intake.date"),
      ],
      cases.value.map(({ value: k }) => [
        k.id,
        labels.get(k.id) ?? k.id,
        message(l, `state.${k.state}`, {}),
        [...currentTeam(k)]
          .sort((a, b) => (a.role === "lead" ? -1 : b.role === "lead" ? 1 : 0))
          .map((m) => who.get(m.mentorId) ?? m.mentorId)
          .join(", "),
        k.openedOn.toISOString().slice(0, 10),
      ]),
    );
    return download(c, csv, "text/csv", csvName("cases"));
  });
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
      if (done.isErr()) {
        // A refused closing comes back with the feedback as typed.
        const kase =
          step === "close" && done.error.type !== "StoreUnavailable" ? await loadCase(id) : undefined;
        if (kase === undefined || kase.isErr() || kase.value === undefined)
          return libraryError(c, done.error);
        return casePage(c, g, kase.value, {
          error: done.error,
          values: {
            reason: field(body, "reason"),
            feedbackMentee: field(body, "feedbackMentee"),
            feedbackTeam: field(body, "feedbackTeam"),
          },
        });
      }
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
}
