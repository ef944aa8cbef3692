/**
 * The mentor form (add and edit): what the manager keeps on a mentor — name, e-mail, background,
 * firm, sectors, expertise per topic, lead and intake roles, capacity, declared interests, the
 * ethics statement's date. The form's fields are one flat record, so a refused form comes back as
 * typed; `mentorInput` turns it into the library's mentor input, `registerMentor` checks it.
 */
import { html } from "hono/html";
import {
  backgrounds,
  fieldLabel,
  formatNumber,
  interestKinds,
  type Locale,
  type Mentor,
  type MentorHours,
  mentorStates,
  message,
  type ProgrammeProfile,
} from "venture-mentoring";
import { type Html, options, t } from "../views.js";

/** The form as typed: one string per field, a list for the ticked sectors. */
export type MentorFormValues = Readonly<Record<string, string | readonly string[]>>;

/** Room for this many new interests below the declared ones. */
const SPARE_INTERESTS = 2;

const day = (d: Date | undefined) => (d === undefined ? "" : d.toISOString().slice(0, 10));

/** A stored mentor as the form shows it. */
export function valuesOf(m: Mentor): MentorFormValues {
  return {
    id: m.id,
    name: m.name,
    email: m.email ?? "",
    state: m.state,
    background: m.background,
    firm: m.firm ?? "",
    sectors: m.sectors,
    ...Object.fromEntries(m.expertise.map((e) => [`level.${e.topic}`, String(e.level)])),
    leadQualified: m.leadQualified ? "yes" : "",
    intakeLead: m.intakeLead ? "yes" : "",
    maxCases: String(m.capacity.maxCases),
    monthlyHours: String(m.capacity.monthlyHours),
    ethicsStatementSignedOn: day(m.ethicsStatementSignedOn),
    ...Object.fromEntries(
      m.interests.flatMap((x, i) => [
        [`interest.${i}.kind`, x.kind],
        [`interest.${i}.org`, x.organisation],
      ]),
    ),
  };
}

const one = (v: MentorFormValues, k: string): string => {
  const x = v[k];
  return typeof x === "string" ? x.trim() : "";
};
const many = (v: MentorFormValues, k: string): readonly string[] => {
  const x = v[k];
  return x === undefined ? [] : typeof x === "string" ? (x === "" ? [] : [x]) : x.filter((y) => y !== "");
};

/** Declared interests a form takes at most (a mentor declares a handful). */
const MAX_INTERESTS = 50;

/**
 * The form body (`parseBody({ all: true })`) as form values: strings, the sectors as a list, and the
 * interests numbered 0, 1, 2… in their order (at most `MAX_INTERESTS`), whatever numbers were sent —
 * so a form that names `interest.999999.kind` is shown back with one row, not a million.
 */
export function valuesFromBody(body: Record<string, unknown>): MentorFormValues {
  const out: Record<string, string | readonly string[]> = {};
  const interests = new Map<number, { kind?: string; org?: string }>();
  for (const [k, v] of Object.entries(body)) {
    const value =
      typeof v === "string"
        ? v
        : Array.isArray(v)
          ? v.filter((x): x is string => typeof x === "string")
          : undefined;
    if (value === undefined) continue;
    const interest = /^interest\.(\d{1,9})\.(kind|org)$/.exec(k);
    if (interest !== null) {
      const row = interests.get(Number(interest[1])) ?? {};
      row[interest[2] as "kind" | "org"] = typeof value === "string" ? value : (value[0] ?? "");
      interests.set(Number(interest[1]), row);
    } else if (!k.startsWith("interest."))
      out[k] = k === "sectors" && typeof value === "string" ? [value] : value;
  }
  [...interests.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, MAX_INTERESTS)
    .forEach(([, row], r) => {
      out[`interest.${r}.kind`] = row.kind ?? "";
      out[`interest.${r}.org`] = row.org ?? "";
    });
  return out;
}

/**
 * The library's mentor input from the form; `kept` is the stored mentor on an edit (its standing
 * and pauses are changed by their own steps, not by this form).
 */
export function mentorInput(v: MentorFormValues, profile: ProgrammeProfile, kept?: Mentor): unknown {
  const number = (k: string) => (one(v, k) === "" ? undefined : Number(one(v, k)));
  const interests = Object.keys(v)
    .map((k) => /^interest\.(\d+)\.kind$/.exec(k)?.[1])
    .filter((i): i is string => i !== undefined)
    .sort((a, b) => Number(a) - Number(b))
    .map((i) => ({ kind: one(v, `interest.${i}.kind`), organisation: one(v, `interest.${i}.org`) }))
    .filter((x) => x.kind !== "" || x.organisation !== "");
  const signed = one(v, "ethicsStatementSignedOn");
  return {
    id: kept?.id ?? one(v, "id"),
    name: one(v, "name"),
    ...(one(v, "email") === "" ? {} : { email: one(v, "email") }),
    state: kept?.state ?? (one(v, "state") || "active"),
    expertise: profile.topics
      .map((x) => ({ topic: x.id, level: number(`level.${x.id}`) }))
      .filter((e) => e.level !== undefined && e.level !== 0),
    sectors: many(v, "sectors"),
    background: one(v, "background"),
    ...(one(v, "firm") === "" ? {} : { firm: one(v, "firm") }),
    leadQualified: one(v, "leadQualified") === "yes",
    intakeLead: one(v, "intakeLead") === "yes",
    capacity: { maxCases: number("maxCases"), monthlyHours: number("monthlyHours") },
    pauses: kept?.pauses ?? [],
    interests,
    ...(signed === "" ? {} : { ethicsStatementSignedOn: `${signed}T00:00:00.000Z` }),
  };
}

