/**
 * Calendars (`.ics`, through the `ics` package) to take away: the programme's planned mentors'
 * meetings, for everyone in it, and a case's sessions, for its team. They carry ids and venture
 * names, never a mentee's.
 */
import { createEvents, type EventAttributes } from "ics";
import { message } from "venture-mentoring";
import { csvName } from "../../shared/csv.js";
import type { App, C, Kit } from "../kit.js";
import { t } from "../views.js";

type Day = [number, number, number];
const dayOf = (d: Date): Day => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
const nextDay = (d: Date): Day => dayOf(new Date(d.getTime() + 86_400_000));

export function calendarRoutes(app: App, kit: Kit): void {
  const { download, profile, store, libraryError, guard, caseLabels, loadCase } = kit;
  const calendar = (c: C, events: EventAttributes[], name: string) => {
    const made = createEvents(events, { productId: "venture-mentoring/partner-portal" });
    const text = made.value;
    if (made.error || typeof text !== "string") throw made.error ?? new Error("no calendar");
    return download(c, text, "text/calendar", `${name}.ics`);
  };

  // The mentors' meetings planned so far (one a month; each round is planned for its meeting).
  app.get("/calendar/meetings.ics", async (c) => {
    const g = await guard(c, "meetings.calendar");
    if (g instanceof Response) return g;
    const rounds = await store.list("rounds");
    if (rounds.isErr()) return libraryError(c, rounds.error);
    const title = t(c.var.locale, "portal.calendar.meeting", { programme: profile.name });
    return calendar(
      c,
      rounds.value.flatMap(({ value: r }) =>
        r.meetingOn === undefined
          ? []
          : [
              {
                uid: `${r.id}@venture-mentoring`,
                title,
                start: dayOf(r.meetingOn),
                end: nextDay(r.meetingOn),
              },
            ],
      ),
      "meetings",
    );
  });

  // A case's sessions, for its team's calendars: when, how long, how.
  app.get("/cases/:id/sessions.ics", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.view", found.value);
    if (g instanceof Response) return g;
    const kase = found.value;
    if (kase === undefined) return kit.notFound(c);
    const l = c.var.locale;
    const sessions = await store.find("sessions", "case", kase.id);
    if (sessions.isErr()) return libraryError(c, sessions.error);
    const venture = (await caseLabels([kase.id])).get(kase.id) ?? kase.id;
    return calendar(
      c,
      sessions.value.map(({ value: s }) => ({
        uid: `${s.id}@venture-mentoring`,
        title: t(l, "portal.calendar.session", { venture, mode: message(l, `mode.${s.mode}`, {}) }),
        start: s.on.getTime(),
        startInputType: "utc" as const,
        startOutputType: "utc" as const,
        duration: { minutes: s.minutes },
      })),
      csvName(`sessions-${kase.id}`).replace(/\.csv$/, ""),
    );
  });
}
