/**
 * Every text the library says to people, in English and Dutch. Texts are rendered when read, from
 * codes, ids and numbers, in the reader's language; counts, lists and numbers go through `Intl`
 * (`./format.ts`). The examples' own texts (CLI, portal) live in `examples/shared/messages.ts` and
 * follow the same glossary.
 *
 * Glossary — one Dutch word per concept, written as a person would:
 *
 * | English                      | Nederlands                                   |
 * | ---------------------------- | -------------------------------------------- |
 * | case                         | casus (meervoud: casussen)                   |
 * | mentee, entrepreneur         | ondernemer                                   |
 * | venture                      | onderneming                                  |
 * | mentors' meeting             | mentorenoverleg (kort: het overleg)          |
 * | matching round               | koppelronde                                  |
 * | matching engine              | koppelalgoritme                              |
 * | proposal, proposed team      | voorstel, voorgesteld team                   |
 * | team, member                 | team, teamlid                                |
 * | lead mentor (of a team)      | teamleider                                   |
 * | programme manager            | programmamanager                             |
 * | intake, triage               | intake, triage                               |
 * | referral, partner programme  | doorverwijzing, partnerprogramma             |
 * | one-off conversation         | eenmalig gesprek                             |
 * | session                      | sessie                                       |
 * | hour budget, norm            | urenbudget, norm                             |
 * | hours (unit)                 | uur (in grafieken: u)                        |
 * | conflict of interest         | belangenconflict                             |
 * | ethics statement             | ethische verklaring                          |
 * | pin, exclude                 | vastzetten, uitsluiten                       |
 * | consent: yes / no            | ja / nee (antwoord op een voorstel)          |
 * | quota                        | quotum                                       |
 * | due (a decision is due)      | er moet een besluit komen                    |
 */
import type { Locale } from "../model/profile.js";
import { formattersFor } from "./format.js";

/**
 * Parameters of every message. The catalogue below must give a text for every key in every
 * locale: the compiler enforces it (each locale is a `Catalogue`), and a test checks it again.
 */
export interface MessageParams {
  // Triage reasons from configured rules.
  fitsProgramme: Record<string, never>;
  ideaStage: Record<string, never>;
  acuteCrisis: Record<string, never>;
  crisisQuestion: Record<string, never>;
  workNotSparring: Record<string, never>;
  firstLineQuestion: Record<string, never>;
  exportQuestion: Record<string, never>;
  innovativeStartup: Record<string, never>;
  outsideRegion: { region: string };
  returningVenture: Record<string, never>;
  tooSmallQuestion: Record<string, never>;
  // Triage reasons the library adds itself.
  quotaFull: { placesLeft: number };
  noTeamForTopics: { topics: readonly string[] };
  noRuleMatched: Record<string, never>;
  routedToPartner: { partner: string; topics: readonly string[] };
  oneOffInstead: Record<string, never>;
  managerOverride: { reason: string };
  // Advice for an entrepreneur who is not ready yet.
  "advice.validateIdea": Record<string, never>;
  "advice.hireForTheWork": Record<string, never>;
  "advice.findFirstCustomers": Record<string, never>;
  "advice.writeBusinessPlan": Record<string, never>;
  "advice.formTeam": Record<string, never>;
  "advice.seekFirstLineHelp": Record<string, never>;
  // Domain vocabulary: states, session modes, stages, ambitions, urgencies, outcome kinds.
  "state.awaitingMeeting": Record<string, never>;
  "state.active": Record<string, never>;
  "state.paused": Record<string, never>;
  "state.closed": Record<string, never>;
  "mode.inPerson": Record<string, never>;
  "mode.video": Record<string, never>;
  "mode.phone": Record<string, never>;
  "stage.idea": Record<string, never>;
  "stage.startup": Record<string, never>;
  "stage.scaleup": Record<string, never>;
  "stage.established": Record<string, never>;
  "exportAmbition.none": Record<string, never>;
  "exportAmbition.exploring": Record<string, never>;
  "exportAmbition.active": Record<string, never>;
  "urgency.routine": Record<string, never>;
  "urgency.soon": Record<string, never>;
  "urgency.acute": Record<string, never>;
  "outcomeKind.accept": Record<string, never>;
  "outcomeKind.refer": Record<string, never>;
  "outcomeKind.oneOff": Record<string, never>;
  "outcomeKind.notReady": Record<string, never>;
  // Outcomes.
  "outcome.accept": Record<string, never>;
  "outcome.refer": { partner: string };
  "outcome.oneOff": Record<string, never>;
  "outcome.notReady": { advice: string };
  // Errors, keyed by their `type`.
  "error.ValidationFailed": { subject: string; fields: string };
  "error.UnknownPartner": { partnerId: string };
  "error.QuotaFull": { placesLeft: number };
  "error.NoTeamPossible": { topics: readonly string[] };
  "error.NotAReferral": { outcome: string };
  // Matching: diagnosis when a round cannot staff every case.
  "diagnosis.capacityShort": { have: number; need: number };
  "diagnosis.leadCapacityShort": { have: number; need: number };
  "diagnosis.tooFewMentors": { case: string; have: number; need: number };
  "diagnosis.noLeadCandidate": { case: string };
  "diagnosis.topicShort": { case: string; topic: string; mentors: number };
  "diagnosis.capacityTakenByOtherCases": { case: string };
  "diagnosis.overQuota": { case: string; quota: number };
  "diagnosis.pinNotHonoured": { case: string; mentor: string; reason: string };
  // Matching: why a team looks the way it does.
  "explain.covers": { mentor: string; topics: readonly string[] };
  "explain.coversNothing": { mentor: string };
  "explain.pinned": { mentor: string };
  "explain.leadBest": { mentor: string };
  "explain.leadOnly": { mentor: string };
  "explain.uncovered": { topics: readonly string[] };
  "explain.notChosen": { mentor: string; reason: string };
  // Why a mentor was not on a team.
  "exclusion.inactive": Record<string, never>;
  "exclusion.paused": Record<string, never>;
  "exclusion.ethicsExpired": Record<string, never>;
  "exclusion.atCapacity": Record<string, never>;
  "exclusion.conflictOfInterest": Record<string, never>;
  "exclusion.declined": Record<string, never>;
  "exclusion.excludedByManager": Record<string, never>;
  "exclusion.usedByOtherCases": Record<string, never>;
  "exclusion.teamRule": Record<string, never>;
  "exclusion.lowerTeamValue": Record<string, never>;
  "exclusion.caseUnstaffed": Record<string, never>;
  "error.SolverDefect": { rules: readonly string[] };
  "error.CaseNotInRound": { case: string };
  "error.IllegalTransition": { case: string; state: string; event: string };
  "error.TeamChangeRefused": { case: string; mentor: string; reason: string };
  "error.IllegalMentorTransition": { mentor: string; state: string; event: string };
  "error.IllegalMentorTransition.seated": { mentor: string; cases: string };
  "error.SessionRefused": { session: string; reason: string; mentor: string };
  "error.NotFound": { collection: string; id: string };
  "collection.mentors": Record<string, never>;
  "collection.cases": Record<string, never>;
  "collection.sessions": Record<string, never>;
  "collection.intakes": Record<string, never>;
  "collection.decisions": Record<string, never>;
  "collection.referrals": Record<string, never>;
  "collection.requests": Record<string, never>;
  "collection.rounds": Record<string, never>;
  "collection.settings": Record<string, never>;
  "collection.conflicts": Record<string, never>;
  "collection.consents": Record<string, never>;
  "collection.notifications": Record<string, never>;
  "notification.proposalToAnswer.subject": { case: string };
  "notification.proposalToAnswer.text": { mentor: string; case: string };
  "notification.caseQuiet.subject": { case: string };
  "notification.caseQuiet.text": { mentor: string; case: string; on: string };
  "notification.ethicsExpiring.subject": { on: string };
  "notification.ethicsExpiring.text": { mentor: string; on: string };

