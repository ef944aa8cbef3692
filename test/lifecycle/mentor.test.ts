import {
  ethicsStatementCurrent,
  type Mentor,
  type MentorEvent,
  type MentorEventType,
  type MentorId,
  type MentorState,
  mentorEventTypes,
  mentorStates,
  parseMentor,
  recordBenefit,
  transitionMentor,
  type VentureId,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";

const at = (s: string) => new Date(`${s}T00:00:00.000Z`);
const mentor = (state: MentorState): Mentor =>
  parseMentor({
    id: "m-1",
    name: "Paul Otter",
    state,
    expertise: [],
    sectors: [],
    background: "founder",
    leadQualified: true,
    intakeLead: true,
    capacity: { maxCases: 3, monthlyHours: 6 },
    pauses: [],
    interests: [],
    ethicsStatementSignedOn: "2026-02-01",
  })._unsafeUnwrap();

const sample: Record<MentorEventType, MentorEvent> = {
  approved: { type: "approved", on: at("2026-06-01") },
  paused: { type: "paused", on: at("2026-06-01") },
  resumed: { type: "resumed", on: at("2026-06-01") },
  retired: { type: "retired", on: at("2026-06-01") },
  ethicsStatementSigned: { type: "ethicsStatementSigned", on: at("2026-06-01") },
};
const next: Record<MentorState, Partial<Record<MentorEventType, MentorState>>> = {
  applicant: { approved: "active", ethicsStatementSigned: "applicant" },
  active: { paused: "paused", retired: "retired", ethicsStatementSigned: "active" },
  paused: { resumed: "active", retired: "retired", ethicsStatementSigned: "paused" },
  retired: {},
};

describe("mentor lifecycle", () => {
  it.each(mentorStates.flatMap((s) => mentorEventTypes.map((e) => [s, e] as const)))(
    "%s × %s",
    (state, event) => {
      const r = transitionMentor(mentor(state), sample[event]);
      const want = next[state][event];
      if (want === undefined)
        expect(r._unsafeUnwrapErr()).toEqual({
          type: "IllegalMentorTransition",
          mentorId: "m-1",
          state,
          event,
        });
      else expect(r._unsafeUnwrap().state).toBe(want);
    },
  );

  it("an ethics statement is current for 12 months, then the mentor is not matchable until signed again", () => {
    const m = mentor("active");
    expect(ethicsStatementCurrent(m, at("2027-01-31"), 12)).toBe(true);
    expect(ethicsStatementCurrent(m, at("2027-02-01"), 12)).toBe(false);
    const signed = transitionMentor(m, {
      type: "ethicsStatementSigned",
      on: at("2027-02-03"),
    })._unsafeUnwrap();
    expect(ethicsStatementCurrent(signed, at("2027-06-01"), 12)).toBe(true);
  });

  it("a pause is recorded and ended on resume", () => {
    const paused = transitionMentor(mentor("active"), {
      type: "paused",
      on: at("2026-07-01"),
    })._unsafeUnwrap();
    expect(paused.pauses).toEqual([{ from: at("2026-07-01") }]);
    const back = transitionMentor(paused, { type: "resumed", on: at("2026-09-01") })._unsafeUnwrap();
    expect(back.pauses).toEqual([{ from: at("2026-07-01"), until: at("2026-09-01") }]);
  });

  it("a gift, fee, compensation or equity from a venture is always a violation", () => {
    for (const kind of ["compensation", "gift", "fee", "equity"] as const) {
      expect(
        recordBenefit({
          mentorId: "m-1" as MentorId,
          ventureId: "v-1" as VentureId,
          kind,
          on: at("2026-08-01"),
        }),
      ).toEqual({
        type: "EthicsViolation",
        mentorId: "m-1",
        ventureId: "v-1",
        kind,
        on: at("2026-08-01"),
      });
    }
  });
});