/** The form; `version` on an edit (a change by someone else meanwhile is refused, not overwritten). */
export function mentorForm(
  l: Locale,
  profile: ProgrammeProfile,
  action: string,
  v: MentorFormValues,
  version?: number,
): Html {
  const text = (k: string, label: string, type = "text") =>
    html`<div><label for="${k}">${label}</label><input id="${k}" name="${k}" type="${type}" value="${one(v, k)}" /></div>`;
  const box = (k: string, label: string) =>
    html`<label class="inline"><input type="checkbox" name="${k}" value="yes" ${one(v, k) === "yes" ? "checked" : ""} /> ${label}</label>`;
  const interestRows = Math.max(
    0,
    ...Object.keys(v).map((k) => Number(/^interest\.(\d+)\.kind$/.exec(k)?.[1] ?? -1) + 1),
  );
  return html`<form method="post" action="${action}" data-testid="mentor-form">
    ${version === undefined ? "" : html`<input type="hidden" name="version" value="${version}" />`}
    <div class="grid">
      ${version === undefined ? text("id", t(l, "portal.mentors.id")) : ""}
      ${text("name", fieldLabel("name", l))}
      ${text("email", fieldLabel("email", l), "email")}
      ${
        version === undefined
          ? html`<div><label for="state">${t(l, "portal.mentors.state")}</label><select id="state" name="state">${options(
              mentorStates
                .filter((s) => s === "applicant" || s === "active")
                .map((s) => ({ value: s, label: message(l, `mentorState.${s}`, {}) })),
              one(v, "state") || "active",
            )}</select></div>`
          : ""
      }
      <div><label for="background">${fieldLabel("background", l)}</label><select id="background" name="background">${options(
        backgrounds.map((b) => ({ value: b, label: message(l, `background.${b}`, {}) })),
        one(v, "background"),
      )}</select></div>
      ${text("firm", fieldLabel("firm", l))}
      ${text("maxCases", fieldLabel("capacity.maxCases", l), "number")}
      ${text("monthlyHours", fieldLabel("capacity.monthlyHours", l), "number")}
      ${text("ethicsStatementSignedOn", fieldLabel("ethicsStatementSignedOn", l), "date")}
    </div>
    <p>${box("leadQualified", fieldLabel("leadQualified", l))} ${box("intakeLead", t(l, "portal.mentors.intakeLead"))}</p>
    <fieldset><legend>${fieldLabel("sectors", l)}</legend>
      ${profile.sectors.map(
        (x) =>
          html`<label class="inline"><input type="checkbox" name="sectors" value="${x.id}" ${many(v, "sectors").includes(x.id) ? "checked" : ""} /> ${x.label[l]}</label>`,
      )}
    </fieldset>
    <fieldset><legend>${fieldLabel("expertise", l)}</legend><div class="grid">
      ${profile.topics.map(
        (x) =>
          html`<div><label for="level.${x.id}">${x.label[l]}</label><select id="level.${x.id}" name="level.${x.id}">${options(
            (["0", "1", "2", "3"] as const).map((n) => ({
              value: n,
              label: t(l, `portal.mentors.level.${n}`),
            })),
            one(v, `level.${x.id}`) || "0",
          )}</select></div>`,
      )}
    </div></fieldset>
    <fieldset><legend>${fieldLabel("interests", l)}</legend>
      ${Array.from({ length: interestRows + SPARE_INTERESTS }, (_, i) => i).map(
        (i) => html`<div class="grid">
          <div><label for="interest.${i}.kind">${fieldLabel(`interests.${i}.kind`, l)}</label><select id="interest.${i}.kind" name="interest.${i}.kind"><option value="">—</option>${options(
            interestKinds.map((k) => ({ value: k, label: message(l, `interestKind.${k}`, {}) })),
            one(v, `interest.${i}.kind`),
          )}</select></div>
          <div><label for="interest.${i}.org">${t(l, "portal.mentors.interestOrg")} (#${i + 1})</label><input id="interest.${i}.org" name="interest.${i}.org" value="${one(v, `interest.${i}.org`)}" /></div>
        </div>`,
      )}
    </fieldset>
    <button class="primary" type="submit">${t(l, "portal.mentors.save")}</button>
  </form>`;
}

/** A mentor's hours this month against what they offer, and their cases against their maximum. */
export const hoursLine = (l: Locale, hours: MentorHours | undefined): Html =>
  hours === undefined
    ? html``
    : html`<p>${t(l, "portal.mentors.myHours", {
        logged: formatNumber(l, hours.loggedThisMonth),
        offered: formatNumber(l, hours.offeredHours),
        cases: hours.cases,
        maxCases: hours.maxCases,
      })}</p>`;
