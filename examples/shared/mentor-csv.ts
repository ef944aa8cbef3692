/**
 * The mentor CSV the command line imports and the portal previews: one row per mentor, a header
 * `id,name,email,expertise,sectors,background,firm,leadQualified,intakeLead,maxCases,monthlyHours,
 * interests,ethicsStatementSignedOn`; lists separated by `;`, expertise as `topic:level`, interests
 * as `kind:organisation`. Rows come out as the library's mentor input: `registerMentors` checks them.
 */
import { parse as parseCsv } from "csv-parse/sync";
import type { CsvTrouble } from "./messages.js";

/** The header row, naming every column the file may have. */
export const MENTOR_CSV_HEADER =
  "id,name,email,expertise,sectors,background,firm,leadQualified,intakeLead,maxCases,monthlyHours,interests,ethicsStatementSignedOn";

export type MentorCsv =
  | { readonly ok: true; readonly rows: readonly unknown[] }
  | { readonly ok: false; readonly line: number; readonly why: CsvTrouble };

/** Read a mentor CSV (a byte-order mark first is fine); a broken file says the line and what is wrong. */
export function mentorRowsFromCsv(text: string): MentorCsv {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    const { code, lines } = e as { code?: string; lines?: number };
    const why: CsvTrouble =
      code === "CSV_QUOTE_NOT_CLOSED" || code === "CSV_INVALID_CLOSING_QUOTE"
        ? "quote"
        : code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || code === "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH"
          ? "fields"
          : "other";
    return { ok: false, line: lines ?? 0, why };
  }
  const list = (s: string | undefined) =>
    (s ?? "")
      .split(";")
      .map((x) => x.trim())
      .filter((x) => x !== "");
  const bool = (s: string | undefined) => (s === undefined ? undefined : /^(true|yes|ja|1)$/i.test(s));
  const num = (s: string | undefined) => (s === undefined || s === "" ? undefined : Number(s));
  return {
    ok: true,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      ...(r.email ? { email: r.email } : {}),
      state: r.state || "active",
      expertise: list(r.expertise).map((e) => {
        const [topic, level] = e.split(":");
        return { topic, level: num(level) };
      }),
      sectors: list(r.sectors),
      background: r.background,
      ...(r.firm ? { firm: r.firm } : {}),
      leadQualified: bool(r.leadQualified),
      intakeLead: bool(r.intakeLead) ?? false,
      capacity: { maxCases: num(r.maxCases), monthlyHours: num(r.monthlyHours) },
      pauses: [],
      interests: list(r.interests).map((i) => {
        const [kind, organisation] = i.split(":");
        return { kind, organisation };
      }),
      ...(r.ethicsStatementSignedOn ? { ethicsStatementSignedOn: r.ethicsStatementSignedOn } : {}),
    })),
  };
}
