import { html } from "hono/html";
import {
  addMonths,
  answerProposal,
  type CaseId,
  type ConsentAnswer,
  consentId,
  currentTeam,
  describeNotification,
  describeTeam,
  ethicsStatementExpires,
  formatDate,
  type MentorId,
  monthKey,
  programmeReport,
} from "venture-mentoring";
import { permits } from "../access.js";
import type { App, Kit } from "../kit.js";
import { field } from "../kit.js";
import { t } from "../views.js";
import { caseViews } from "./case-views.js";
import { hoursLine } from "./mentor-form.js";

export function myRoutes(app: App, kit: Kit): void {
  const { ctx, profile, store, clock, page, libraryError, guard, naming, names, caseLabels } = kit;
  const { caseTable } = caseViews(kit);
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
    // What I offered against what I do, and until when my ethics statement holds.
    const [report, stored] = [await programmeReport(ctx, now), await store.get("mentors", g.id)];
    if (report.isErr()) return libraryError(c, report.error);
    if (stored.isErr()) return libraryError(c, stored.error);
    const hours = report.value.mentorHours.find((x) => x.mentorId === g.id);
    const me = stored.value?.value;
    // Reminders for me that are still open (queued by the programme, not yet sent or withdrawn).
    const reminders = await store.find("notifications", "to", g.id);
    if (reminders.isErr()) return libraryError(c, reminders.error);
    const mineToSee = reminders.value
      .map((x) => x.value)
      .filter((n) => n.sentAt === undefined && n.withdrawnAt === undefined);
    const labels = await caseLabels(mineToSee.flatMap((n) => (n.caseId === undefined ? [] : [n.caseId])));
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
        <section><h1>${t(l, "portal.nav.myCases")}</h1>${await caseTable(c, mine)}
          <p><a href="/calendar/meetings.ics">${t(l, "portal.calendar.meetings")}</a></p></section>
        ${
          mineToSee.length === 0
            ? ""
            : html`<section data-testid="my-reminders"><h2>${t(l, "portal.nav.outbox")}</h2>
              ${mineToSee.map((n) => {
                const words = describeNotification(n, l, {
                  ...naming(l, who),
                  case: (id) => labels.get(id) ?? id,
                });
                return html`<div class="card"><p><strong>${words.subject}</strong></p><p>${words.text}</p></div>`;
              })}</section>`
        }
        <section data-testid="my-standing"><h2>${t(l, "portal.my.standing")}</h2>
          ${hoursLine(l, hours)}
          ${
            me === undefined
              ? ""
              : me.ethicsStatementSignedOn === undefined
                ? html`<p>${t(l, "portal.mentors.unsigned")}</p>`
                : html`<p>${t(l, "portal.mentors.signedOn", { on: formatDate(l, me.ethicsStatementSignedOn) })}
                  ${t(l, "portal.my.validUntil", {
                    on: formatDate(
                      l,
                      ethicsStatementExpires(me, profile.ethicsStatementValidityMonths) as Date,
                    ),
                  })}</p>`
          }
        </section>`,
    );
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
}
