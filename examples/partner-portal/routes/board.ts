/**
 * The meeting board: a month's round, planned with the manager's pins and exclusions; the cases
 * due; the mentors' answers to a proposal; confirming a team.
 */
import { html } from "hono/html";
import {
  answerProposal,
  type CaseId,
  type ConsentAnswer,
  casesDue,
  confirmTeam,
  consentId,
  describeDiagnosis,
  describeTeam,
  formatMonth,
  type HoldOverReason,
  holdOver,
  holdOverReasons,
  type MentorId,
  type MentoringCase,
  monthKey,
  type OnBehalfReason,
  onBehalfReasons,
  type Pin,
  planRound,
} from "venture-mentoring";
import { isMonth } from "../../shared/months.js";
import type { App, Kit } from "../kit.js";
import { field, fields } from "../kit.js";
import { options, t } from "../views.js";

export function boardRoutes(app: App, kit: Kit): void {
  const { ctx, store, clock, page, monthPicker, libraryError, badRequest, guard, naming, names } = kit;
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
          <p><a href="/calendar/meetings.ics">${t(l, "portal.calendar.meetings")}</a></p>
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
}
