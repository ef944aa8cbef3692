import { html } from "hono/html";
import {
  caseHours,
  caseHoursChart,
  closingReasons,
  currentTeam,
  formatDate,
  type MentoringCase,
  mayWriteNotes,
  message,
  onBehalfReasons,
  proposeReplacementFor,
  sessionModes,
  type VentureMentoringError,
} from "venture-mentoring";
import { httpStatusOf } from "../../shared/errors.js";
import { permits, type User } from "../access.js";
import type { C, Kit } from "../kit.js";
import { chart, options, t } from "../views.js";

/** The case page and table, over the portal's shared helpers. */
export function caseViews(kit: Kit) {
  const { ctx, profile, store, clock, page, refusal, libraryError, naming, names } = kit;
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
  /**
   * A case's page; `again` re-shows the form that was refused (the session form as the lead filled
   * it in, or the closing form with its feedback) with why it was refused above it.
   */
  const casePage = async (
    c: C,
    g: User,
    kase: MentoringCase,
    again?: {
      readonly error: VentureMentoringError;
      readonly values: {
        readonly on?: string;
        readonly minutes?: string;
        readonly mode?: string;
        readonly present?: readonly string[];
        readonly reason?: string;
        readonly feedbackMentee?: string;
        readonly feedbackTeam?: string;
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
          <p><a href="/cases/${kase.id}/sessions.ics">${t(l, "portal.calendar.sessions")}</a></p>
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
                  <label>${t(l, "portal.team.join")}<select name="mentorId">${options(others, suggested[0])}</select></label>
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
                    again?.values.reason,
                  )}</select>
                  <label for="feedbackMentee">${t(l, "portal.case.feedbackMentee")}</label>
                  <textarea id="feedbackMentee" name="feedbackMentee">${again?.values.feedbackMentee ?? ""}</textarea>
                  <label for="feedbackTeam">${t(l, "portal.case.feedbackTeam")}</label>
                  <textarea id="feedbackTeam" name="feedbackTeam">${again?.values.feedbackTeam ?? ""}</textarea>
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
  return { caseTable, casePage };
}
