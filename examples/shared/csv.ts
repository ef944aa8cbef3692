/**
 * Lists as spreadsheets: CSV as the reader's spreadsheet opens it. Dutch spreadsheets expect `;`
 * between fields (the comma is the decimal sign there), English ones `,`; a byte-order mark makes
 * them read the accents right. A field that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, a tab or a return first) gets a leading `'`, so a venture named `=HYPERLINK(…)` stays a name.
 */
import { stringify } from "csv-stringify/sync";
import type { Locale } from "venture-mentoring";

const formula = /^[=+\-@\t\r]/;

/** One CSV text: a header row and the rows, each field a string or a number. */
export function toCsv(
  locale: Locale,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const safe = (v: string | number) => (typeof v === "string" && formula.test(v) ? `'${v}` : v);
  return `\uFEFF${stringify([header.map(safe), ...rows.map((r) => r.map(safe))], {
    delimiter: locale === "nl" ? ";" : ",",
    record_delimiter: "windows",
    cast: { number: (n) => String(n) },
  })}`;
}

/** The file name a download gets: letters, digits, dots and dashes only. */
export const csvName = (base: string): string => `${base.replace(/[^A-Za-z0-9.-]+/g, "-")}.csv`;
