/**
 * The intake form (kept as typed after a refusal) and an intake's page: its decision with reasons,
 * a returning venture's earlier cases, the one-off conversation and the override form.
 */
import { randomUUID } from "node:crypto";
import { html } from "hono/html";
import {
  adviceCodes,
  describeOutcome,
  describeReason,
  exportAmbitions,
  type IntakeRequest,
  type Locale,
  message,
  seekings,
  seenBefore,
  sessionModes,
  urgencies,
  type VentureMentoringError,
  ventureStages,
} from "venture-mentoring";
import { httpStatusOf } from "../../shared/errors.js";
import type { C, Kit } from "../kit.js";
import type { Html } from "../views.js";
import { options, t } from "../views.js";

/** The intake form and page, over the portal's shared helpers. */
export function intakeViews(kit: Kit) {
  const { profile, store, clock, page, refusal, libraryError, notFound, names, label } = kit;
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
  return { intakeForm, intakePage };
}
