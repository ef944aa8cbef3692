import type { z } from "zod";
import type { ProgrammeProfile } from "../profile.js";
import { programmeProfileSchema } from "../profile.js";
import { defaultSectors, defaultTopics } from "./vocabulary.js";

/**
 * A generic MIT Venture Mentoring Service profile: teams of three to four mentors, monthly meetings,
 * any region, no partner programmes until you add yours. Messages in English.
 */
const raw = {
  id: "vms",
  name: "Venture Mentoring Service",
  locale: "en",
  team: { minSize: 3, maxSize: 4 },
  meeting: { cadence: "monthly", newCasesPerMeeting: 10 },
  hours: { normPerCaseMonth: 2, rollingWindowMonths: 3, tolerance: 0.34 },
  inactivityAlertDays: 90,
  ethicsStatementValidityMonths: 12,
  waitingList: false,
  regions: [],
  topics: defaultTopics,
  sectors: defaultSectors,
  partners: [],
  triage: {
    rules: [
      {
        id: "idea-stage",
        when: {
          all: [
            { fact: "stage", in: ["idea"] },
            { fact: "innovative", is: false },
          ],
        },
        outcome: { kind: "notReady", advice: "validateIdea" },
        reason: "ideaStage",
      },
      {
        id: "venture-question",
        when: { fact: "stage", in: ["idea", "startup", "scaleup", "established"] },
        outcome: { kind: "accept" },
        reason: "fitsProgramme",
      },
    ],
    fallback: { kind: "oneOff" },
  },
} satisfies z.input<typeof programmeProfileSchema>;

/** The generic VMS profile (validated; a test proves it parses). */
export const vms: ProgrammeProfile = /* @__PURE__ */ programmeProfileSchema.parse(raw);