  "error.IdempotencyConflict": { key: string };
  "error.TeamRefused": { case: string; mentor: string; reason: string };
  "error.ConsentRefused.notProposed": { case: string; mentor: string };
  "error.ConsentRefused.noTeamWanted": { case: string; mentor: string };
  "error.ConsentRefused.onBehalfNeedsReason": { case: string; mentor: string };
  "error.ConsentMissing": { case: string; mentors: readonly string[] };
  "error.VentureHasOpenCase": { intake: string; cases: readonly string[] };
  "error.StoreConflict": { collection: string; id: string };
  "error.StoreUnavailable": { cause: string };
  // A field of an input and what is wrong with it (ValidationFailed).
  "field.mentee.name": Record<string, never>;
  "field.mentee.email": Record<string, never>;
  "field.venture.name": Record<string, never>;
  "field.venture.employees": Record<string, never>;
  "field.venture.sector": Record<string, never>;
  "field.venture.stage": Record<string, never>;
  "field.venture.region": Record<string, never>;
  "field.venture.registrationNumber": Record<string, never>;
  "field.question.summary": Record<string, never>;
  "field.question.topics": Record<string, never>;
  "field.urgency": Record<string, never>;
  "field.consent.dataProcessing": Record<string, never>;
  "field.minutes": Record<string, never>;
  "field.on": Record<string, never>;
  "field.mentors": Record<string, never>;
  "field.name": Record<string, never>;
  "field.email": Record<string, never>;
  "field.capacity.maxCases": Record<string, never>;
  "field.capacity.monthlyHours": Record<string, never>;
  "field.reason": Record<string, never>;
  "field.outcome": Record<string, never>;
  "field.outcome.kind": Record<string, never>;
  "field.outcome.partnerId": Record<string, never>;
  "field.outcome.advice": Record<string, never>;
  "field.text": Record<string, never>;
  "field.month": Record<string, never>;
  "field.partnerId": Record<string, never>;
  "field.offset": Record<string, never>;
  "field.limit": Record<string, never>;
  "field.id": Record<string, never>;
  "field.submittedAt": Record<string, never>;
  "field.venture.id": Record<string, never>;
  "field.venture.innovative": Record<string, never>;
  "field.venture.exportAmbition": Record<string, never>;
  "field.venture.founded": Record<string, never>;
  "field.venture.competitors": Record<string, never>;
  "field.venture.suppliers": Record<string, never>;
  "field.question.topics.topic": Record<string, never>;
  "field.question.topics.weight": Record<string, never>;
  "field.seeks": Record<string, never>;
  "field.consent.shareWithPartners": Record<string, never>;
  "field.previousCaseId": Record<string, never>;
  "field.expertise": Record<string, never>;
  "field.expertise.topic": Record<string, never>;
  "field.expertise.level": Record<string, never>;
  "field.sectors": Record<string, never>;
  "field.background": Record<string, never>;
  "field.leadQualified": Record<string, never>;
  "field.ethicsStatementSignedOn": Record<string, never>;
  "field.firm": Record<string, never>;
  "field.interests": Record<string, never>;
  "field.interests.kind": Record<string, never>;
  "field.interests.organisation": Record<string, never>;
  "field.state": Record<string, never>;
  "field.caseId": Record<string, never>;
  "field.intakeId": Record<string, never>;
  "field.mode": Record<string, never>;
  "field.note": Record<string, never>;
  "field.noteAuthor": Record<string, never>;
  "field.menteePresent": Record<string, never>;
  "field.preparationMinutes": Record<string, never>;
  "field.travelMinutes": Record<string, never>;
  "rule.blank": { field: string };
  "rule.twice": { field: string };
  "rule.idTaken": { field: string };
  "rule.controlCharacters": { field: string };
  "rule.notWellFormed": { field: string };
  "rule.dateRange": { field: string };
  "rule.uniqueTopics": { field: string };
  "rule.registrationNumber": { field: string };
  "rule.pauseOrder": { field: string };
  "issue.pattern": { field: string };
  "issue.required": { field: string };
  "issue.input": Record<string, never>;
  "issue.email": { field: string };
  "issue.notAllowed": { field: string };
  "subject.IntakeRequest": Record<string, never>;
  "subject.Mentor": Record<string, never>;
  "subject.Session": Record<string, never>;
  "subject.ProgrammeProfile": Record<string, never>;
  "subject.MatchingRound": Record<string, never>;
  "subject.Venture": Record<string, never>;
  "subject.PartnerProgramme": Record<string, never>;
  "subject.Referral": Record<string, never>;
  "subject.TriageContext": Record<string, never>;
  "subject.TriageDecision": Record<string, never>;
  "subject.TriageOverride": Record<string, never>;
  "subject.AuditEntry": Record<string, never>;
  "subject.Id": Record<string, never>;
  "subject.IntakeQuery": Record<string, never>;
  "subject.other": Record<string, never>;
  "issue.tooSmall.number": { field: string; minimum: number };
  "issue.tooSmall.string": { field: string; minimum: number };
  "issue.tooSmall.array": { field: string; minimum: number };
  "issue.tooBig.number": { field: string; maximum: number };
  "issue.tooBig.string": { field: string; maximum: number };
  "issue.tooBig.array": { field: string; maximum: number };
  "issue.notANumber": { field: string };
  "issue.notText": { field: string };
  "issue.notADate": { field: string };
  "issue.wrongKind": { field: string };
  "issue.other": { field: string; detail: string };
  // Codes inside error messages, in words.
  "refusal.team.notMatchable": Record<string, never>;
  "refusal.team.atCapacity": Record<string, never>;
  "refusal.team.conflictOfInterest": Record<string, never>;
  "refusal.team.notLeadQualified": Record<string, never>;
  "refusal.teamChange.notOnTeam": Record<string, never>;
  "refusal.teamChange.alreadyOnTeam": Record<string, never>;
  "refusal.teamChange.leadTaken": Record<string, never>;
  "refusal.teamChange.teamSize": Record<string, never>;
  "refusal.teamChange.noLead": Record<string, never>;
  "refusal.teamChange.historyFull": Record<string, never>;
  "refusal.teamChange.recused": Record<string, never>;
  "refusal.session.inFuture": Record<string, never>;
  "refusal.session.caseNotRunning": Record<string, never>;
  "refusal.session.mentorNotOnTeam": Record<string, never>;
  "refusal.session.noteAuthorNotAllowed": Record<string, never>;
  "refusal.session.wrongCase": Record<string, never>;
  "refusal.session.noOneOffOffered": Record<string, never>;
  "event.teamConfirmed": Record<string, never>;
  "event.paused": Record<string, never>;
  "event.resumed": Record<string, never>;
  "event.mentorLeft": Record<string, never>;
  "event.mentorJoined": Record<string, never>;
  "event.leadHandedOver": Record<string, never>;
  "event.heldOver": Record<string, never>;
  "event.closed": Record<string, never>;
  "mentorState.applicant": Record<string, never>;
  "mentorState.active": Record<string, never>;
  "mentorState.paused": Record<string, never>;
  "mentorState.retired": Record<string, never>;
  "mentorEvent.approved": Record<string, never>;
  "mentorEvent.paused": Record<string, never>;
  "mentorEvent.resumed": Record<string, never>;
  "mentorEvent.retired": Record<string, never>;
  "mentorEvent.ethicsStatementSigned": Record<string, never>;
  "background.founder": Record<string, never>;
  "background.corporate": Record<string, never>;
  "background.finance": Record<string, never>;
  "background.sales-marketing": Record<string, never>;
  "background.technology": Record<string, never>;
  "background.professional-services": Record<string, never>;
  "background.public-sector": Record<string, never>;
  "interestKind.investment": Record<string, never>;
  "interestKind.board": Record<string, never>;
  "interestKind.employer": Record<string, never>;
  "interestKind.client": Record<string, never>;
  "interestKind.supplier": Record<string, never>;
  "interestKind.competitor": Record<string, never>;
  "interestKind.family": Record<string, never>;
  // Rendering a proposal (CLI, portal).
  "proposal.title": { round: string };
  "proposal.team": { case: string; lead: string; members: readonly string[] };
  "proposal.notStaffed": { cases: readonly string[] };
  "proposal.certificate": {
    objective: number;
    bound: number;
    gap: number;
    method: "flow+localSearch" | "exact";
    scope: "allPairs" | "candidatePairs";
    /** Proven optimal: no staffing of as many cases scores more. */
    optimal?: boolean;
  };
  // The monthly report.
  "report.title": { programme: string; month: string };
  "report.mentors": {
    active: number;
    paused: number;
    atCapacity: number;
    overCommitted: number;
    ethicsExpired: number;
  };
  "report.cases": { active: number; paused: number; awaiting: number; new: number };
  "report.closed": { list: readonly string[] };
  "report.belowMinimum": { cases: readonly string[] };
  "report.waitedPastMeeting": { count: number; days: number; cases: readonly string[] };
  "report.consent": { yes: number; no: number; onBehalf: number };
  "report.intake": {
    requests: number;
    accept: number;
    refer: number;
    oneOff: number;
    notReady: number;
    overridden: number;
  };
  "report.referrals": { list: readonly string[] };
  "report.quota": { used: number; quota: number };
  "report.hours": {
    hours: string;
    under: number;
    on: number;
    over: number;
    min: string;
    median: string;
    max: string;
    norm: string;
  };
  "report.sessions": { case: number; oneOff: number; oneOffHours: string };
  "report.wait": { count: number; median: number; max: number };
  "report.nextMeetingOk": { spare: number; need: number; leads: number };
  "report.nextMeetingShort": { spare: number; need: number; leads: number };
  "report.shortTopics": { topics: readonly string[] };
  "report.inactivity": { case: string; days: number };
  "report.chartHours": Record<string, never>;
  "report.chartCaseHours": { case: string };
  "report.chartLoad": Record<string, never>;
  "chart.legend.under": Record<string, never>;
  "chart.legend.on": Record<string, never>;
  "chart.legend.over": Record<string, never>;
  "chart.legend.norm": Record<string, never>;
  "chart.legend.room": Record<string, never>;
  "chart.legend.full": Record<string, never>;
  "chart.legend.overCommitted": Record<string, never>;
  "chart.legend.maximum": Record<string, never>;
  "chart.column.case": Record<string, never>;
  "chart.column.mentor": Record<string, never>;
  "chart.column.month": Record<string, never>;
  "chart.column.averageHours": Record<string, never>;
  "chart.column.hours": Record<string, never>;
  "chart.column.norm": Record<string, never>;
  "chart.column.cases": Record<string, never>;
  "chart.column.maximum": Record<string, never>;
  "chart.column.status": Record<string, never>;
  "unit.hours": Record<string, never>;
  "closing.questionResolved": Record<string, never>;
  "closing.outgrown": Record<string, never>;
  "closing.referred": Record<string, never>;
  "closing.withdrew": Record<string, never>;
  "closing.conflictOfInterest": Record<string, never>;
  "closing.inactive": Record<string, never>;
  "closing.other": Record<string, never>;
}

