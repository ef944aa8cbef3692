/** Months as the command line and the portal take them: `YYYY-MM`. */
import { addMonths, monthKey } from "venture-mentoring";

const pattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Whether `text` is a month, `YYYY-MM`. */
export const isMonth = (text: string): boolean => pattern.test(text);

/** The moment a month's report is taken: now for this month (or none given), else its last millisecond. */
export function reportAsOf(month: string | undefined, now: Date): Date {
  if (month === undefined || month === monthKey(now)) return now;
  return new Date(addMonths(new Date(`${month}-01T00:00:00.000Z`), 1).getTime() - 1);
}
