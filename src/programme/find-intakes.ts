import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { z } from "zod";
import type { ValidationFailed } from "../errors.js";
import { idSchema } from "../model/common.js";
import type { IntakeRequest } from "../model/intake.js";
import { parseWith } from "../model/parse.js";
import type { TriageDecision } from "../model/triage.js";
import type { StoreReader, StoreUnavailable } from "../store/contract.js";

/** Outcomes a search can ask for: a decision's kind, or no decision yet. */
export const intakeOutcomeFilters = ["accept", "refer", "oneOff", "notReady", "undecided"] as const;
export type IntakeOutcomeFilter = (typeof intakeOutcomeFilters)[number];

/** The largest page `findIntakes` returns. */
export const MAX_INTAKE_PAGE = 100;

/**
 * What to look for among the intakes; every part optional. `text` is matched without regard to
 * case or accents against the venture's name and registration number, the mentee's name and
 * e-mail, and the intake's id; `month` is the month the intake came in (`YYYY-MM`); `partnerId` a
 * partner programme it was referred to.
 */
export const intakeQuerySchema = z.object({
  text: z.string().trim().max(200).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  outcome: z.enum(intakeOutcomeFilters).optional(),
  partnerId: idSchema<"PartnerId">().optional(),
  /** How many of the matches to skip (newest first). Default 0. */
  offset: z.int().min(0).max(1_000_000).default(0),
  /** At most this many. Default 25, at most `MAX_INTAKE_PAGE`. */
  limit: z.int().min(1).max(MAX_INTAKE_PAGE).default(25),
});
export type IntakeQuery = z.input<typeof intakeQuerySchema>;

/** One intake as a list shows it: the request and its decision, if any. */
export interface IntakeListItem {
  readonly intake: IntakeRequest;
  readonly decision?: TriageDecision;
}

/** A page of the intakes that match, newest first, and how many match in all. */
export interface IntakeList {
  readonly items: readonly IntakeListItem[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

/** Lower case, accents off: "Snëek" finds "sneek", "BAKKER" finds "Bakker". */
const folded = (s: string): string => s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");

/**
 * The intakes that match a search, newest first, one page at a time: the programme manager's
 * intake list. Month, outcome and partner are read through the store's indexes; the text is
 * matched in memory over what they leave. An invalid query is a `ValidationFailed` naming the part.
 *
 * @example
 * const found = await findIntakes(store, { outcome: "refer", partnerId: "ynbusiness", limit: 10 });
 * if (found.isOk()) console.log(found.value.total, found.value.items.map((x) => x.intake.id));
 */
export function findIntakes(
  store: StoreReader,
  query: IntakeQuery,
): ResultAsync<IntakeList, ValidationFailed | StoreUnavailable> {
  const parsed = parseWith(intakeQuerySchema, "IntakeQuery", query);
  if (parsed.isErr()) return errAsync(parsed.error);
  const q = parsed.value;
  const intakes = q.month === undefined ? store.list("intakes") : store.find("intakes", "month", [q.month]);
  const decisions =
    q.outcome === undefined || q.outcome === "undecided"
      ? store.list("decisions")
      : store.find("decisions", "outcome", [q.outcome]);
  const referred =
    q.partnerId === undefined
      ? okAsync(undefined)
      : store
          .find("referrals", "partner", [q.partnerId])
          .map((rs) => new Set(rs.map((r) => r.value.intakeId as string)));
  return intakes.andThen((is) =>
    decisions.andThen((ds) =>
      referred.map((partnerIntakes): IntakeList => {
        const decided = new Map(ds.map((d) => [d.value.intakeId as string, d.value]));
        const text = q.text === undefined || q.text === "" ? undefined : folded(q.text);
        const matches = is
          .map((i) => i.value)
          .filter((i) => {
            const d = decided.get(i.id);
            if (q.outcome === "undecided" ? d !== undefined : q.outcome !== undefined && d === undefined)
              return false;
            if (partnerIntakes !== undefined && !partnerIntakes.has(i.id)) return false;
            if (text === undefined) return true;
            return [i.id, i.venture.name, i.venture.registrationNumber ?? "", i.mentee.name, i.mentee.email]
              .map(folded)
              .some((field) => field.includes(text));
          })
          .sort(
            (a, b) =>
              b.submittedAt.getTime() - a.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          );
        return {
          items: matches.slice(q.offset, q.offset + q.limit).map((intake) => {
            const decision = decided.get(intake.id);
            return decision === undefined ? { intake } : { intake, decision };
          }),
          total: matches.length,
          offset: q.offset,
          limit: q.limit,
        };
      }),
    ),
  );
}
