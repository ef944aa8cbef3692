/**
 * venture-mentoring: run an entrepreneur mentoring programme on the MIT Venture Mentoring Service
 * model. This entry is the pure core: no I/O, no clock, no randomness, no database driver.
 *
 * @packageDocumentation
 */

export { type ErrorClass, errorClass } from "./error-class.js";
export type * from "./errors.js";
export {
  type CaseHours,
  caseHours,
  checkSession,
  type InactivityAlert,
  inactivityAlerts,
  type MentorHours,
  mayWriteNotes,
  mentorHours,
  type NormStatus,
  teamStart,
} from "./hours/budget.js";
export { roomForNewCases } from "./hours/capacity.js";
export { parseSession } from "./hours/parse-session.js";
export { type Session, type SessionMode, sessionHours, sessionModes } from "./hours/session.js";
export {
  belowMinimum,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  type ClosingReason,
  caseEventTypes,
  caseStates,
  closingReasons,
  completionEvents,
  currentTeam,
  type DepartureReason,
  type ExitFeedback,
  type HoldOverReason,
  holdOverReasons,
  MAX_MEMBERSHIPS,
  type Membership,
  type MentoringCase,
  mentorCaseCounts,
  openCase,
  transition,
} from "./lifecycle/case.js";
export { isDue, meetingsMissed } from "./lifecycle/due.js";
export {
  type BenefitKind,
  benefitKinds,
  type EthicsResolution,
  type EthicsViolation,
  ethicsResolutions,
  ethicsStatementCurrent,
  ethicsStatementExpires,
  type MentorEvent,
  type MentorEventType,
  mentorEventTypes,
  recordBenefit,
  transitionMentor,
} from "./lifecycle/mentor.js";
export {
  type CaseColumns,
  type CaseSearchHelpers,
  type CaseSearchJob,
  casesHelped,
  helpCaseSearch,
} from "./matching/case-search.js";
export { type ExactModel, exactModel } from "./matching/exact-model.js";
export {
  type Insertion,
  proposeInsertion,
  proposeReplacement,
  type Reassignment,
} from "./matching/insert-case.js";
export type { Exclusion } from "./matching/instance.js";
export {
  type MatchOptions,
  type MatchProgress,
  matchRound,
  parseMatchingRound,
} from "./matching/match-round.js";
export { prng } from "./matching/prng.js";
export {
  type Certificate,
  type Diagnosis,
  type DiagnosisData,
  type MatchingProposal,
  type NotChosenReason,
  type ProposalData,
  type ProposedMember,
  type ProposedTeam,
  type ProposedTeamData,
  proposalData,
  type TeamExplanation,
  type TeamExplanationData,
} from "./matching/proposal.js";
export {
  type ActiveCase,
  defaultWeights,
  type MatchingRound,
  type MatchingWeights,
  type Pin,
  type Preference,
  type RecordedConflict,
  type RoundCase,
  type RoundMentor,
  type RoundRules,
  roundRulesFromProfile,
} from "./matching/round.js";
export {
  type RuleViolation,
  type TeamRuleBreak,
  type TeamsToValidate,
  validateProposal,
} from "./matching/validate.js";
export {
  type Catalogue,
  catalogues,
  type MessageKey,
  type MessageParams,
  message,
} from "./messages/catalogue.js";
export { describeError, describeIssue, fieldLabel } from "./messages/describe-error.js";
export { describeNotification, type NotificationText } from "./messages/describe-notification.js";
export { describeOutcome, describeReason } from "./messages/describe-outcome.js";
export { describeDiagnosis, describeTeam, idsOnly, type Naming } from "./messages/describe-proposal.js";
export {
  formatCount,
  formatDate,
  formatHours,
  formatList,
  formatMonth,
  formatNumber,
  formatPercent,
} from "./messages/format.js";
export type * from "./model/brand.js";
export { limits } from "./model/common.js";
export { addMonths, daysBetween, type MonthKey, monthKey } from "./model/dates.js";
export {
  caseId,
  intakeId,
  mentorId,
  partnerId,
  referralId,
  ruleId,
  sectorId,
  sessionId,
  topicId,
  ventureId,
} from "./model/ids.js";
export type {
  Consent,
  IntakeRequest,
  Mentee,
  QuestionTopic,
  Seeking,
  TopicWeight,
  Urgency,
} from "./model/intake.js";
export { seekings, urgencies } from "./model/intake.js";
export type {
  Background,
  DeclaredInterest,
  EthicsHold,
  Expertise,
  ExpertiseLevel,
  InterestKind,
  Mentor,
  MentorState,
  Pause,
} from "./model/mentor.js";
export { backgrounds, interestKinds, mentorStates } from "./model/mentor.js";
export {
  customiseProfile,
  type Overrides,
  parseIntake,
  parseManagerOverride,
  parseMentor,
  parsePartnerProgramme,
  parseProfile,
  parseReferral,
  parseTriageContext,
  parseTriageDecision,
  parseVenture,
  serialise,
} from "./model/parsers.js";
export type { FollowUpStatus, PartnerProgramme, Referral } from "./model/partner.js";
export { followUpStatuses } from "./model/partner.js";
export { friesland } from "./model/presets/friesland.js";
export { vms } from "./model/presets/vms.js";
export type { Label, Locale, ProgrammeProfile } from "./model/profile.js";
export { locales } from "./model/profile.js";
export type {
  AdviceCode,
  BuiltInReasonCode,
  FiredRule,
  ManagerOverride,
  OverrideInput,
  PartnerMatch,
  RuleReasonCode,
  TriageCondition,
  TriageContext,
  TriageDecision,
  TriageOutcome,
  TriageOutcomeKind,
  TriageOverride,
  TriageReason,
  TriageReasonCode,
  TriageRule,
} from "./model/triage.js";
export { adviceCodes, builtInReasonCodes, ruleReasonCodes } from "./model/triage.js";
export type { ExportAmbition, Venture, VentureStage } from "./model/venture.js";
export { exportAmbitions, normaliseVentureName, ventureKeys, ventureStages } from "./model/venture.js";
export {
  casesDue,
  type DueCase,
  dueAmong,
  holdOver,
  meetingDates,
  roundsBetween,
} from "./programme/cases-due.js";
export { type ChangeTeamError, changeTeam, type TeamChange } from "./programme/change-team.js";
export { closeCase } from "./programme/close-case.js";
export { type ConfirmTeamError, confirmTeam } from "./programme/confirm-team.js";
export {
  type AnswerOutcome,
  type AnswerProposalError,
  answerProposal,
  awaitingConsent,
  type ProposalAnswer,
  proposeReplacementFor,
} from "./programme/consent.js";
export { type Actor, type ProgrammeContext, required } from "./programme/context.js";
export { type DecideTriageError, decideTriage, triageContext } from "./programme/decide-triage.js";
export { recordConflict, recordEthicsViolation, resolveEthicsHold } from "./programme/ethics.js";
export {
  findIntakes,
  type IntakeList,
  type IntakeListItem,
  type IntakeOutcomeFilter,
  type IntakeQuery,
  intakeOutcomeFilters,
  intakeQuerySchema,
  MAX_INTAKE_PAGE,
} from "./programme/find-intakes.js";
export { followUpReferral } from "./programme/follow-up-referral.js";
export { logSession } from "./programme/log-session.js";
export {
  changeMentorStanding,
  type MentorStanding,
  type MentorStandingError,
} from "./programme/mentor-standing.js";
export {
  type DueNotification,
  markNotificationsSent,
  type NotificationInput,
  notificationsDue,
  pendingNotifications,
  type QueuedNotifications,
  queueNotifications,
} from "./programme/notifications.js";
export { type PauseError, pauseCase, resumeCase } from "./programme/pause-case.js";
export {
  ERASED,
  erasePerson,
  erasureActions,
  exportPerson,
  type Person,
  type PersonExport,
  type Purge,
  purgeExpired,
} from "./programme/person-data.js";
export { planRound, type RoundHands } from "./programme/plan-round.js";
export { initProgramme, openProgramme } from "./programme/programme.js";
export { programmeReport } from "./programme/programme-report.js";
export { type MentorImport, registerMentor, registerMentors } from "./programme/register-mentor.js";
export { linkPreviousCase, type SeenBefore, seenBefore } from "./programme/returning.js";
export { type SubmittedIntake, submitIntake } from "./programme/submit-intake.js";
export { type MonthlyReport, monthlyReport, type ProgrammeSnapshot } from "./reports/monthly-report.js";
export {
  type Chart,
  type ChartRow,
  caseHoursChart,
  hoursChart,
  loadChart,
  renderCaseHoursChart,
  renderChart,
  renderChartTable,
  renderHoursChart,
  renderLoadChart,
  renderReportMarkdown,
} from "./reports/render.js";
export * from "./schemas.js";
export { decodeAuditEntry, decodeDocument } from "./store/codecs.js";
export type {
  AuditEntry,
  Collection,
  ConflictReason,
  ConflictRecord,
  ConsentAnswer,
  ConsentRecord,
  Documents,
  NotificationKind,
  NotificationRecord,
  OnBehalfReason,
  Page,
  PageQuery,
  ProgrammeSettings,
  ProgrammeStore,
  RequestRecord,
  StoreConflict,
  StoredRound,
  StoreError,
  StoreReader,
  StoreUnavailable,
  StoreWriter,
  Versioned,
  VersionQuery,
} from "./store/contract.js";
export {
  collections,
  conflictId,
  conflictReasons,
  consentAnswers,
  consentId,
  notificationKinds,
  onBehalfReasons,
} from "./store/contract.js";
export {
  DEFAULT_PROGRAMME,
  documentId,
  type IndexEntry,
  type IndexedCollection,
  type Indexes,
  type IndexName,
  indexEntries,
  indexes,
  isIndex,
  isProgrammeId,
  MAX_PAGE_SIZE,
  pageSize,
  scanningQueries,
} from "./store/indexes.js";
export { createReferral, recordReferralFollowUp } from "./triage/create-referral.js";
export { evaluateTriage, type TriageInput } from "./triage/evaluate-triage.js";
export { overrideTriage } from "./triage/override-triage.js";
export { rankPartners } from "./triage/rank-partners.js";
