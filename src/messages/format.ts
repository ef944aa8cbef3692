import type { Locale } from "../model/profile.js";

/**
 * Numbers, counts, lists and dates in the reader's notation, through `Intl` (Node's full ICU):
 * "1,5" and "A, B en C" in Dutch, "1.5" and "A, B and C" in English. The catalogue's texts and the
 * renderers use these; nothing else formats a number or joins a list for people.
 */
const tags: { readonly [L in Locale]: string } = { en: "en-GB", nl: "nl-NL" };

const cache = <T>(make: (l: Locale) => T) => {
  const made = new Map<Locale, T>();
  return (l: Locale): T => {
    const found = made.get(l);
    if (found !== undefined) return found;
    const fresh = make(l);
    made.set(l, fresh);
    return fresh;
  };
};

const oneDecimal = cache(
  (l) => new Intl.NumberFormat(tags[l], { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
);
const whole = cache((l) => new Intl.NumberFormat(tags[l], { maximumFractionDigits: 2 }));
const plurals = cache((l) => new Intl.PluralRules(tags[l]));
const lists = cache((l) => new Intl.ListFormat(tags[l], { style: "long", type: "conjunction" }));
const dates = cache((l) => new Intl.DateTimeFormat(tags[l], { dateStyle: "long", timeZone: "UTC" }));

/**
 * A number with one decimal in the reader's notation, for hours and scores.
 *
 * @example
 * formatHours("nl", 1.5); // "1,5"
 */
export function formatHours(locale: Locale, x: number): string {
  return oneDecimal(locale).format(x);
}

/**
 * A number as people write it (at most two decimals, the reader's separators).
 *
 * @example
 * formatNumber("nl", 1234.5); // "1.234,5"
 */
export function formatNumber(locale: Locale, x: number): string {
  return whole(locale).format(x);
}

/**
 * A count with its noun in the right number, chosen by the locale's plural rules.
 *
 * @example
 * formatCount("nl", 1, "plaats", "plaatsen"); // "1 plaats"
 */
export function formatCount(locale: Locale, n: number, one: string, other: string): string {
  return `${formatNumber(locale, n)} ${plurals(locale).select(n) === "one" ? one : other}`;
}

/**
 * Items joined as a sentence joins them: "A, B en C" in Dutch, "A, B and C" in English.
 *
 * @example
 * formatList("nl", ["Financiering", "Export", "Marketing"]); // "Financiering, Export en Marketing"
 */
export function formatList(locale: Locale, items: readonly string[]): string {
  return lists(locale).format(items);
}

/**
 * A calendar date in words (in UTC, as the programme records dates).
 *
 * @example
 * formatDate("nl", new Date("2026-12-07T19:00:00Z")); // "7 december 2026"
 */
export function formatDate(locale: Locale, date: Date): string {
  return dates(locale).format(date);
}

const percent = cache(
  (l) =>
    new Intl.NumberFormat(tags[l], { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }),
);

/**
 * A fraction as a percentage with two decimals.
 *
 * @example
 * formatPercent("nl", 0.0057); // "0,57%"
 */
export function formatPercent(locale: Locale, fraction: number): string {
  return percent(locale).format(fraction);
}

/** The formatters for one locale, as the catalogue's texts use them. */
export function formattersFor(locale: Locale) {
  return {
    n: (x: number) => formatNumber(locale, x),
    h: (x: number) => formatHours(locale, x),
    percent: (x: number) => formatPercent(locale, x),
    count: (x: number, one: string, other: string) => formatCount(locale, x, one, other),
    list: (items: readonly string[]) => formatList(locale, items),
  };
}

const months = cache(
  (l) => new Intl.DateTimeFormat(tags[l], { month: "long", year: "numeric", timeZone: "UTC" }),
);

/**
 * A month ("2026-11") in words.
 *
 * @example
 * formatMonth("nl", "2026-11"); // "november 2026"
 */
export function formatMonth(locale: Locale, month: string): string {
  const at = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? month : months(locale).format(at);
}
