import { z } from "zod";
import type { Brand } from "./brand.js";

/**
 * Deliberate limits on everything that crosses the boundary. Ids are short, lower-case and
 * URL-safe so they can travel in paths and logs without escaping; free text is bounded so one
 * intake cannot fill a database.
 */
export const limits = {
  idLength: 64,
  nameLength: 200,
  shortText: 500,
  longText: 5_000,
  listLength: 50,
  earliestDate: new Date("1900-01-01T00:00:00.000Z"),
  latestDate: new Date("2200-01-01T00:00:00.000Z"),
} as const;

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
/** Control characters other than tab, newline and carriage return are never meaningful in text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of this pattern is to find them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A branded identifier: 1–64 characters, lower-case letters, digits, `-` and `_`, starting alphanumeric. */
export const idSchema = <B extends string>() =>
  z
    .string()
    .min(1)
    .max(limits.idLength)
    .regex(ID_PATTERN, { message: "use lower-case letters, digits, '-' and '_'" })
    .transform((s) => s as Brand<string, B>);

/**
 * Half of a UTF-16 surrogate pair, alone: not Unicode text. PostgreSQL cannot store it, JSON writes
 * it as a six-character escape (so a value within its length limit could outgrow a store's), and
 * no reader can show it. Refused at the boundary, alike on every store.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `s` is well-formed Unicode (no lone surrogate). */
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

const WELL_FORMED = {
  message: "is not well-formed Unicode (a lone surrogate)",
  params: { rule: "notWellFormed" },
} as const;

/**
 * A string of `min`–`max` characters of well-formed Unicode without control characters (PostgreSQL
 * cannot store NUL either): every string that crosses the boundary.
 */
export const boundedString = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine(isWellFormed, WELL_FORMED)
    .refine((s) => !CONTROL.test(s), {
      message: "contains control characters",
      params: { rule: "controlCharacters" },
    });

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isWellFormed, WELL_FORMED)
    .refine((s) => !CONTROL.test(s), {
      message: "contains control characters",
      params: { rule: "controlCharacters" },
    })
    .refine((s) => s.trim().length > 0, { message: "must not be blank", params: { rule: "blank" } });

/** A name: 1–200 characters, no control characters, not blank. */
export const nameSchema = text(limits.nameLength);
/** A short free text (a reason, an advice line): up to 500 characters. */
export const shortTextSchema = text(limits.shortText);
/** A long free text (the question itself): up to 5 000 characters. */
export const longTextSchema = text(limits.longText);

/** A date between 1900 and 2200, given as a `Date` or an ISO 8601 string (`2026-11-26` or a date-time). */
export const dateSchema = z
  .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((v) => (v instanceof Date ? new Date(v.getTime()) : new Date(v)))
  .refine((d) => !Number.isNaN(d.getTime()), { message: "is not a valid date" })
  .refine((d) => d >= limits.earliestDate && d < limits.latestDate, {
    message: "must lie between 1900 and 2200",
    params: { rule: "dateRange" },
  });

export const emailSchema = z.email().max(254);

/** A bounded list: at most 50 entries unless said otherwise. */
export const listOf = <T extends z.ZodType>(item: T, max: number = limits.listLength) =>
  z.array(item).max(max);
