/** Add whole months in UTC (31 January + 1 month = 3 March in a non-leap year: the JavaScript rule). */
export function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / DAY_MS);
}

/** A calendar month, `2026-12`. */
export type MonthKey = `${number}-${string}`;

export function monthKey(d: Date): MonthKey {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}` as MonthKey;
}

/** First instant of the month of `d` (UTC). */
export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** Months from the month of `a` to the month of `b`, counting both: Jan → Mar = 3. */
export function monthsSpanned(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
}
