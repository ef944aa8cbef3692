import type { z } from "zod";
import type { ProgrammeProfile } from "../profile.js";
import { programmeProfileSchema } from "../profile.js";
import { defaultSectors, defaultTopics } from "./vocabulary.js";

/**
 * The Entrepreneur Mentoring Service in Friesland (NL): teams of exactly three mentors, up to three
 * new cases per monthly meeting, 1.5 h of sparring per case per month on average, no end date and
 * no waiting list; questions that fit a partner better go to Ynbusiness, Founded in Friesland or
 * Oranjewoud Export Academy. Messages in Dutch.
 */
const raw = {
  id: "ems-friesland",
  name: "Entrepreneur Mentoring Service Friesland",
  locale: "nl",
  team: { minSize: 3, maxSize: 3 },
  meeting: { cadence: "monthly", newCasesPerMeeting: 3 },
  hours: { normPerCaseMonth: 1.5, rollingWindowMonths: 3, tolerance: 0.34 },
  inactivityAlertDays: 60,
  ethicsStatementValidityMonths: 12,
  waitingList: false,
  regions: ["friesland"],
  topics: defaultTopics,
  sectors: defaultSectors,
  partners: [
    {
      id: "ynbusiness",
      name: "Ynbusiness",
      description: {
        en: "Fryslân's entrepreneurs' desk: first-line help with financing, subsidies, regulation and hard times.",
        nl: "Het Friese ondernemersloket: eerstelijnshulp bij financiering, subsidies, regelgeving en zwaar weer.",
      },
      url: "https://www.ynbusiness.nl",
      paid: false,
      focus: {
        topics: [
          { topic: "financing", weight: 3 },
          { topic: "subsidies", weight: 3 },
          { topic: "crisis", weight: 3 },
          { topic: "regulation", weight: 3 },
          { topic: "legal", weight: 2 },
          { topic: "export", weight: 1 },
          { topic: "succession", weight: 1 },
        ],
        stages: [],
        sectors: [],
        innovative: false,
        crisis: true,
      },
    },
    {
      id: "founded-in-friesland",
      name: "Founded in Friesland",
      description: {
        en: "The platform of the Frisian start-up ecosystem: innovative start-ups, investor readiness, founders' network.",
        nl: "Het platform van het Friese start-up-ecosysteem: innovatieve start-ups, investeerdersgereedheid, netwerk.",
      },
      paid: false,
      focus: {
        topics: [
          { topic: "investor-readiness", weight: 3 },
          { topic: "innovation", weight: 2 },
          { topic: "financing", weight: 2 },
          { topic: "product", weight: 1 },
          { topic: "growth", weight: 1 },
        ],
        stages: ["idea", "startup", "scaleup"],
        sectors: [],
        innovative: true,
        crisis: false,
      },
    },
    {
      id: "kvk",
      name: "KVK",
      description: {
        en: "The Netherlands Chamber of Commerce's advice line: points entrepreneurs outside Fryslân to their own region's programmes.",
        nl: "Het adviesteam van de Kamer van Koophandel: wijst ondernemers buiten Fryslân de weg naar de programma's van hun regio.",
      },
      url: "https://www.kvk.nl",
      paid: false,
      focus: {
        topics: [],
        stages: [],
        sectors: [],
        innovative: false,
        crisis: false,
      },
    },
    {
      id: "oranjewoud-export-academy",
      name: "Oranjewoud Export Academy",
      description: {
        en: "Paid export programmes led by experienced exporters ('captains'): memberships, training and events.",
        nl: "Betaalde exportprogramma's onder leiding van ervaren exporteurs ('captains'): lidmaatschap, opleiding, events.",
      },
      url: "https://www.oranjewoudacademy.com",
      paid: true,
      focus: {
        topics: [
          { topic: "export", weight: 3 },
          { topic: "sales", weight: 1 },
        ],
        stages: ["startup", "scaleup", "established"],
        sectors: [],
        innovative: false,
        crisis: false,
      },
    },
  ],
  triage: {
    rules: [
      {
        // Outside Fryslân: the national chamber of commerce's desk knows the programme of the region.
        id: "outside-region",
        when: { not: { fact: "region", in: ["friesland"] } },
        outcome: { kind: "refer", partnerId: "kvk" },
        reason: "outsideRegion",
      },
      {
        // Labour, not sparring: mentors help decide, they do not write the plan.
        id: "work-wanted",
        when: { fact: "seeks", in: ["workDone"] },
        outcome: { kind: "notReady", advice: "hireForTheWork" },
        reason: "workNotSparring",
      },
      {
        id: "acute-crisis",
        when: { fact: "urgency", in: ["acute"] },
        outcome: { kind: "refer", partnerId: "ynbusiness" },
        reason: "acuteCrisis",
      },
      {
        // A company in crisis goes to the desk that can act now, whatever urgency the form says.
        id: "crisis-question",
        when: { fact: "topics", anyOf: ["crisis"], minShare: 0.5 },
        outcome: { kind: "refer", partnerId: "ynbusiness" },
        reason: "crisisQuestion",
      },
      {
        id: "innovative-startup",
        when: {
          all: [
            { fact: "innovative", is: true },
            { fact: "stage", in: ["idea", "startup"] },
            { fact: "topics", anyOf: ["investor-readiness", "financing", "innovation"], minShare: 0.5 },
          ],
        },
        outcome: { kind: "refer", partnerId: "founded-in-friesland" },
        reason: "innovativeStartup",
      },
      {
        id: "idea-stage",
        when: { fact: "stage", in: ["idea"] },
        outcome: { kind: "notReady", advice: "validateIdea" },
        reason: "ideaStage",
      },
      {
        id: "first-line-question",
        when: { fact: "topics", anyOf: ["financing", "subsidies", "regulation", "legal"], minShare: 0.6 },
        outcome: { kind: "refer", partnerId: "ynbusiness" },
        reason: "firstLineQuestion",
      },
      {
        id: "export-question",
        when: { fact: "topics", anyOf: ["export"], minShare: 0.5 },
        outcome: { kind: "refer", partnerId: "oranjewoud-export-academy" },
        reason: "exportQuestion",
      },
      {
        id: "returning-venture",
        when: { fact: "returning", is: true },
        outcome: { kind: "accept" },
        reason: "returningVenture",
      },
      {
        id: "strategic-question",
        when: { fact: "stage", in: ["startup", "scaleup", "established"] },
        outcome: { kind: "accept" },
        reason: "fitsProgramme",
      },
    ],
    fallback: { kind: "oneOff" },
  },
} satisfies z.input<typeof programmeProfileSchema>;

/** The EMS Friesland profile (validated; a test proves it parses). */
export const friesland: ProgrammeProfile = /* @__PURE__ */ programmeProfileSchema.parse(raw);
