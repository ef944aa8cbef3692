import {
  type CaseEvent,
  type CaseId,
  type IntakeId,
  type MentorId,
  type MentoringCase,
  openCase,
  parseSession,
  type Session,
  transition,
  type VentureId,
} from "venture-mentoring";

export const d = (s: string) => new Date(`${s}T12:00:00.000Z`);
export const m = (id: string) => id as MentorId;

export function newCase(id = "case-1", on = "2026-01-05"): MentoringCase {
  return openCase({
    id: id as CaseId,
    ventureId: "v-1" as VentureId,
    intakeId: `in-${id}` as IntakeId,
    teamSize: 3,
    on: d(on),
  });
}

export const team = [
  { mentorId: m("anke"), role: "lead" as const },
  { mentorId: m("douwe"), role: "member" as const },
  { mentorId: m("froukje"), role: "member" as const },
];

export function apply(c: MentoringCase, ...events: CaseEvent[]): MentoringCase {
  return events.reduce((acc, e) => transition(acc, e)._unsafeUnwrap(), c);
}

export function activeCase(id = "case-1", on = "2026-01-12"): MentoringCase {
  return apply(newCase(id), { type: "teamConfirmed", on: d(on), team });
}

let n = 0;
export function session(
  caseId: string | undefined,
  on: string,
  minutes: number,
  mentors: string[] = ["anke"],
  author = mentors[0],
): Session {
  n++;
  return parseSession({
    id: `s-${n}`,
    kind: caseId === undefined ? "oneOff" : "case",
    ...(caseId === undefined ? {} : { caseId }),
    on: `${on}T10:00:00.000Z`,
    minutes,
    mode: "video",
    mentors,
    menteePresent: true,
    noteAuthor: author,
    preparationMinutes: 30,
    travelMinutes: 40,
  })._unsafeUnwrap();
}
