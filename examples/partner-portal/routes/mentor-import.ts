/**
 * Importing mentors from a CSV file in two steps: check (the library's import as a dry run: every
 * row ready, already there, or what is wrong with it) and then import exactly what was checked.
 * Nothing is written until the manager confirms, and a file with a bad row imports nothing.
 */
import { html } from "hono/html";
import {
  describeIssue,
  fieldLabel,
  type Locale,
  type MentorImport,
  registerMentors,
  type ValidationIssue,
} from "venture-mentoring";
import { MENTOR_CSV_HEADER, mentorRowsFromCsv } from "../../shared/mentor-csv.js";
import type { App, C, Kit } from "../kit.js";
import { type Html, t } from "../views.js";

/** The largest CSV the form takes (the portal's body limit is 64 kB; a file is read as text). */
const MAX_CSV = 60 * 1024;

export function mentorImportRoutes(app: App, kit: Kit): void {
  const { ctx, page, libraryError, guard } = kit;

  /** The CSV as typed; once checked without trouble, the button that imports it. */
  const form = (
    l: Locale,
    csv: string,
    ready?: number,
  ): Html => html`<form method="post" action="/mentors/import" enctype="multipart/form-data">
      <label for="csv">${t(l, "portal.import.paste")}:</label>
      <p><code>${MENTOR_CSV_HEADER}</code></p>
      <textarea id="csv" name="csv" rows="8">${csv}</textarea>
      <label for="file">${t(l, "portal.import.file")}</label>
      <input id="file" name="file" type="file" accept=".csv,text/csv" />
      <div><button type="submit" name="step" value="check" class="${ready === undefined ? "primary" : ""}">${t(l, "portal.import.preview")}</button>
      ${ready === undefined ? "" : html`<button class="primary" type="submit" name="step" value="import">${t(l, "portal.import.confirm", { count: ready })}</button>`}</div>
    </form>`;
  const frame = (c: C, body: Html, status: 200 | 422 = 200, extra = {}) =>
    page(
      c,
      t(c.var.locale, "portal.mentors.import"),
      html`<section><h1>${t(c.var.locale, "portal.mentors.import")}</h1>${body}</section>`,
      status,
      extra,
    );

  /** Row by row: the id and name as read, and what the import says about it. */
  const preview = (
    l: Locale,
    rows: readonly unknown[],
    result: MentorImport | readonly ValidationIssue[],
  ) => {
    const issuesOf = (row: number) =>
      Array.isArray(result)
        ? (result as readonly ValidationIssue[])
            .filter((i) => i.path === `${row}` || i.path.startsWith(`${row}.`))
            .map((i) => ({ ...i, path: i.path.split(".").slice(1).join(".") }))
        : [];
    const there = Array.isArray(result) ? [] : (result as MentorImport).alreadyThere.map(String);
    return html`<table data-testid="preview">
      <tr><th>${t(l, "portal.import.row")}</th><th>id</th><th>${fieldLabel("name", l)}</th><th></th></tr>
      ${rows.map((r, i) => {
        const { id, name } = r as { id?: unknown; name?: unknown };
        const issues = issuesOf(i);
        return html`<tr class="${issues.length > 0 ? "bad" : ""}">
          <td>${i + 2}</td><td>${String(id ?? "")}</td><td>${String(name ?? "")}</td>
          <td>${
            issues.length > 0
              ? html`<ul>${issues.map((x) => html`<li>${describeIssue(x, l)}</li>`)}</ul>`
              : there.includes(String(id))
                ? t(l, "portal.import.there")
                : t(l, "portal.import.ok")
          }</td></tr>`;
      })}
    </table>`;
  };

  app.get("/mentors/import", async (c) => {
    const g = await guard(c, "mentors.manage");
    if (g instanceof Response) return g;
    return frame(c, form(c.var.locale, ""));
  });
  app.post("/mentors/import", async (c) => {
    const g = await guard(c, "mentors.manage");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const body = await c.req.parseBody();
    const file = body.file;
    const typed = typeof body.csv === "string" ? body.csv : "";
    const csv = (file instanceof File && file.size > 0 ? await file.text() : typed).slice(0, MAX_CSV);
    const read = mentorRowsFromCsv(csv);
    if (!read.ok)
      return frame(c, form(l, csv), 422, { error: t(l, "portal.import.badCsv", { line: read.line }) });
    const confirm = body.step === "import";
    const done = await registerMentors(ctx, read.rows, g, { dryRun: !confirm });
    if (done.isErr()) {
      const e = done.error;
      if (e.type !== "ValidationFailed") return libraryError(c, e, form(l, csv));
      // Row issues: issue paths start with the row's index.
      const rows = new Set(e.issues.map((i) => i.path.split(".")[0]));
      return frame(c, html`${preview(l, read.rows, e.issues)}${form(l, csv)}`, 422, {
        error: t(l, "portal.import.rowErrors", { count: rows.size }),
      });
    }
    if (confirm)
      return c.redirect(
        `/mentors?imported=${done.value.imported.length}&there=${done.value.alreadyThere.length}`,
        303,
      );
    return frame(c, html`${preview(l, read.rows, done.value)}${form(l, csv, done.value.imported.length)}`);
  });
}