export type MessageKey = keyof MessageParams;
export type Catalogue = { readonly [K in MessageKey]: (p: MessageParams[K]) => string };

const en_ = formattersFor("en");
const nl_ = formattersFor("nl");

const en: Catalogue = {
  "state.awaitingMeeting": () => "awaiting the mentors' meeting",
  "state.active": () => "active",
  "state.paused": () => "paused",
  "state.closed": () => "closed",
  "mode.inPerson": () => "in person",
  "mode.video": () => "video call",
  "mode.phone": () => "phone",
  "stage.idea": () => "idea",
  "stage.startup": () => "start-up",
  "stage.scaleup": () => "scale-up",
  "stage.established": () => "established",
  "exportAmbition.none": () => "none",
  "exportAmbition.exploring": () => "exploring",
  "exportAmbition.active": () => "active",
  "urgency.routine": () => "routine",
  "urgency.soon": () => "soon",
  "urgency.acute": () => "acute",
  "outcomeKind.accept": () => "accept",
  "outcomeKind.refer": () => "refer to a partner programme",
  "outcomeKind.oneOff": () => "one-off conversation",
  "outcomeKind.notReady": () => "not ready yet",
  fitsProgramme: () => "A strategic question from a running business: this is what the mentor teams are for.",
  ideaStage: () =>
    "The venture is still an idea; mentoring works best once there is something to test with customers.",
  acuteCrisis: () =>
    "The company is in acute difficulty; a first-line desk can act this week, sooner than a mentors' meeting.",
  workNotSparring: () =>
    "The entrepreneur wants the work done for them; the mentors are sparring partners who help decide, not advisers who do the work.",
  crisisQuestion: () =>
    "The question is mainly about a crisis or restructuring: a first-line desk can act sooner than a mentors' meeting, whatever the urgency given.",
  firstLineQuestion: () =>
    "The question is mostly about financing, subsidies or regulation: a first-line desk answers that directly.",
  exportQuestion: () =>
    "The question is mostly about export: a programme led by experienced exporters fits it best.",
  innovativeStartup: () => "An innovative start-up looking for investors and the start-up ecosystem.",
  outsideRegion: ({ region }) => `The venture is based outside the programme's region (${region}).`,
  returningVenture: () => "A returning venture with a new question.",
  tooSmallQuestion: () => "The question can be answered in one good conversation.",
  quotaFull: ({ placesLeft }) =>
    placesLeft === 0
      ? "The next mentors' meeting is full, and we keep no waiting list."
      : `The next mentors' meeting has ${en_.count(placesLeft, "place", "places")} left, and we keep no waiting list.`,
  noTeamForTopics: ({ topics }) =>
    `The mentor network cannot staff a full team for this question now (short of: ${en_.list(topics)}).`,
  noRuleMatched: () => "No intake rule settled this question; the programme manager talks it through once.",
  routedToPartner: ({ partner, topics }) => `Referred to ${partner}, which serves ${en_.list(topics)}.`,
  oneOffInstead: () =>
    "A one-off conversation with an experienced mentor instead, so nobody leaves with a bare no.",
  managerOverride: ({ reason }) => `Decision changed by the programme manager: ${reason}`,
  "advice.validateIdea": () => "Test the idea with ten potential customers first, then come back.",
  "advice.hireForTheWork": () =>
    "Have the work itself done by an adviser or accountant; come back with the choices it leaves you, and a mentor team will spar with you.",
  "advice.findFirstCustomers": () => "Win the first paying customers; then a mentor team can help you grow.",
  "advice.writeBusinessPlan": () =>
    "Put the plan on paper (market, customers, money); it makes the mentoring sharper.",
  "advice.formTeam": () => "Find the people you need to run the business with you first.",
  "advice.seekFirstLineHelp": () => "Contact the regional entrepreneurs' desk for practical first-line help.",
  "outcome.accept": () => "Accepted: the case goes to the next mentors' meeting.",
  "outcome.refer": ({ partner }) => `Referred to ${partner}.`,
  "outcome.oneOff": () => "A one-off conversation with a mentor.",
  "outcome.notReady": ({ advice }) => `Not yet: ${advice}`,
  "error.ValidationFailed": ({ subject, fields }) => `The ${subject} is not valid: ${fields}.`,
  "error.UnknownPartner": ({ partnerId }) => `There is no partner programme '${partnerId}' in this profile.`,
  "error.QuotaFull": ({ placesLeft }) =>
    `${placesLeft === 0 ? "The next meeting is full" : `The next meeting has ${en_.count(placesLeft, "place", "places")} left`}; refer the entrepreneur or offer a one-off conversation.`,
  "error.NoTeamPossible": ({ topics }) =>
    `No team can be formed for this question now (short of: ${en_.list(topics)}).`,
  "error.NotAReferral": ({ outcome }) => `The triage decision was to ${outcome}, not a referral.`,
  "diagnosis.capacityShort": ({ have, need }) =>
    `Not enough room among the mentors: ${en_.count(have, "team place", "team places")} free, ${en_.n(need)} needed.`,
  "diagnosis.leadCapacityShort": ({ have, need }) =>
    `Not enough lead-qualified mentors with room: they can lead ${en_.count(have, "case", "cases")}, ${en_.n(need)} need a lead.`,
  "diagnosis.tooFewMentors": ({ case: c, have, need }) =>
    `Case ${c}: only ${en_.count(have, "mentor", "mentors")} with room and without a conflict of interest, ${en_.n(need)} needed.`,
  "diagnosis.noLeadCandidate": ({ case: c }) =>
    `Case ${c}: no lead-qualified mentor with capacity is free of conflicts.`,
  "diagnosis.topicShort": ({ case: c, topic, mentors }) =>
    `Case ${c}: only ${en_.count(mentors, "mentor with room and without a conflict of interest covers", "mentors with room and without a conflict of interest cover")} ${topic}.`,
  "diagnosis.capacityTakenByOtherCases": ({ case: c }) =>
    `Case ${c}: its possible mentors are needed for the other cases of this round.`,
  "diagnosis.overQuota": ({ case: c, quota }) =>
    `Case ${c} is beyond this meeting's quota of ${en_.count(quota, "new case", "new cases")}; refer it or offer a one-off conversation.`,
  "diagnosis.pinNotHonoured": ({ case: c, mentor, reason }) =>
    `Pin of ${mentor} on case ${c} not honoured: ${reason}.`,
  "explain.covers": ({ mentor, topics }) => `${mentor} covers ${en_.list(topics)}.`,
  "explain.coversNothing": ({ mentor }) =>
    `${mentor} brings sector knowledge or a fresh view rather than a topic.`,
  "explain.pinned": ({ mentor }) => `${mentor} is on the team because the programme manager pinned them.`,
  "explain.leadBest": ({ mentor }) =>
    `${mentor} leads: the best lead fit among the team's lead-qualified mentors.`,
  "explain.leadOnly": ({ mentor }) => `${mentor} leads: the team's only lead-qualified mentor.`,
  "explain.uncovered": ({ topics }) => `Not covered by anyone on the team: ${en_.list(topics)}.`,
  "explain.notChosen": ({ mentor, reason }) => `${mentor} not chosen: ${reason}.`,
  "exclusion.inactive": () => "not an active mentor",
  "exclusion.paused": () => "paused",
  "exclusion.ethicsExpired": () => "ethics statement not signed in the last twelve months",
  "exclusion.atCapacity": () => "no capacity left (cases or hours)",
  "exclusion.conflictOfInterest": () => "conflict of interest",
  "exclusion.declined": () => "declined this case",
  "exclusion.excludedByManager": () => "excluded by the programme manager",
  "exclusion.usedByOtherCases": () => "capacity used by other cases this round",
  "exclusion.teamRule": () => "would make the team one of a kind or put two people of one firm on it",
  "exclusion.lowerTeamValue": () => "the chosen team covers the question better",
  "exclusion.caseUnstaffed": () => "the case could not be staffed",
  "error.SolverDefect": ({ rules }) =>
    `The matching engine broke a hard rule (${en_.list(rules)}); this is a bug, please report it.`,
  "error.CaseNotInRound": ({ case: c }) => `Case ${c} is not in this round.`,
  "error.IllegalTransition": ({ case: c, state, event }) =>
    `Case ${c} is ${state}: ${event} is not possible now.`,
  "error.TeamChangeRefused": ({ case: c, mentor, reason }) =>
    `Team change on case ${c} refused for ${mentor}: ${reason}.`,
  "error.IllegalMentorTransition": ({ mentor, state, event }) =>
    `Mentor ${mentor} is ${state}: ${event} is not possible now.`,
  "error.IllegalMentorTransition.seated": ({ mentor, cases }) =>
    `${mentor} still sits on the team of ${cases}: take them off those teams first, then retire them.`,
  "error.SessionRefused": ({ session, reason, mentor }) =>
    `Session ${session} was not recorded: ${reason}${mentor === "" ? "" : ` (${mentor})`}.`,
  "error.NotFound": ({ collection, id }) => `No ${collection} '${id}' found.`,
  "collection.mentors": () => "mentor",
  "collection.cases": () => "case",
  "collection.sessions": () => "session",
  "collection.intakes": () => "intake",
  "collection.decisions": () => "triage decision",
  "collection.referrals": () => "referral",
  "collection.requests": () => "request",
  "collection.rounds": () => "matching round",
  "collection.settings": () => "programme",
  "collection.conflicts": () => "recorded conflict of interest",
  "collection.consents": () => "answer to a proposal",
  "collection.notifications": () => "reminder",
  "notification.proposalToAnswer.subject": ({ case: c }) => `Will you join the team for ${c}?`,
  "notification.proposalToAnswer.text": ({ mentor, case: c }) =>
    `Dear ${mentor}, you are proposed for the team of ${c}. Please say yes or no in the portal, so the team can start.`,
  "notification.caseQuiet.subject": ({ case: c }) => `${c}: is the question still open?`,
  "notification.caseQuiet.text": ({ mentor, case: c, on }) =>
    `Dear ${mentor}, nothing has been logged for ${c} since ${on}. Is the question still open? Log the last session, or tell the programme manager if the case can be closed or paused.`,
  "notification.ethicsExpiring.subject": ({ on }) => `Your ethics statement expires on ${on}`,
  "notification.ethicsExpiring.text": ({ mentor, on }) =>
    `Dear ${mentor}, your ethics statement expires on ${on}. Please sign it again with the programme manager; without it you are not proposed for new cases.`,

  "error.IdempotencyConflict": ({ key }) => `Request key '${key}' was used before with different content.`,
  "error.TeamRefused": ({ case: c, mentor, reason }) =>
    `Mentor ${mentor} cannot join case ${c} now: ${reason}.`,
  "error.ConsentRefused.notProposed": ({ case: c, mentor }) =>
    `Mentor ${mentor} is not on the team proposed for case ${c}; their answer was not recorded.`,
  "error.ConsentRefused.noTeamWanted": ({ case: c }) =>
    `Case ${c} is closed; there is no proposal to answer.`,
  "error.ConsentRefused.onBehalfNeedsReason": ({ mentor }) =>
    `Only ${mentor} can answer for themselves; to record their answer for them, say how they gave it.`,
  "error.ConsentMissing": ({ case: c, mentors }) =>
    `The team for case ${c} is still a proposal: ${en_.list(mentors)} did not say yes yet.`,
  "error.VentureHasOpenCase": ({ intake, cases }) =>
    `The venture of intake ${intake} already has an open case (${en_.list(cases)}). A second case runs only when the programme manager confirms it with a reason (an override to accept).`,
  "error.StoreConflict": ({ collection, id }) =>
    `${collection} '${id}' was changed by someone else; reload and try again.`,
  "error.StoreUnavailable": ({ cause }) =>
    `The programme's data store is unavailable (${cause}); nothing was changed.`,
  "field.mentee.name": () => "Name of the entrepreneur",
  "field.mentee.email": () => "E-mail address",
  "field.venture.name": () => "Name of the venture",
  "field.venture.employees": () => "Number of employees",
  "field.venture.sector": () => "Sector",
  "field.venture.stage": () => "Stage of the venture",
  "field.venture.region": () => "Region",
  "field.venture.registrationNumber": () => "KvK number",
  "field.question.summary": () => "The question",
  "field.question.topics": () => "Topics of the question",
  "field.urgency": () => "Urgency",
  "field.consent.dataProcessing": () => "Consent to data processing",
  "field.minutes": () => "Duration in minutes",
  "field.on": () => "Date",
  "field.mentors": () => "Mentors present",
  "field.name": () => "Name",
  "field.email": () => "E-mail address",
  "field.capacity.maxCases": () => "Maximum number of cases",
  "field.capacity.monthlyHours": () => "Hours a month",
  "field.reason": () => "Reason",
  "field.outcome": () => "Outcome",
  "field.outcome.kind": () => "Outcome",
  "field.outcome.partnerId": () => "Partner programme",
  "field.outcome.advice": () => "Advice",
  "field.text": () => "Search text",
  "field.month": () => "Month",
  "field.partnerId": () => "Partner programme",
  "field.offset": () => "Start",
  "field.limit": () => "Number per page",
  "field.id": () => "Identifier",
  "field.submittedAt": () => "Date of submission",
  "field.venture.id": () => "Identifier of the venture",
  "field.venture.innovative": () => "Innovative",
  "field.venture.exportAmbition": () => "Export ambition",
  "field.venture.founded": () => "Year founded",
  "field.venture.competitors": () => "Competitors",
  "field.venture.suppliers": () => "Suppliers",
  "field.question.topics.topic": () => "Topic",
  "field.question.topics.weight": () => "Weight of the topic",
  "field.seeks": () => "What the entrepreneur seeks",
  "field.consent.shareWithPartners": () => "Consent to share with partner programmes",
  "field.previousCaseId": () => "Earlier case",
  "field.expertise": () => "Expertise",
  "field.expertise.topic": () => "Topic of expertise",
  "field.expertise.level": () => "Level of expertise",
  "field.sectors": () => "Sectors",
  "field.background": () => "Background",
  "field.leadQualified": () => "Qualified to lead a team",
  "field.ethicsStatementSignedOn": () => "Date of the ethics statement",
  "field.firm": () => "Firm",
  "field.interests": () => "Interests",
  "field.interests.kind": () => "Kind of tie",
  "field.interests.organisation": () => "Organisation of the tie",
  "field.state": () => "Standing",
  "field.caseId": () => "Case",
  "field.intakeId": () => "Intake",
  "field.mode": () => "Form of the session",
  "field.note": () => "Notes",
  "field.noteAuthor": () => "Author of the notes",
  "field.menteePresent": () => "Entrepreneur present",
  "field.preparationMinutes": () => "Preparation in minutes",
  "field.travelMinutes": () => "Travel in minutes",
  "rule.blank": ({ field }) => `${field} must not be blank`,
  "rule.twice": ({ field }) => `${field}: this mentor appears twice in the import`,
  "rule.idTaken": ({ field }) =>
    `${field}: this id belongs to another mentor already (change a mentor's details on their own)`,
  "rule.controlCharacters": ({ field }) => `${field} contains control characters`,
  "rule.notWellFormed": ({ field }) => `${field} contains a character that cannot be read`,
  "rule.dateRange": ({ field }) => `${field} must lie between 1900 and 2200`,
  "rule.uniqueTopics": ({ field }) => `${field}: each topic may be listed once`,
  "rule.registrationNumber": ({ field }) =>
    `${field} may hold letters, digits, spaces, dots and dashes (at most 32)`,
  "rule.pauseOrder": ({ field }) => `${field}: a pause must end after it starts`,
  "issue.pattern": ({ field }) => `${field} is not in the expected form`,
  "issue.required": ({ field }) => `${field} is required`,
  "issue.input": () => "The input",
  "issue.email": ({ field }) => `${field} is not a valid e-mail address`,
  "issue.notAllowed": ({ field }) => `${field} has a value that is not allowed`,
  "subject.IntakeRequest": () => "intake",
  "subject.Mentor": () => "mentor",
  "subject.Session": () => "session",
  "subject.ProgrammeProfile": () => "programme profile",
  "subject.MatchingRound": () => "matching round",
  "subject.Venture": () => "venture",
  "subject.PartnerProgramme": () => "partner programme",
  "subject.Referral": () => "referral",
  "subject.TriageContext": () => "triage context",
  "subject.TriageDecision": () => "triage decision",
  "subject.TriageOverride": () => "override of a triage decision",
  "subject.AuditEntry": () => "audit entry",
  "subject.Id": () => "identifier",
  "subject.IntakeQuery": () => "search in the intakes",
  "subject.other": () => "input",
  "issue.tooSmall.number": ({ field, minimum }) => `${field} must be ${minimum} or more`,
  "issue.tooSmall.string": ({ field, minimum }) => `${field} needs at least ${minimum} characters`,
  "issue.tooSmall.array": ({ field, minimum }) => `${field}: at least ${minimum} needed`,
  "issue.tooBig.number": ({ field, maximum }) => `${field} must be ${maximum} or less`,
  "issue.tooBig.string": ({ field, maximum }) => `${field} may have at most ${maximum} characters`,
  "issue.tooBig.array": ({ field, maximum }) => `${field}: at most ${maximum}`,
  "issue.notANumber": ({ field }) => `${field} is missing or not a number`,
  "issue.notText": ({ field }) => `${field} is missing or not text`,
  "issue.notADate": ({ field }) => `${field} is missing or not a date`,
  "issue.wrongKind": ({ field }) => `${field} is missing or has the wrong kind of value`,
  "issue.other": ({ field, detail }) => `${field}: ${detail}`,
  "refusal.team.notMatchable": () =>
    "not matchable now (not active, paused, or the ethics statement is not current)",
  "refusal.team.atCapacity": () => "no room left (cases or hours)",
  "refusal.team.conflictOfInterest": () => "a conflict of interest with the venture",
  "refusal.team.notLeadQualified": () => "not qualified to lead a team",
  "refusal.teamChange.notOnTeam": () => "not on the team",
  "refusal.teamChange.alreadyOnTeam": () => "already on the team",
  "refusal.teamChange.leadTaken": () => "the team has a lead already",
  "refusal.teamChange.teamSize": () => "the team would have the wrong size",
  "refusal.teamChange.noLead": () => "the team would have no lead",
  "refusal.teamChange.historyFull": () => "the case keeps as many team changes as it can",
  "refusal.teamChange.recused": () =>
    "they recused from this case before (a conflict of interest) and do not return to it",
  "refusal.session.inFuture": () => "its date is later than today; a session is logged after it took place",
  "refusal.session.caseNotRunning": () => "the case is not running",
  "refusal.session.mentorNotOnTeam": () => "a mentor present is not on the case's team on that date",
  "refusal.session.noteAuthorNotAllowed": () =>
    "the notes are written by the lead or a mentor the lead named",
  "refusal.session.wrongCase": () => "the session names another case",
  "refusal.session.noOneOffOffered": () => "triage did not offer this intake a one-off conversation",
  "event.teamConfirmed": () => "confirming a team",
  "event.paused": () => "pausing",
  "event.resumed": () => "resuming",
  "event.mentorLeft": () => "a mentor leaving",
  "event.mentorJoined": () => "a mentor joining",
  "event.leadHandedOver": () => "handing over the lead",
  "event.heldOver": () => "planning it once more",
  "event.closed": () => "closing",
  "mentorState.applicant": () => "an applicant",
  "mentorState.active": () => "active",
  "mentorState.paused": () => "paused",
  "mentorState.retired": () => "retired",
  "mentorEvent.approved": () => "approving",
  "mentorEvent.paused": () => "pausing",
  "mentorEvent.resumed": () => "resuming",
  "mentorEvent.retired": () => "retiring",
  "mentorEvent.ethicsStatementSigned": () => "signing the ethics statement",
  "background.founder": () => "founder",
  "background.corporate": () => "corporate",
  "background.finance": () => "finance",
  "background.sales-marketing": () => "sales and marketing",
  "background.technology": () => "technology",
  "background.professional-services": () => "professional services",
  "background.public-sector": () => "public sector",
  "interestKind.investment": () => "an investment",
  "interestKind.board": () => "a board seat",
  "interestKind.employer": () => "employer",
  "interestKind.client": () => "client",
  "interestKind.supplier": () => "supplier",
  "interestKind.competitor": () => "competitor",
  "interestKind.family": () => "family",
  "proposal.title": ({ round }) => `Proposal for ${round} (a proposal until the mentors accept)`,
  "proposal.team": ({ case: c, lead, members }) => `${c}: ${lead} (lead), ${en_.list(members)}`,
  "proposal.notStaffed": ({ cases }) => `Not staffed: ${en_.list(cases)}`,
  "proposal.certificate": ({ objective, bound, gap, method, scope, optimal }) =>
    `Objective ${en_.h(objective)}, ${optimal === true ? "proven optimal: no staffing of as many cases scores more" : `proven bound ${en_.h(bound)}, gap at most ${en_.percent(gap)}`} (${method === "exact" ? "solved exactly" : "flow bound and local search"}, ${scope === "allPairs" ? "over every mentor–case pair" : "over the pairs kept per case"})`,
  "report.title": ({ programme, month }) => `${programme} — monthly report ${month}`,
  "report.mentors": ({ active, paused, atCapacity, overCommitted, ethicsExpired }) =>
    `Mentors: ${active} active (${atCapacity} at capacity, ${overCommitted} over-committed, ${ethicsExpired} with an expired ethics statement), ${paused} paused.`,
  "report.cases": ({ active, paused, awaiting, new: n }) =>
    `Cases: ${active} active, ${paused} paused, ${awaiting} awaiting the meeting, ${n} new this month.`,
  "report.closed": ({ list }) => `Closed this month: ${en_.list(list)}.`,
  "report.belowMinimum": ({ cases }) =>
    `Teams below their size, replacement at the next meeting: ${en_.list(cases)}.`,
  "report.waitedPastMeeting": ({ count, days, cases }) =>
    `Accepted cases that waited through a meeting without a team: ${en_.n(count)} (the longest ${en_.count(days, "day", "days")} since acceptance; a decision is due): ${en_.list(cases)}.`,
  "report.intake": ({ requests, accept, refer, oneOff, notReady, overridden }) =>
    `Intake: ${en_.count(requests, "request", "requests")} — ${en_.n(accept)} accepted, ${en_.n(refer)} referred, ${en_.count(oneOff, "one-off conversation", "one-off conversations")}, ${en_.n(notReady)} not ready yet (${en_.count(overridden, "decision", "decisions")} changed by the programme manager).`,
  "report.referrals": ({ list }) => `Referrals per partner: ${en_.list(list)}.`,
  "report.quota": ({ used, quota }) =>
    `Meeting quota: ${en_.n(used)} of ${en_.count(quota, "new case", "new cases")}.`,
  "report.consent": ({ yes, no, onBehalf }) =>
    `Mentors' answers to proposals: ${yes} yes, ${no} no (${onBehalf} recorded by the programme manager on a mentor's behalf).`,
  "report.hours": ({ hours, under, on, over, min, median, max, norm }) =>
    `Hours: ${hours} h of sparring this month. Against the norm of ${norm} h a month: ${under} under, ${on} on, ${over} over; rolling averages from ${min} to ${max} h (median ${median}).`,
  "report.sessions": ({ case: c, oneOff, oneOffHours }) =>
    `Sessions: ${en_.count(c, "session", "sessions")} with cases, ${en_.count(oneOff, "one-off conversation", "one-off conversations")} (${oneOffHours} h).`,
  "report.wait": ({ count, median, max }) =>
    `From intake to a team: median ${en_.count(median, "day", "days")}, longest ${en_.count(max, "day", "days")} (${en_.count(count, "case", "cases")}).`,
  "report.nextMeetingOk": ({ spare, need, leads }) =>
    `Next meeting: the network can staff the quota (${en_.count(spare, "free place", "free places")} for ${en_.n(need)} needed, ${en_.n(leads)} of them for team leads).`,
  "report.nextMeetingShort": ({ spare, need, leads }) =>
    `Next meeting: the network cannot staff the full quota (${en_.count(spare, "free place", "free places")} for ${en_.n(need)} needed, ${en_.n(leads)} of them for team leads).`,
  "report.shortTopics": ({ topics }) => `Short of mentors with room for: ${en_.list(topics)}.`,
  "report.inactivity": ({ case: c, days }) =>
    `Case ${c}: no session for ${en_.count(days, "day", "days")}. Is the question still open?`,
  "report.chartHours": () => "Hours per case (rolling average) against the norm",
  "report.chartCaseHours": ({ case: c }) => `Hours per month for ${c} against the norm`,
  "report.chartLoad": () => "Cases per mentor against their maximum",
  "chart.legend.under": () => "below the norm",
  "chart.legend.on": () => "around the norm",
  "chart.legend.over": () => "above the norm",
  "chart.legend.norm": () => "norm (black line)",
  "chart.legend.room": () => "room for more",
  "chart.legend.full": () => "at their maximum",
  "chart.legend.overCommitted": () => "over their maximum",
  "chart.legend.maximum": () => "maximum number of cases (black line)",
  "chart.column.case": () => "Case",
  "chart.column.mentor": () => "Mentor",
  "chart.column.month": () => "Month",
  "chart.column.averageHours": () => "Hours a month (rolling average)",
  "chart.column.hours": () => "Hours",
  "chart.column.norm": () => "Norm",
  "chart.column.cases": () => "Cases",
  "chart.column.maximum": () => "Maximum",
  "chart.column.status": () => "Where it stands",
  "unit.hours": () => "h",
  "closing.questionResolved": () => "question resolved",
  "closing.outgrown": () => "outgrown",
  "closing.referred": () => "referred",
  "closing.withdrew": () => "withdrew",
  "closing.conflictOfInterest": () => "conflict of interest",
  "closing.inactive": () => "inactive",
  "closing.other": () => "other",
};

const nl: Catalogue = {
  "state.awaitingMeeting": () => "wacht op het mentorenoverleg",
  "state.active": () => "actief",
  "state.paused": () => "gepauzeerd",
  "state.closed": () => "gesloten",
  "mode.inPerson": () => "op locatie",
  "mode.video": () => "videogesprek",
  "mode.phone": () => "telefonisch",
  "stage.idea": () => "idee",
  "stage.startup": () => "startend",
  "stage.scaleup": () => "groeiend",
  "stage.established": () => "gevestigd",
  "exportAmbition.none": () => "geen",
  "exportAmbition.exploring": () => "oriënterend",
  "exportAmbition.active": () => "actief",
  "urgency.routine": () => "gewoon",
  "urgency.soon": () => "binnenkort",
  "urgency.acute": () => "acuut",
  "outcomeKind.accept": () => "aannemen",
  "outcomeKind.refer": () => "doorverwijzen naar een partnerprogramma",
  "outcomeKind.oneOff": () => "eenmalig gesprek",
  "outcomeKind.notReady": () => "nog niet klaar",
  fitsProgramme: () => "Een strategische vraag van een lopend bedrijf: daar zijn de mentorteams voor.",
  ideaStage: () =>
    "De onderneming is nog een idee; mentoring werkt het best als er iets bij klanten te toetsen valt.",
  acuteCrisis: () =>
    "Het bedrijf zit in acute problemen; een ondernemersloket kan deze week handelen, sneller dan een mentorenoverleg.",
  workNotSparring: () =>
    "De ondernemer wil dat het werk voor hem of haar gedaan wordt; de mentoren zijn sparringpartners die helpen kiezen, geen adviseurs die het werk doen.",
  crisisQuestion: () =>
    "De vraag gaat vooral over een crisis of herstructurering: een ondernemersloket kan sneller handelen dan een mentorenoverleg, welke urgentie er ook is opgegeven.",
  firstLineQuestion: () =>
    "De vraag gaat vooral over financiering, subsidies of regelgeving: daar geeft een ondernemersloket direct antwoord op.",
  exportQuestion: () =>
    "De vraag gaat vooral over export: een programma van ervaren exporteurs past het best.",
  innovativeStartup: () => "Een innovatieve start-up die investeerders en het start-up-ecosysteem zoekt.",
  outsideRegion: ({ region }) => `De onderneming is gevestigd buiten de regio van het programma (${region}).`,
  returningVenture: () => "Een terugkerende onderneming met een nieuwe vraag.",
  tooSmallQuestion: () => "De vraag is in één goed gesprek te beantwoorden.",
  quotaFull: ({ placesLeft }) =>
    placesLeft === 0
      ? "Het volgende mentorenoverleg is vol, en we houden geen wachtlijst bij."
      : `Het volgende mentorenoverleg heeft nog ${nl_.count(placesLeft, "plaats", "plaatsen")}, en we houden geen wachtlijst bij.`,
  noTeamForTopics: ({ topics }) =>
    `Het mentorennetwerk kan nu geen volledig team voor deze vraag vormen (tekort aan: ${nl_.list(topics)}).`,
  noRuleMatched: () => "Geen intakeregel gaf de doorslag; de programmamanager bespreekt de vraag één keer.",
  routedToPartner: ({ partner, topics }) =>
    `Doorverwezen naar ${partner}, dat helpt bij ${nl_.list(topics)}.`,
  oneOffInstead: () =>
    "In plaats daarvan een eenmalig gesprek met een ervaren mentor: niemand gaat weg met alleen een nee.",
  managerOverride: ({ reason }) => `Besluit gewijzigd door de programmamanager: ${reason}`,
  "advice.validateIdea": () => "Toets het idee eerst bij tien mogelijke klanten en kom dan terug.",
  "advice.hireForTheWork": () =>
    "Laat het werk zelf doen door een adviseur of accountant; kom terug met de keuzes die dat oplevert, dan spart een mentorteam met je mee.",
  "advice.findFirstCustomers": () =>
    "Win eerst de eerste betalende klanten; daarna helpt een mentorteam bij groei.",
  "advice.writeBusinessPlan": () =>
    "Zet het plan op papier (markt, klanten, geld); dat maakt de mentoring scherper.",
  "advice.formTeam": () => "Vind eerst de mensen met wie je het bedrijf samen runt.",
  "advice.seekFirstLineHelp": () =>
    "Neem contact op met het regionale ondernemersloket voor praktische eerstelijnshulp.",
  "outcome.accept": () => "Aangenomen: de casus gaat naar het volgende mentorenoverleg.",
  "outcome.refer": ({ partner }) => `Doorverwezen naar ${partner}.`,
  "outcome.oneOff": () => "Een eenmalig gesprek met een mentor.",
  "outcome.notReady": ({ advice }) => `Nog niet: ${advice}`,
  "error.ValidationFailed": ({ subject, fields }) => `De invoer (${subject}) is niet geldig: ${fields}.`,
  "error.UnknownPartner": ({ partnerId }) => `Dit profiel kent geen partnerprogramma '${partnerId}'.`,
  "error.QuotaFull": ({ placesLeft }) =>
    `${placesLeft === 0 ? "Het volgende mentorenoverleg is vol" : `Het volgende mentorenoverleg heeft nog ${nl_.count(placesLeft, "plaats", "plaatsen")}`}; verwijs door of bied een eenmalig gesprek aan.`,
  "error.NoTeamPossible": ({ topics }) =>
    `Er is nu geen team voor deze vraag te vormen (tekort aan: ${nl_.list(topics)}).`,
  "error.NotAReferral": ({ outcome }) => `Het triagebesluit was ${outcome}, geen doorverwijzing.`,
  "diagnosis.capacityShort": ({ have, need }) =>
    `Te weinig ruimte bij de mentoren: ${nl_.count(have, "teamplaats", "teamplaatsen")} vrij, ${nl_.n(need)} nodig.`,
  "diagnosis.leadCapacityShort": ({ have, need }) =>
    `Te weinig teamleiders met ruimte: zij kunnen ${nl_.count(have, "casus", "casussen")} leiden, ${nl_.n(need)} hebben een teamleider nodig.`,
  "diagnosis.tooFewMentors": ({ case: c, have, need }) =>
    `Casus ${c}: slechts ${nl_.count(have, "mentor", "mentoren")} met ruimte en zonder belangenconflict, ${nl_.n(need)} nodig.`,
  "diagnosis.noLeadCandidate": ({ case: c }) =>
    `Casus ${c}: geen teamleider met ruimte zonder belangenconflict.`,
  "diagnosis.topicShort": ({ case: c, topic, mentors }) =>
    `Casus ${c}: slechts ${nl_.count(mentors, "mentor met ruimte en zonder belangenconflict kent", "mentoren met ruimte en zonder belangenconflict kennen")} ${topic}.`,
  "diagnosis.capacityTakenByOtherCases": ({ case: c }) =>
    `Casus ${c}: de mentoren die in aanmerking komen zijn nodig voor de andere casussen van dit overleg.`,
  "diagnosis.overQuota": ({ case: c, quota }) =>
    `Casus ${c} valt buiten het quotum van ${nl_.count(quota, "nieuwe casus", "nieuwe casussen")}; verwijs door of bied een eenmalig gesprek aan.`,
  "diagnosis.pinNotHonoured": ({ case: c, mentor, reason }) =>
    `Vastzetten van ${mentor} op casus ${c} niet gelukt: ${reason}.`,
  "explain.covers": ({ mentor, topics }) => `${mentor} dekt ${nl_.list(topics)}.`,
  "explain.coversNothing": ({ mentor }) =>
    `${mentor} brengt sectorkennis of een frisse blik in plaats van een thema.`,
  "explain.pinned": ({ mentor }) =>
    `${mentor} zit in het team omdat de programmamanager die mentor vastzette.`,
  "explain.leadBest": ({ mentor }) => `${mentor} is teamleider: de beste leiderschapsfit in het team.`,
  "explain.leadOnly": ({ mentor }) =>
    `${mentor} is teamleider: de enige gekwalificeerde teamleider in het team.`,
  "explain.uncovered": ({ topics }) => `Door niemand in het team gedekt: ${nl_.list(topics)}.`,
  "explain.notChosen": ({ mentor, reason }) => `${mentor} niet gekozen: ${reason}.`,
  "exclusion.inactive": () => "geen actieve mentor",
  "exclusion.paused": () => "gepauzeerd",
  "exclusion.ethicsExpired": () => "ethische verklaring niet in de laatste twaalf maanden getekend",
  "exclusion.atCapacity": () => "geen ruimte meer (casussen of uren)",
  "exclusion.conflictOfInterest": () => "belangenconflict",
  "exclusion.declined": () => "heeft deze casus afgewezen",
  "exclusion.excludedByManager": () => "uitgesloten door de programmamanager",
  "exclusion.usedByOtherCases": () => "ruimte gaat naar andere casussen van dit overleg",
  "exclusion.teamRule": () => "het team zou eenzijdig worden of twee mensen van één bedrijf krijgen",
  "exclusion.lowerTeamValue": () => "het gekozen team dekt de vraag beter",
  "exclusion.caseUnstaffed": () => "de casus kon niet bemand worden",
  "error.SolverDefect": ({ rules }) =>
    `Het koppelalgoritme brak een harde regel (${nl_.list(rules)}); dit is een fout, meld die alstublieft.`,
  "error.CaseNotInRound": ({ case: c }) => `Casus ${c} hoort niet bij dit overleg.`,
  "error.IllegalTransition": ({ case: c, state, event }) => `Casus ${c} is ${state}: ${event} kan nu niet.`,
  "error.TeamChangeRefused": ({ case: c, mentor, reason }) =>
    `Teamwijziging op casus ${c} geweigerd voor ${mentor}: ${reason}.`,
  "error.IllegalMentorTransition": ({ mentor, state, event }) =>
    `Mentor ${mentor} is ${state}: ${event} kan nu niet.`,
  "error.IllegalMentorTransition.seated": ({ mentor, cases }) =>
    `${mentor} zit nog in het team van ${cases}: haal de mentor eerst uit die teams en laat hem of haar dan stoppen.`,
  "error.SessionRefused": ({ session, reason, mentor }) =>
    `Sessie ${session} is niet vastgelegd: ${reason}${mentor === "" ? "" : ` (${mentor})`}.`,
  "error.NotFound": ({ collection, id }) => `Geen ${collection} '${id}' gevonden.`,
  "collection.mentors": () => "mentor",
  "collection.cases": () => "casus",
  "collection.sessions": () => "sessie",
  "collection.intakes": () => "intake",
  "collection.decisions": () => "triagebesluit",
  "collection.referrals": () => "doorverwijzing",
  "collection.requests": () => "aanvraag",
  "collection.rounds": () => "koppelronde",
  "collection.settings": () => "programma",
  "collection.conflicts": () => "vastgelegd belangenconflict",
  "collection.consents": () => "antwoord op een voorstel",
  "collection.notifications": () => "herinnering",
  "notification.proposalToAnswer.subject": ({ case: c }) => `Doe je mee in het team van ${c}?`,
  "notification.proposalToAnswer.text": ({ mentor, case: c }) =>
    `Beste ${mentor}, je bent voorgesteld voor het team van ${c}. Zeg in de portal ja of nee, zodat het team kan beginnen.`,
  "notification.caseQuiet.subject": ({ case: c }) => `${c}: staat de vraag nog open?`,
  "notification.caseQuiet.text": ({ mentor, case: c, on }) =>
    `Beste ${mentor}, voor ${c} is sinds ${on} niets vastgelegd. Staat de vraag nog open? Leg de laatste sessie vast, of laat de programmamanager weten of de casus kan worden gesloten of gepauzeerd.`,
  "notification.ethicsExpiring.subject": ({ on }) => `Je ethische verklaring verloopt op ${on}`,
  "notification.ethicsExpiring.text": ({ mentor, on }) =>
    `Beste ${mentor}, je ethische verklaring verloopt op ${on}. Teken haar opnieuw bij de programmamanager; zonder verklaring word je niet voorgesteld voor nieuwe casussen.`,

  "error.IdempotencyConflict": ({ key }) => `Aanvraagsleutel '${key}' is eerder gebruikt met andere inhoud.`,
  "error.TeamRefused": ({ case: c, mentor, reason }) =>
    `Mentor ${mentor} kan nu niet bij casus ${c}: ${reason}.`,
  "error.ConsentRefused.notProposed": ({ case: c, mentor }) =>
    `Mentor ${mentor} staat niet in het voorgestelde team voor casus ${c}; het antwoord is niet vastgelegd.`,
  "error.ConsentRefused.noTeamWanted": ({ case: c }) =>
    `Casus ${c} is afgesloten; er is geen voorstel om op te antwoorden.`,
  "error.ConsentRefused.onBehalfNeedsReason": ({ mentor }) =>
    `Alleen ${mentor} kan zelf antwoorden; leg bij een antwoord namens de mentor vast hoe het gegeven is.`,
  "error.ConsentMissing": ({ case: c, mentors }) =>
    `Het team voor casus ${c} is nog een voorstel: ${nl_.list(mentors)} heeft nog geen ja gezegd.`,
  "error.VentureHasOpenCase": ({ intake, cases }) =>
    `De onderneming van intake ${intake} heeft al een lopende casus (${nl_.list(cases)}). Een tweede casus kan alleen als de programmamanager die met een reden bevestigt (een afwijkend besluit: aannemen).`,
  "error.StoreConflict": ({ collection, id }) =>
    `${collection} '${id}' is door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.`,
  "error.StoreUnavailable": ({ cause }) =>
    `De gegevensopslag van het programma is niet bereikbaar (${cause}); er is niets gewijzigd.`,
  "field.mentee.name": () => "Naam van de ondernemer",
  "field.mentee.email": () => "E-mailadres",
  "field.venture.name": () => "Naam van de onderneming",
  "field.venture.employees": () => "Aantal medewerkers",
  "field.venture.sector": () => "Sector",
  "field.venture.stage": () => "Fase van de onderneming",
  "field.venture.region": () => "Regio",
  "field.venture.registrationNumber": () => "KvK-nummer",
  "field.question.summary": () => "De vraag",
  "field.question.topics": () => "Thema's van de vraag",
  "field.urgency": () => "Urgentie",
  "field.consent.dataProcessing": () => "Toestemming voor gegevensverwerking",
  "field.minutes": () => "Duur in minuten",
  "field.on": () => "Datum",
  "field.mentors": () => "Aanwezige mentoren",
  "field.name": () => "Naam",
  "field.email": () => "E-mailadres",
  "field.capacity.maxCases": () => "Maximaal aantal casussen",
  "field.capacity.monthlyHours": () => "Uren per maand",
  "field.reason": () => "Reden",
  "field.outcome": () => "Uitkomst",
  "field.outcome.kind": () => "Uitkomst",
  "field.outcome.partnerId": () => "Partnerprogramma",
  "field.outcome.advice": () => "Advies",
  "field.text": () => "Zoektekst",
  "field.month": () => "Maand",
  "field.partnerId": () => "Partnerprogramma",
  "field.offset": () => "Vanaf",
  "field.limit": () => "Aantal per pagina",
  "field.id": () => "Kenmerk",
  "field.submittedAt": () => "Datum van aanmelding",
  "field.venture.id": () => "Kenmerk van de onderneming",
  "field.venture.innovative": () => "Innovatief",
  "field.venture.exportAmbition": () => "Exportambitie",
  "field.venture.founded": () => "Oprichtingsjaar",
  "field.venture.competitors": () => "Concurrenten",
  "field.venture.suppliers": () => "Leveranciers",
  "field.question.topics.topic": () => "Thema",
  "field.question.topics.weight": () => "Gewicht van het thema",
  "field.seeks": () => "Wat de ondernemer zoekt",
  "field.consent.shareWithPartners": () => "Toestemming om te delen met partnerprogramma's",
  "field.previousCaseId": () => "Eerdere casus",
  "field.expertise": () => "Expertise",
  "field.expertise.topic": () => "Thema van de expertise",
  "field.expertise.level": () => "Niveau van de expertise",
  "field.sectors": () => "Sectoren",
  "field.background": () => "Achtergrond",
  "field.leadQualified": () => "Geschikt als teamleider",
  "field.ethicsStatementSignedOn": () => "Datum van de ethische verklaring",
  "field.firm": () => "Bedrijf",
  "field.interests": () => "Interesses",
  "field.interests.kind": () => "Soort band",
  "field.interests.organisation": () => "Organisatie van de band",
  "field.state": () => "Status",
  "field.caseId": () => "Casus",
  "field.intakeId": () => "Intake",
  "field.mode": () => "Vorm van de sessie",
  "field.note": () => "Verslag",
  "field.noteAuthor": () => "Schrijver van het verslag",
  "field.menteePresent": () => "Ondernemer aanwezig",
  "field.preparationMinutes": () => "Voorbereiding in minuten",
  "field.travelMinutes": () => "Reistijd in minuten",
  "rule.blank": ({ field }) => `${field} mag niet leeg zijn`,
  "rule.twice": ({ field }) => `${field}: deze mentor staat twee keer in de import`,
  "rule.idTaken": ({ field }) =>
    `${field}: dit kenmerk hoort al bij een andere mentor (wijzig de gegevens van een mentor afzonderlijk)`,
  "rule.controlCharacters": ({ field }) => `${field} bevat stuurtekens`,
  "rule.notWellFormed": ({ field }) => `${field} bevat een teken dat niet te lezen is`,
  "rule.dateRange": ({ field }) => `${field} moet tussen 1900 en 2200 liggen`,
  "rule.uniqueTopics": ({ field }) => `${field}: elk thema mag één keer voorkomen`,
  "rule.registrationNumber": ({ field }) =>
    `${field} mag letters, cijfers, spaties, punten en streepjes bevatten (hoogstens 32)`,
  "rule.pauseOrder": ({ field }) => `${field}: een pauze moet eindigen na het begin`,
  "issue.pattern": ({ field }) => `${field} heeft niet de verwachte vorm`,
  "issue.required": ({ field }) => `${field} is verplicht`,
  "issue.input": () => "De invoer",
  "issue.email": ({ field }) => `${field} is geen geldig e-mailadres`,
  "issue.notAllowed": ({ field }) => `${field} heeft een waarde die niet is toegestaan`,
  "subject.IntakeRequest": () => "intake",
  "subject.Mentor": () => "mentor",
  "subject.Session": () => "sessie",
  "subject.ProgrammeProfile": () => "programmaprofiel",
  "subject.MatchingRound": () => "koppelronde",
  "subject.Venture": () => "onderneming",
  "subject.PartnerProgramme": () => "partnerprogramma",
  "subject.Referral": () => "doorverwijzing",
  "subject.TriageContext": () => "triagecontext",
  "subject.TriageDecision": () => "triagebesluit",
  "subject.TriageOverride": () => "afwijkend triagebesluit",
  "subject.AuditEntry": () => "auditregel",
  "subject.Id": () => "kenmerk",
  "subject.IntakeQuery": () => "zoekopdracht in de aanvragen",
  "subject.other": () => "gegevens",
  "issue.tooSmall.number": ({ field, minimum }) => `${field} moet ${minimum} of meer zijn`,
  "issue.tooSmall.string": ({ field, minimum }) => `${field} moet minstens ${minimum} tekens hebben`,
  "issue.tooSmall.array": ({ field, minimum }) => `${field}: minstens ${minimum} nodig`,
  "issue.tooBig.number": ({ field, maximum }) => `${field} moet ${maximum} of minder zijn`,
  "issue.tooBig.string": ({ field, maximum }) => `${field} mag hoogstens ${maximum} tekens hebben`,
  "issue.tooBig.array": ({ field, maximum }) => `${field}: hoogstens ${maximum}`,
  "issue.notANumber": ({ field }) => `${field} ontbreekt of is geen getal`,
  "issue.notText": ({ field }) => `${field} ontbreekt of is geen tekst`,
  "issue.notADate": ({ field }) => `${field} ontbreekt of is geen datum`,
  "issue.wrongKind": ({ field }) => `${field} ontbreekt of heeft een verkeerd soort waarde`,
  "issue.other": ({ field, detail }) => `${field}: ${detail}`,
  "refusal.team.notMatchable": () =>
    "nu niet in te zetten (niet actief, gepauzeerd of zonder geldige ethische verklaring)",
  "refusal.team.atCapacity": () => "geen ruimte meer (casussen of uren)",
  "refusal.team.conflictOfInterest": () => "een belangenconflict met de onderneming",
  "refusal.team.notLeadQualified": () => "niet gekwalificeerd als teamleider",
  "refusal.teamChange.notOnTeam": () => "zit niet in het team",
  "refusal.teamChange.alreadyOnTeam": () => "zit al in het team",
  "refusal.teamChange.leadTaken": () => "het team heeft al een teamleider",
  "refusal.teamChange.teamSize": () => "het team zou de verkeerde omvang krijgen",
  "refusal.teamChange.noLead": () => "het team zou geen teamleider hebben",
  "refusal.teamChange.historyFull": () => "de casus bewaart al zoveel teamwijzigingen als kan",
  "refusal.teamChange.recused": () =>
    "trok zich eerder terug uit deze casus (belangenconflict) en komt er niet terug",
  "refusal.session.inFuture": () =>
    "de datum ligt na vandaag; een sessie wordt vastgelegd nadat die plaatsvond",
  "refusal.session.caseNotRunning": () => "de casus loopt niet",
  "refusal.session.mentorNotOnTeam": () =>
    "een aanwezige mentor zat op die datum niet in het team van de casus",
  "refusal.session.noteAuthorNotAllowed": () =>
    "het verslag schrijft de teamleider of een mentor die de teamleider aanwees",
  "refusal.session.wrongCase": () => "de sessie noemt een andere casus",
  "refusal.session.noOneOffOffered": () => "de triage bood deze intake geen eenmalig gesprek aan",
  "event.teamConfirmed": () => "een team bevestigen",
  "event.paused": () => "pauzeren",
  "event.resumed": () => "hervatten",
  "event.mentorLeft": () => "een mentor die vertrekt",
  "event.mentorJoined": () => "een mentor die erbij komt",
  "event.leadHandedOver": () => "het teamleiderschap overdragen",
  "event.heldOver": () => "nog een keer plannen",
  "event.closed": () => "afsluiten",
  "mentorState.applicant": () => "aangemeld",
  "mentorState.active": () => "actief",
  "mentorState.paused": () => "gepauzeerd",
  "mentorState.retired": () => "gestopt",
  "mentorEvent.approved": () => "goedkeuren",
  "mentorEvent.paused": () => "pauzeren",
  "mentorEvent.resumed": () => "hervatten",
  "mentorEvent.retired": () => "laten stoppen",
  "mentorEvent.ethicsStatementSigned": () => "de ethische verklaring tekenen",
  "background.founder": () => "ondernemer",
  "background.corporate": () => "groot bedrijf",
  "background.finance": () => "financiën",
  "background.sales-marketing": () => "verkoop en marketing",
  "background.technology": () => "technologie",
  "background.professional-services": () => "zakelijke dienstverlening",
  "background.public-sector": () => "publieke sector",
  "interestKind.investment": () => "een investering",
  "interestKind.board": () => "een bestuursfunctie",
  "interestKind.employer": () => "werkgever",
  "interestKind.client": () => "klant",
  "interestKind.supplier": () => "leverancier",
  "interestKind.competitor": () => "concurrent",
  "interestKind.family": () => "familie",
  "proposal.title": ({ round }) => `Voorstel voor ${round} (een voorstel totdat de mentoren ja zeggen)`,
  "proposal.team": ({ case: c, lead, members }) => `${c}: ${lead} (teamleider), ${nl_.list(members)}`,
  "proposal.notStaffed": ({ cases }) => `Niet bemand: ${nl_.list(cases)}`,
  "proposal.certificate": ({ objective, bound, gap, method, scope, optimal }) =>
    `Doelwaarde ${nl_.h(objective)}, ${optimal === true ? "bewezen optimaal: geen bezetting van evenveel casussen scoort hoger" : `bewezen bovengrens ${nl_.h(bound)}, verschil hoogstens ${nl_.percent(gap)}`} (${method === "exact" ? "exact opgelost" : "stroomgrens en lokaal zoeken"}, ${scope === "allPairs" ? "over elk paar van mentor en casus" : "over de paren die per casus bewaard zijn"})`,
  "report.title": ({ programme, month }) => `${programme} — maandrapportage ${month}`,
  "report.mentors": ({ active, paused, atCapacity, overCommitted, ethicsExpired }) =>
    `Mentoren: ${active} actief (${atCapacity} zonder ruimte, ${overCommitted} overbelast, ${ethicsExpired} met een verlopen ethische verklaring), ${paused} gepauzeerd.`,
  "report.cases": ({ active, paused, awaiting, new: n }) =>
    `Casussen: ${active} actief, ${paused} gepauzeerd, ${awaiting} wachtend op het overleg, ${n} nieuw deze maand.`,
  "report.closed": ({ list }) => `Afgesloten deze maand: ${nl_.list(list)}.`,
  "report.belowMinimum": ({ cases }) =>
    `Teams onder hun omvang, vervanging in het volgende overleg: ${nl_.list(cases)}.`,
  "report.waitedPastMeeting": ({ count, days, cases }) =>
    `Aangenomen casussen die een overleg zonder team voorbij zagen gaan: ${nl_.n(count)} (de langste ${nl_.count(days, "dag", "dagen")} sinds aanname; er moet een besluit komen): ${nl_.list(cases)}.`,
  "report.intake": ({ requests, accept, refer, oneOff, notReady, overridden }) =>
    `Intake: ${nl_.count(requests, "aanvraag", "aanvragen")} — ${nl_.n(accept)} aangenomen, ${nl_.n(refer)} doorverwezen, ${nl_.count(oneOff, "eenmalig gesprek", "eenmalige gesprekken")}, ${nl_.n(notReady)} nog niet klaar (${nl_.count(overridden, "besluit", "besluiten")} gewijzigd door de programmamanager).`,
  "report.referrals": ({ list }) => `Doorverwijzingen per partner: ${nl_.list(list)}.`,
  "report.quota": ({ used, quota }) =>
    `Quotum van het mentorenoverleg: ${nl_.n(used)} van ${nl_.count(quota, "nieuwe casus", "nieuwe casussen")}.`,
  "report.consent": ({ yes, no, onBehalf }) =>
    `Antwoorden van mentoren op voorstellen: ${yes} ja, ${no} nee (${onBehalf} namens een mentor vastgelegd door de programmamanager).`,
  "report.hours": ({ hours, under, on, over, min, median, max, norm }) =>
    `Uren: ${hours} uur sparren deze maand. Tegen de norm van ${norm} uur per maand: ${under} onder, ${on} op, ${over} boven; voortschrijdende gemiddelden van ${min} tot ${max} uur (mediaan ${median}).`,
  "report.sessions": ({ case: c, oneOff, oneOffHours }) =>
    `Sessies: ${nl_.count(c, "sessie", "sessies")} met casussen, ${nl_.count(oneOff, "eenmalig gesprek", "eenmalige gesprekken")} (${oneOffHours} uur).`,
  "report.wait": ({ count, median, max }) =>
    `Van intake tot team: mediaan ${nl_.count(median, "dag", "dagen")}, langste ${nl_.count(max, "dag", "dagen")} (${nl_.count(count, "casus", "casussen")}).`,
  "report.nextMeetingOk": ({ spare, need, leads }) =>
    `Volgend mentorenoverleg: het netwerk kan het quotum bemannen (${nl_.count(spare, "vrije plaats", "vrije plaatsen")} voor ${nl_.n(need)} nodig, waarvan ${nl_.n(leads)} voor teamleiders).`,
  "report.nextMeetingShort": ({ spare, need, leads }) =>
    `Volgend mentorenoverleg: het netwerk kan het volle quotum niet bemannen (${nl_.count(spare, "vrije plaats", "vrije plaatsen")} voor ${nl_.n(need)} nodig, waarvan ${nl_.n(leads)} voor teamleiders).`,
  "report.shortTopics": ({ topics }) => `Tekort aan mentoren met ruimte voor: ${nl_.list(topics)}.`,
  "report.inactivity": ({ case: c, days }) =>
    `Casus ${c}: al ${nl_.count(days, "dag", "dagen")} geen sessie. Is de vraag nog open?`,
  "report.chartHours": () => "Uren per casus (voortschrijdend gemiddelde) tegen de norm",
  "report.chartCaseHours": ({ case: c }) => `Uren per maand voor ${c} tegen de norm`,
  "report.chartLoad": () => "Casussen per mentor tegen hun maximum",
  "chart.legend.under": () => "onder de norm",
  "chart.legend.on": () => "rond de norm",
  "chart.legend.over": () => "boven de norm",
  "chart.legend.norm": () => "norm (zwarte lijn)",
  "chart.legend.room": () => "ruimte voor meer",
  "chart.legend.full": () => "op het maximum",
  "chart.legend.overCommitted": () => "boven het maximum",
  "chart.legend.maximum": () => "maximum aantal casussen (zwarte lijn)",
  "chart.column.case": () => "Casus",
  "chart.column.mentor": () => "Mentor",
  "chart.column.month": () => "Maand",
  "chart.column.averageHours": () => "Uren per maand (voortschrijdend gemiddelde)",
  "chart.column.hours": () => "Uren",
  "chart.column.norm": () => "Norm",
  "chart.column.cases": () => "Casussen",
  "chart.column.maximum": () => "Maximum",
  "chart.column.status": () => "Stand",
  "unit.hours": () => "u",
  "closing.questionResolved": () => "vraag beantwoord",
  "closing.outgrown": () => "ontgroeid",
  "closing.referred": () => "doorverwezen",
  "closing.withdrew": () => "teruggetrokken",
  "closing.conflictOfInterest": () => "belangenconflict",
  "closing.inactive": () => "inactief",
  "closing.other": () => "anders",
};

export const catalogues: { readonly [L in Locale]: Catalogue } = { en, nl };

/**
 * Render one message in a locale.
 *
 * @example
 * message("nl", "quotaFull", { placesLeft: 0 });
 * // "Het volgende mentorenoverleg heeft nog 0 plaatsen, en we doen niet aan een wachtlijst."
 */
export function message<K extends MessageKey>(locale: Locale, key: K, params: MessageParams[K]): string {
  return catalogues[locale][key](params);
}
