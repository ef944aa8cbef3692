/**
 * The examples' own user-facing texts (the command line and the portal), in one place, in English
 * and Dutch. The library's texts — reasons, errors, reports — come from its catalogue
 * (`message`, `describeError`); these are only the words around them.
 */
import { formatCount, type Locale } from "venture-mentoring";

/** Why a CSV file could not be read, as the CLI says it. */
export type CsvTrouble = "quote" | "fields" | "other";

/** A count with its noun in the right number, for each language. */
const countEn = (n: number, one: string, other: string) => formatCount("en", n, one, other);
const countNl = (n: number, one: string, other: string) => formatCount("nl", n, one, other);

const en = {
  "cli.initialised": (p: { programme: string; db: string }) =>
    `Programme '${p.programme}' started in ${p.db}.`,
  "cli.alreadyInitialised": (p: { db: string; programme: string }) =>
    `${p.db} already holds the programme '${p.programme}'; nothing changed.`,
  "cli.notInitialised": (p: { db: string }) =>
    `${p.db} holds no programme yet. Start one with: vmentor init --profile friesland --db ${p.db}`,
  "cli.mentorRegistered": (p: { id: string; name: string }) => `Mentor ${p.id} (${p.name}) registered.`,
  "cli.mentorsImported": (p: { count: number; alreadyThere: string }) =>
    `${countEn(p.count, "mentor", "mentors")} imported.${p.alreadyThere === "" ? "" : ` Already there, left as they are: ${p.alreadyThere}.`}`,
  "cli.importRow": (p: { row: number; total: number }) => `importing row ${p.row} of ${p.total}`,
  "cli.importing": (p: { count: number }) => `checking and importing ${countEn(p.count, "row", "rows")}…`,
  "cli.importFailed": (p: { row: number; message: string }) =>
    `Row ${p.row}: ${p.message}. Nothing was imported.`,
  "cli.intakeSubmitted": (p: { id: string; replayed: boolean }) =>
    p.replayed ? `Intake ${p.id} was already submitted; nothing changed.` : `Intake ${p.id} submitted.`,
  "cli.seenBefore": (p: { id: string; closed: string; open: string }) =>
    `This venture was here before.${p.closed === "" ? "" : ` Earlier case${p.closed.includes(",") ? "s" : ""}: ${p.closed} — link the latest: vmentor intake link ${p.id} ${p.closed.split(", ")[0]}.`}${p.open === "" ? "" : ` Still open: ${p.open} — a second case needs the manager's confirmation (vmentor triage --override accept).`}`,
  "cli.replacement": (p: { caseId: string; team: string }) =>
    `Proposed team for ${p.caseId}: ${p.team}. Ask the newcomer; on a yes: vmentor case join ${p.caseId} <mentor> --on-behalf saidByPhone.`,
  "cli.noReplacement": (p: { caseId: string; why: string }) =>
    `No mentor can take the open seat of ${p.caseId} now.${p.why === "" ? "" : ` ${p.why}`}`,
  "cli.linked": (p: { id: string; caseId: string }) =>
    `Intake ${p.id} is linked to the earlier case ${p.caseId}: its mentors keep their continuity.`,
  "cli.caseOpened": (p: { caseId: string }) =>
    `Case ${p.caseId} opened; it goes to the next mentors' meeting.`,
  "cli.referralMade": (p: { referralId: string }) => `Referral ${p.referralId} recorded.`,
  "cli.planning": (p: { round: string }) => `planning ${p.round}…`,
  "cli.teamConfirmed": (p: { caseId: string; team: string }) => `Team confirmed: ${p.team}.`,
  "cli.teamAlreadyConfirmed": (p: { caseId: string; team: string }) =>
    `Already confirmed, nothing changed: ${p.team}.`,
  "cli.noProposal": (p: { round: string }) =>
    `No planned round '${p.round}'. Plan it first: vmentor round plan`,
  "cli.sessionLogged": (p: { id: string; minutes: number; caseId: string }) =>
    `Session ${p.id} (${p.minutes} min) logged for ${p.caseId}.`,
  "cli.caseClosed": (p: { caseId: string; reason: string }) => `Case ${p.caseId} closed (${p.reason}).`,
  "cli.caseState": (p: { caseId: string; state: string }) => `Case ${p.caseId} is ${p.state} now.`,
  "cli.dueNone": () => "No decisions due: every accepted case has a place at the next meeting.",
  "cli.ethicsHold": (p: { mentorId: string; cases: string }) =>
    `${p.mentorId} is not matchable until the benefit is resolved (vmentor mentor resolve).${p.cases === "" ? "" : ` Review their running cases: ${p.cases}.`}`,
  "cli.ethicsResolved": (p: { mentorId: string }) => `${p.mentorId} is matchable again.`,
  "cli.conflictRecorded": (p: { mentorId: string; ventureId: string; cases: string }) =>
    `${p.mentorId} is kept off ${p.ventureId}'s team.${p.cases === "" ? "" : ` They are on its running case ${p.cases}: decide whether they step off (vmentor case leave --reason recused).`}`,
  "cli.dueCase": (p: { caseId: string; intakeId: string; meetings: number; since: string; why: string }) =>
    `${p.caseId} (intake ${p.intakeId}): accepted ${p.since}, waited through ${countEn(p.meetings, "meeting", "meetings")} without a team${p.why === "" ? "" : ` — ${p.why}`}. Plan it once more (vmentor case hold), offer a one-off conversation or refer it (vmentor triage --override).`,
  "cli.answered": (p: { caseId: string; mentorId: string; answer: string; team: string; waiting: string }) =>
    `${p.mentorId} said ${p.answer} to ${p.caseId}.${p.team === "" ? (p.answer === "no" ? " No other mentor can take the seat: the case is unstaffed in this round." : "") : ` Proposed team now: ${p.team}.`}${p.waiting === "" ? " Everyone said yes: the team can be confirmed." : ` Waiting for: ${p.waiting}.`}`,
  "cli.heldOver": (p: { caseId: string }) =>
    `${p.caseId} is planned once more: it has a place at the next meeting.`,
  "cli.teamChanged": (p: { caseId: string; team: string; short: boolean }) =>
    `Team of ${p.caseId} now: ${p.team}.${p.short ? " A seat is open: the next round proposes a replacement." : ""}`,
  "cli.erased": (p: { documents: number }) =>
    `Personal data erased from ${countEn(p.documents, "document", "documents")}.`,
  "cli.purged": (p: { intakes: number; documents: number; months: number }) =>
    `Retention (${countEn(p.months, "month", "months")}): mentee data of ${countEn(p.intakes, "intake", "intakes")} erased from ${countEn(p.documents, "document", "documents")}.`,
  "cli.purgeDry": (p: { intakes: number; documents: number; months: number }) =>
    `Retention (${countEn(p.months, "month", "months")}): mentee data of ${countEn(p.intakes, "intake", "intakes")} would be erased from ${countEn(p.documents, "document", "documents")}. Nothing changed.`,
  "cli.demoMonth": (p: { month: string; active: number; intakes: number; hours: string }) =>
    `${p.month}: ${countEn(p.active, "active case", "active cases")}, ${countEn(p.intakes, "intake", "intakes")}, ${p.hours} session hours`,
  "cli.demoYear": (p: {
    mentors: number;
    intakes: number;
    teams: number;
    sessions: number;
    closed: number;
    conflicts: number;
    recusals: number;
    declines: number;
    gifts: number;
    returning: number;
    unstaffed: number;
  }) =>
    `The year: ${countEn(p.mentors, "mentor", "mentors")}, ${countEn(p.intakes, "intake", "intakes")}, ${countEn(p.teams, "team", "teams")} confirmed, ${countEn(p.sessions, "session", "sessions")}, ${countEn(p.closed, "case", "cases")} closed. Handled along the way: ${countEn(p.conflicts, "conflict of interest", "conflicts of interest")} recorded, ${countEn(p.recusals, "recusal", "recusals")} with the seat filled, ${countEn(p.declines, "proposal", "proposals")} declined, ${countEn(p.gifts, "gift", "gifts")} recorded and resolved, ${countEn(p.returning, "returning venture", "returning ventures")}, ${countEn(p.unstaffed, "case", "cases")} a meeting could not staff (each decided).`,
  "cli.demoNotEmpty": (p: { db: string }) =>
    `${p.db} already holds a programme; the demo needs an empty store.`,
  "cli.demoFailed": (p: { step: string; message: string }) => `The demo stopped at ${p.step}: ${p.message}`,
  "cli.unreadable": (p: { path: string; code: string }) => `Cannot read ${p.path} (${p.code}).`,
  "cli.badJson": (p: { path: string; line: number }) =>
    `${p.path} is not valid JSON${p.line > 0 ? ` (line ${p.line})` : ""}.`,
  "cli.badCsv": (p: { path: string; line: number; why: CsvTrouble }) =>
    `${p.path} is not valid CSV${p.line > 0 ? ` (line ${p.line})` : ""}: ${
      p.why === "quote"
        ? "a quotation mark is not closed"
        : p.why === "fields"
          ? "a row has another number of fields than the header"
          : "it cannot be read as a table"
    }.`,
  "cli.badArgument": (p: { option: string; value: string; allowed: string }) =>
    `${p.option}: '${p.value}' is not allowed here; expected ${p.allowed}.`,
  "cli.seeHelp": () => "(vmentor help <command> lists its options)",
  "cli.progress": (p: {
    seconds: string;
    stage: string;
    staffed: number;
    cases: number;
    objective: string;
    gap: string;
  }) =>
    `${p.seconds} s · ${p.stage}: ${p.staffed} of ${countEn(p.cases, "case", "cases")} staffed, objective ${p.objective}` +
    (p.gap === "" ? "" : `, at most ${p.gap} % below the optimum`),
  "cli.stage.staffing": () => "staffing flow",
  "cli.stage.search": () => "local search",
  "cli.stage.certificate": () => "certificate",
  "cli.stage.restaffing": () => "staffed again near the bound's teams",
  "cli.stage.proof": () => "searched every staffing the bound leaves open",
  "cli.stage.perturbation": (p: { done: number; of: number }) =>
    `perturbed search ${p.done} of at most ${p.of}`,
  "cli.allowed.oneOf": (p: { values: string }) => `one of ${p.values}`,
  "cli.allowed.month": () => "a month as YYYY-MM, such as 2026-11",
  "cli.allowed.pin": () => "case:mentor, such as case-001:mentor-07",
  "cli.allowed.positive": () => "a whole number of 1 or more",
  "cli.allowed.whole": () => "a whole number of 0 or more",
  "cli.allowed.share": () => "a share from 0 to 1, such as 0.003 for 0.3 %",
  "cli.internal": (p: { detail: string }) => `Internal error: ${p.detail} (run with --debug for details).`,
  "cli.storeUnavailable": (p: { db: string; cause: string }) => `Cannot open ${p.db}: ${p.cause}`,
  "walkthrough.heading": (p: { programme: string; month: string; places: number }) =>
    `${p.programme} — intake ${p.month}\n${countEn(p.places, "place", "places")} at next month's mentors' meeting\n`,
  "walkthrough.placesLeft": (p: { places: number }) => `${countEn(p.places, "place", "places")} left.`,
  "portal.title": () => "Mentoring portal",
  "portal.signIn": () => "Sign in",
  "portal.signOut": () => "Sign out",
  "portal.signInAs": () => "Sign in as",
  "portal.signInNotSetUp": () =>
    "Sign-in is not set up for this portal yet. Ask whoever runs it to connect your organisation's sign-in.",
  "portal.signInUnknown": () =>
    "Your organisation's sign-in does not name a programme manager or mentor of this programme.",
  "portal.signedInAs": (p: { name: string }) => `Signed in as ${p.name}`,
  "portal.nav.intake": () => "Intake",
  "portal.nav.board": () => "Meeting board",
  "portal.nav.cases": () => "Cases",
  "portal.nav.mentors": () => "Mentors",
  "portal.nav.report": () => "Report",
  "portal.nav.myCases": () => "My cases",
  "portal.intake.heading": () => "New intake",
  "portal.intake.submit": () => "Submit and triage",
  "portal.intake.mentee": () => "Mentee name",
  "portal.intake.email": () => "Mentee e-mail",
  "portal.intake.venture": () => "Venture",
  "portal.intake.registrationNumber": () => "KvK number (optional)",
  "portal.returning.seen": (p: { intakes: number }) =>
    `This venture was here before (${p.intakes === 1 ? "one earlier intake" : `${p.intakes} earlier intakes`}).`,
  "portal.returning.closed": () => "Earlier cases",
  "portal.returning.open": () =>
    "Still open — a second case needs your confirmation (decide otherwise: accept, with a reason)",
  "portal.returning.linked": (p: { caseId: string }) =>
    `Linked to the earlier case ${p.caseId}: its mentors keep their continuity.`,
  "portal.returning.link": () => "Follows on the earlier case",
  "portal.returning.linkButton": () => "Link",
  "portal.intake.sector": () => "Sector",
  "portal.intake.stage": () => "Stage",
  "portal.intake.employees": () => "Employees",
  "portal.intake.region": () => "Region",
  "portal.intake.exportAmbition": () => "Export ambition",
  "portal.intake.innovative": () => "Innovative",
  "portal.intake.question": () => "The question",
  "portal.intake.mainTopic": () => "Main topic",
  "portal.intake.otherTopic": () => "Second topic",
  "portal.intake.urgency": () => "Urgency",
  "portal.intake.seeks": () => "The entrepreneur asks for",
  "portal.intake.seeks.sparring": () => "sparring partners who help decide",
  "portal.intake.seeks.workDone": () => "someone to do the work (a plan written, the books done)",
  "portal.intake.consentData": () => "Consents to processing of their data",
  "portal.intake.consentPartners": () => "Consents to sharing with partner programmes",
  "portal.intake.list": () => "Intakes",
  "portal.intake.searchText": () => "Venture, mentee, e-mail or KvK number",
  "portal.intake.anyOutcome": () => "any outcome",
  "portal.intake.undecided": () => "not decided yet",
  "portal.intake.anyPartner": () => "any partner programme",
  "portal.intake.anyMonth": () => "Month (empty: every month)",
  "portal.intake.found": (p: { count: number; from: number; to: number }) =>
    p.count === 0
      ? "No intakes found."
      : `${countEn(p.count, "intake", "intakes")} found; ${p.from}–${p.to} shown.`,
  "portal.intake.date": () => "Date",
  "portal.search": () => "Search",
  "portal.previous": () => "Previous",
  "portal.next": () => "Next",
  "portal.csv": () => "Download as CSV",
  "portal.decision.heading": (p: { venture: string }) => `Triage: ${p.venture}`,
  "portal.decision.reasons": () => "Reasons",
  "portal.decision.override": () => "Override the decision",
  "portal.decision.outcome": () => "Outcome",
  "portal.decision.partner": () => "Partner programme",
  "portal.decision.advice": () => "Advice",
  "portal.decision.overrideReason": () => "Why (recorded)",
  "portal.decision.overridden": (p: { by: string }) => `Overridden by ${p.by}`,
  "portal.decision.case": (p: { caseId: string }) => `Case ${p.caseId} waits for the mentors' meeting.`,
  "portal.board.heading": (p: { round: string }) => `Mentors' meeting ${p.round}`,
  "portal.board.plan": () => "Plan the round",
  "portal.board.replan": () => "Re-plan with these choices",
  "portal.board.confirm": () => "Confirm team",
  "portal.board.pin": () => "Pin",
  "portal.board.exclude": () => "Exclude",
  "portal.board.waiting": (p: { count: number }) =>
    `${countEn(p.count, "case waits", "cases wait")} for a team.`,
  "portal.board.nothing": () => "No case waits for a team.",
  "portal.board.due": () => "Decisions due: accepted cases a meeting could not staff",
  "portal.board.dueWhy": (p: { meetings: number }) =>
    p.meetings === 1 ? "One meeting passed without a team." : `${p.meetings} meetings passed without a team.`,
  "portal.board.holdReason": () => "Plan once more, because",
  "portal.board.hold": () => "Plan at the next meeting",
  "portal.board.dueDecide": () => "or offer a one-off conversation or a referral",
  "portal.hold.mentorExpected": () => "a suitable mentor is expected back",
  "portal.hold.menteeAgreed": () => "the entrepreneur agreed to wait one more meeting",
  "portal.hold.other": () => "another reason",
  "portal.board.confirmed": (p: { caseId: string }) => `Team for ${p.caseId} confirmed.`,
  "portal.team.heading": () => "Change the team",
  "portal.team.short": () => "A seat is open: the next meeting proposes a replacement, or name one here.",
  "portal.oneOff.heading": () => "Record the one-off conversation",
  "portal.oneOff.record": () => "Record the conversation",
  "portal.team.suggested": (p: { mentors: string }) =>
    `The engine proposes for the open seat: ${p.mentors}. Ask them; when they say yes, let them join below.`,
  "portal.team.leave": () => "Mentor who leaves",
  "portal.team.why": () => "Why",
  "portal.team.steppedOff": () => "steps off",
  "portal.team.recused": () => "recused (a conflict of interest)",
  "portal.team.leaveButton": () => "Leaves the team",
  "portal.team.join": () => "Mentor who joins (said yes)",
  "portal.team.role": () => "Role",
  "portal.team.member": () => "member",
  "portal.team.joinButton": () => "Joins the team",
  "portal.team.lead": () => "New lead",
  "portal.team.leadButton": () => "Hand over the lead",
  "portal.ethics.status": () => "Matching",
  "portal.ethics.held": (p: { kind: string; on: string }) =>
    `suspended: ${p.kind} recorded ${p.on}, until resolved`,
  "portal.ethics.expired": () => "suspended: ethics statement expired",
  "portal.ethics.heading": () => "Ethics and conflicts of interest",
  "portal.ethics.resolution": () => "Resolved how",
  "portal.ethics.resolution.benefitReturned": () => "the benefit was returned",
  "portal.ethics.resolution.noBenefit": () => "it was no benefit after all",
  "portal.ethics.resolution.other": () => "otherwise",
  "portal.ethics.resolve": () => "Resolve: matchable again",
  "portal.ethics.benefit": () => "Record a benefit a mentor received from a venture",
  "portal.ethics.conflict": () => "Record a conflict of interest",
  "portal.ethics.mentor": () => "Mentor",
  "portal.ethics.case": () => "Venture (by its case)",
  "portal.ethics.kind": () => "What",
  "portal.ethics.kind.compensation": () => "compensation",
  "portal.ethics.kind.gift": () => "a gift",
  "portal.ethics.kind.fee": () => "a fee",
  "portal.ethics.kind.equity": () => "equity",
  "portal.ethics.reason": () => "Why",
  "portal.ethics.reason.family": () => "family or friendship",
  "portal.ethics.reason.business": () => "a business tie",
  "portal.ethics.reason.other": () => "another reason",
  "portal.ethics.record": () => "Record",
  "portal.consent.heading": () => "Answers of the proposed mentors",
  "portal.consent.yes": () => "said yes",
  "portal.consent.no": () => "said no",
  "portal.consent.none": () => "no answer yet",
  "portal.consent.record": () => "Record an answer for",
  "portal.consent.answer": () => "Answer",
  "portal.consent.how": () => "How the mentor answered",
  "portal.consent.save": () => "Record answer",
  "portal.consent.saidAtMeeting": () => "at the meeting",
  "portal.consent.saidByPhone": () => "by phone",
  "portal.consent.saidInWriting": () => "in writing",
  "portal.consent.other": () => "otherwise",
  "portal.consent.answerYes": () => "Yes",
  "portal.consent.answerNo": () => "No",
  "portal.my.proposed": () => "Proposed to you",
  "portal.my.proposedNone": () => "No team is proposed to you right now.",
  "portal.my.proposedCase": (p: { venture: string; caseId: string; team: string }) =>
    `${p.venture} (${p.caseId}), with ${p.team}.`,
  "portal.my.yes": () => "Yes, I take part",
  "portal.my.no": () => "No, not this case",
  "portal.my.answered": (p: { answer: string }) => `Your answer: ${p.answer}.`,
  "portal.case.heading": (p: { caseId: string; venture: string }) => `${p.venture} (${p.caseId})`,
  "portal.case.team": () => "Team",
  "portal.case.sessions": () => "Sessions",
  "portal.case.log": () => "Log a session",
  "portal.case.on": () => "Date",
  "portal.case.minutes": () => "Minutes",
  "portal.case.mode": () => "Mode",
  "portal.case.present": () => "Mentors present",
  "portal.case.hours": () => "Hours against the norm",
  "portal.case.state": (p: { state: string }) => `State: ${p.state}`,
  "portal.case.none": () => "No sessions yet.",
  "portal.month": () => "Month",
  "portal.show": () => "Show",
  "portal.case.manage": () => "Manage the case",
  "portal.case.pause": () => "Pause (the team stays)",
  "portal.case.resume": () => "Resume",
  "portal.case.close": () => "Close the case",
  "portal.case.closeReason": () => "Why it ends",
  "portal.case.feedbackMentee": () => "Looking back: the entrepreneur (optional)",
  "portal.case.feedbackTeam": () => "Looking back: the team (optional)",
  "portal.case.done": () => "Saved.",
  "portal.case.leadLogs": (p: { lead: string }) =>
    `Sessions are logged by the team lead, ${p.lead}, who writes the notes.`,
  "portal.case.logged": () => "Session logged.",
  "portal.mentors.heading": () => "Mentors and their load",
  "portal.mentors.cases": () => "Cases",
  "portal.mentors.hours": () => "Hours this month",
  "portal.mentors.lead": () => "Lead mentor",
  "portal.mentors.add": () => "Add a mentor",
  "portal.mentors.import": () => "Import mentors from a CSV file",
  "portal.mentors.page": (p: { name: string }) => `Mentor: ${p.name}`,
  "portal.mentors.id": () => "Identifier (e.g. mentor-31; cannot change later)",
  "portal.mentors.state": () => "Standing",
  "portal.mentors.level.0": () => "—",
  "portal.mentors.level.1": () => "1 · working knowledge",
  "portal.mentors.level.2": () => "2 · experienced",
  "portal.mentors.level.3": () => "3 · has done it many times",
  "portal.mentors.intakeLead": () => "Joins intakes with the programme manager",
  "portal.mentors.interestOrg": () => "Organisation",
  "portal.mentors.save": () => "Save",
  "portal.mentors.saved": () => "Saved.",
  "portal.mentors.standing": () => "Standing and ethics statement",
  "portal.mentors.pausedUntil": (p: { until: string }) =>
    p.until === "" ? "paused until further notice" : `paused until ${p.until}`,
  "portal.mentors.signedOn": (p: { on: string }) => `Ethics statement signed on ${p.on}.`,
  "portal.mentors.until": () => "Until (empty: until further notice)",
  "portal.mentors.step.approved": () => "Approve",
  "portal.mentors.step.paused": () => "Pause",
  "portal.mentors.step.resumed": () => "Resume",
  "portal.mentors.step.retired": () => "Retire",
  "portal.mentors.step.ethicsStatementSigned": () => "Record the ethics statement signed on",
  "portal.mentors.toReview": (p: { cases: string }) => `Done. Their running cases, to look at: ${p.cases}.`,
  "portal.mentors.myHours": (p: { logged: string; offered: string; cases: number; maxCases: number }) =>
    `This month ${p.logged} h logged of the ${p.offered} h a month offered; ${p.cases} of at most ${countEn(p.maxCases, "case", "cases")}.`,
  "portal.import.paste": () => "Paste the CSV here; its first row names the columns",
  "portal.import.file": () => "or choose a file",
  "portal.import.preview": () => "Check first",
  "portal.import.confirm": (p: { count: number }) => `Import ${countEn(p.count, "mentor", "mentors")}`,
  "portal.import.row": () => "Row",
  "portal.import.ok": () => "ready to import",
  "portal.import.there": () => "already there; left as it is",
  "portal.import.rowErrors": (p: { count: number }) =>
    `${countEn(p.count, "row needs", "rows need")} fixing; nothing has been imported. Correct the file and check again.`,
  "portal.import.badCsv": (p: { line: number }) =>
    `The file cannot be read as CSV (line ${p.line}): check the quotes and the number of fields.`,
  "portal.import.done": (p: { imported: number; there: number }) =>
    `${countEn(p.imported, "mentor", "mentors")} imported${p.there === 0 ? "" : `; ${countEn(p.there, "was", "were")} there already and left as ${p.there === 1 ? "it was" : "they were"}`}.`,
  "portal.mentors.unsigned": () => "No ethics statement signed: not proposed for cases until it is.",
  "portal.mentors.details": () => "Details",
  "portal.nav.outbox": () => "Reminders",
  "portal.outbox.heading": () => "Reminders to send",
  "portal.outbox.explain": () =>
    "Mentors who have a proposal to answer, leads of cases that have been quiet too long, and mentors whose ethics statement is about to expire get a reminder. Each is queued once, and withdrawn when it is no longer due.",
  "portal.outbox.queue": () => "Queue what is due today",
  "portal.outbox.pending": (p: { count: number }) =>
    p.count === 0 ? "Nothing to send." : `${countEn(p.count, "reminder", "reminders")} to send.`,
  "portal.outbox.to": (p: { name: string }) => `To ${p.name}`,
  "portal.outbox.noEmail": () => "no e-mail address on file: reach them another way",
  "portal.outbox.noMail": () =>
    "No mail server is set up for this portal: send the texts yourself, then mark them as sent.",
  "portal.outbox.mark": () => "Mark all as sent",
  "portal.outbox.send": () => "Send by e-mail",
  "portal.outbox.sent": (p: { count: number; failed: number }) =>
    `${countEn(p.count, "reminder", "reminders")} sent.${p.failed === 0 ? "" : ` ${countEn(p.failed, "could not be sent", "could not be sent")}; they stay in the outbox.`}`,
  "portal.outbox.queued": (p: { count: number; withdrawn: number }) =>
    `${countEn(p.count, "reminder", "reminders")} queued, ${countEn(p.withdrawn, "withdrawn", "withdrawn")} (no longer due).`,
  "portal.my.standing": () => "My hours and ethics statement",
  "portal.my.validUntil": (p: { on: string }) => `It holds until ${p.on}.`,
  "portal.audit.action.answerProposal": () => "answered a proposal",
  "portal.audit.action.changeMentorStanding": () => "changed a mentor's standing",
  "portal.audit.action.closeCase": () => "closed a case",
  "portal.audit.action.confirmTeam": () => "confirmed a team",
  "portal.audit.action.erasePerson": () => "erased personal data",
  "portal.audit.action.followUpReferral": () => "followed up a referral",
  "portal.audit.action.holdOver": () => "held a case over to the next meeting",
  "portal.audit.action.initProgramme": () => "set up the programme",
  "portal.audit.action.linkPreviousCase": () => "linked an earlier case",
  "portal.audit.action.logSession": () => "logged a session",
  "portal.audit.action.pauseCase": () => "paused a case",
  "portal.audit.action.resumeCase": () => "resumed a case",
  "portal.audit.action.planRound": () => "planned a matching round",
  "portal.audit.action.purgeExpired": () => "erased data past its retention period",
  "portal.audit.action.recordConflict": () => "recorded a conflict of interest",
  "portal.audit.action.recordEthicsViolation": () => "recorded a benefit from a venture",
  "portal.audit.action.registerMentor": () => "registered a mentor",
  "portal.audit.action.updateMentor": () => "updated a mentor",
  "portal.audit.action.resolveEthicsHold": () => "resolved an ethics hold",
  "portal.audit.action.reviewCase": () => "reviewed a case",
  "portal.audit.action.submitIntake": () => "submitted an intake",
  "portal.audit.action.decideTriage": () => "decided on an intake",
  "portal.audit.action.overrideTriage": () => "changed the decision on an intake",
  "portal.audit.action.openCase": () => "opened a case",
  "portal.audit.action.refer": () => "referred to a partner programme",
  "portal.audit.action.withdrawReferral": () => "withdrew a referral",
  "portal.audit.action.leadHandedOver": () => "handed the lead over",
  "portal.audit.action.mentorLeft": () => "took a mentor off a team",
  "portal.audit.action.mentorJoined": () => "added a mentor to a team",
  "portal.audit.action.other": () => "another step",
  "portal.audit.heading": () => "Audit trail: who did what, when, why",
  "portal.audit.when": () => "When",
  "portal.audit.who": () => "Who",
  "portal.audit.what": () => "What",
  "portal.audit.subject": () => "About",
  "portal.audit.why": () => "Why",
  "portal.audit.anyone": () => "anyone",
  "portal.audit.about": () => "About (an id: case, intake, mentor)",
  "portal.audit.found": (p: { count: number; from: number; to: number }) =>
    p.count === 0
      ? "No entries found."
      : `${countEn(p.count, "entry", "entries")}; ${p.from}–${p.to} shown, newest first.`,
  "portal.nav.audit": () => "Audit trail",
  "portal.team.leadRole": () => "team lead",
  "portal.report.heading": (p: { month: string }) => `Monthly report ${p.month}`,
  "portal.report.thisMonth": () => "Hours this month",
  "portal.report.total": () => "Hours in all",
  "portal.report.print": () => "Printable version",
  "portal.report.csv": () => "Hours per case as CSV",
  "portal.calendar.meeting": (p: { programme: string }) => `Mentors' meeting · ${p.programme}`,
  "portal.calendar.session": (p: { venture: string; mode: string }) => `Session · ${p.venture} (${p.mode})`,
  "portal.calendar.meetings": () => "The mentors' meetings in your calendar (.ics)",
  "portal.calendar.sessions": () => "This case's sessions in your calendar (.ics)",
  "portal.forbidden": () => "You may not open this page.",
  "portal.unavailable": () =>
    "The programme's data cannot be reached just now; nothing was changed. Please try again in a minute.",
  "portal.notFound": () => "Not found.",
  "portal.badRequest": () => "The form has errors:",
  "portal.role.manager": () => "programme manager",
  "portal.role.mentor": () => "mentor",
  "portal.yes": () => "yes",
  "portal.no": () => "no",
  "portal.language": () => "Nederlands",
} as const;

export type ExampleKey = keyof typeof en;
export type ExampleParams<K extends ExampleKey> = Parameters<(typeof en)[K]>;
type ExampleCatalogue = { readonly [K in ExampleKey]: (...p: ExampleParams<K>) => string };

const nl: ExampleCatalogue = {
  "cli.initialised": (p) => `Programma '${p.programme}' gestart in ${p.db}.`,
  "cli.alreadyInitialised": (p) => `${p.db} bevat al het programma '${p.programme}'; er is niets veranderd.`,
  "cli.notInitialised": (p) =>
    `${p.db} bevat nog geen programma. Start er een met: vmentor init --profile friesland --db ${p.db}`,
  "cli.mentorRegistered": (p) => `Mentor ${p.id} (${p.name}) geregistreerd.`,
  "cli.mentorsImported": (p) =>
    `${countNl(p.count, "mentor", "mentoren")} geïmporteerd.${p.alreadyThere === "" ? "" : ` Al aanwezig, ongewijzigd gelaten: ${p.alreadyThere}.`}`,
  "cli.importRow": (p) => `rij ${p.row} van ${p.total} importeren`,
  "cli.importing": (p) => `${countNl(p.count, "rij", "rijen")} controleren en importeren…`,
  "cli.importFailed": (p) => `Rij ${p.row}: ${p.message}. Er is niets geïmporteerd.`,
  "cli.intakeSubmitted": (p) =>
    p.replayed ? `Intake ${p.id} was al ingediend; er is niets veranderd.` : `Intake ${p.id} ingediend.`,
  "cli.seenBefore": (p) =>
    `Deze onderneming was hier eerder.${p.closed === "" ? "" : ` Eerdere casus: ${p.closed} — koppel de laatste: vmentor intake link ${p.id} ${p.closed.split(", ")[0]}.`}${p.open === "" ? "" : ` Nog lopend: ${p.open} — een tweede casus vraagt de bevestiging van de programmamanager (vmentor triage --override accept).`}`,
  "cli.replacement": (p) =>
    `Voorgesteld team voor ${p.caseId}: ${p.team}. Vraag de nieuwe mentor; bij een ja: vmentor case join ${p.caseId} <mentor> --on-behalf saidByPhone.`,
  "cli.noReplacement": (p) =>
    `Geen mentor kan nu de vrije plaats van ${p.caseId} innemen.${p.why === "" ? "" : ` ${p.why}`}`,
  "cli.linked": (p) =>
    `Intake ${p.id} is gekoppeld aan de eerdere casus ${p.caseId}: de mentoren daarvan houden hun continuïteit.`,
  "cli.caseOpened": (p) => `Casus ${p.caseId} geopend; die gaat naar het volgende mentorenoverleg.`,
  "cli.referralMade": (p) => `Doorverwijzing ${p.referralId} vastgelegd.`,
  "cli.planning": (p) => `${p.round} wordt gepland…`,
  "cli.teamConfirmed": (p) => `Team bevestigd: ${p.team}.`,
  "cli.teamAlreadyConfirmed": (p) => `Al bevestigd, er is niets veranderd: ${p.team}.`,
  "cli.noProposal": (p) => `Geen geplande ronde '${p.round}'. Plan die eerst: vmentor round plan`,
  "cli.sessionLogged": (p) => `Sessie ${p.id} (${p.minutes} min) vastgelegd voor ${p.caseId}.`,
  "cli.caseClosed": (p) => `Casus ${p.caseId} gesloten (${p.reason}).`,
  "cli.caseState": (p) => `Casus ${p.caseId} is nu ${p.state}.`,
  "cli.ethicsHold": (p) =>
    `${p.mentorId} wordt niet gematcht tot het voordeel is afgehandeld (vmentor mentor resolve).${p.cases === "" ? "" : ` Bekijk de lopende casussen: ${p.cases}.`}`,
  "cli.ethicsResolved": (p) => `${p.mentorId} kan weer gematcht worden.`,
  "cli.conflictRecorded": (p) =>
    `${p.mentorId} blijft buiten het team van ${p.ventureId}.${p.cases === "" ? "" : ` Die mentor zit in de lopende casus ${p.cases}: besluit of die terugtreedt (vmentor case leave --reason recused).`}`,
  "cli.dueNone": () =>
    "Geen besluiten nodig: elke aangenomen casus heeft een plaats in het volgende overleg.",
  "cli.dueCase": (p) =>
    `${p.caseId} (intake ${p.intakeId}): aangenomen ${p.since}, ${countNl(p.meetings, "overleg", "overleggen")} voorbij zonder team${p.why === "" ? "" : ` — ${p.why}`}. Plan de casus nog een keer (vmentor case hold), bied een eenmalig gesprek aan of verwijs door (vmentor triage --override).`,
  "cli.answered": (p) =>
    `${p.mentorId} zei ${p.answer === "yes" ? "ja" : "nee"} op ${p.caseId}.${p.team === "" ? (p.answer === "no" ? " Geen andere mentor kan de plaats innemen: de casus blijft in deze ronde zonder team." : "") : ` Voorgesteld team nu: ${p.team}.`}${p.waiting === "" ? " Iedereen zei ja: het team kan bevestigd worden." : ` Wacht nog op: ${p.waiting}.`}`,
  "cli.heldOver": (p) =>
    `${p.caseId} wordt nog een keer gepland: de casus heeft een plaats in het volgende overleg.`,
  "cli.teamChanged": (p) =>
    `Team van ${p.caseId} is nu: ${p.team}.${p.short ? " Er is een plaats vrij: het volgende overleg stelt een vervanger voor." : ""}`,
  "cli.erased": (p) => `Persoonsgegevens gewist uit ${countNl(p.documents, "document", "documenten")}.`,
  "cli.purged": (p) =>
    `Bewaartermijn (${countNl(p.months, "maand", "maanden")}): gegevens van ${countNl(p.intakes, "intake", "intakes")} gewist uit ${countNl(p.documents, "document", "documenten")}.`,
  "cli.purgeDry": (p) =>
    `Bewaartermijn (${countNl(p.months, "maand", "maanden")}): gegevens van ${countNl(p.intakes, "intake", "intakes")} zouden worden gewist uit ${countNl(p.documents, "document", "documenten")}. Er is niets veranderd.`,
  "cli.demoMonth": (p) =>
    `${p.month}: ${countNl(p.active, "actieve casus", "actieve casussen")}, ${countNl(p.intakes, "intake", "intakes")}, ${p.hours} uur aan sessies`,
  "cli.demoYear": (p) =>
    `Het jaar: ${countNl(p.mentors, "mentor", "mentoren")}, ${countNl(p.intakes, "intake", "intakes")}, ${countNl(p.teams, "team", "teams")} bevestigd, ${countNl(p.sessions, "sessie", "sessies")}, ${countNl(p.closed, "casus", "casussen")} gesloten. Onderweg afgehandeld: ${countNl(p.conflicts, "belangenconflict", "belangenconflicten")} vastgelegd, ${countNl(p.recusals, "mentor", "mentoren")} teruggetreden en vervangen, ${countNl(p.declines, "voorstel", "voorstellen")} afgewezen, ${countNl(p.gifts, "geschenk", "geschenken")} vastgelegd en afgehandeld, ${countNl(p.returning, "terugkerende onderneming", "terugkerende ondernemingen")}, ${countNl(p.unstaffed, "casus", "casussen")} zonder team na een overleg (elk besloten).`,
  "cli.demoNotEmpty": (p) => `${p.db} bevat al een programma; de demo heeft een lege opslag nodig.`,
  "cli.demoFailed": (p) => `De demo stopte bij ${p.step}: ${p.message}`,
  "cli.unreadable": (p) => `Kan ${p.path} niet lezen (${p.code}).`,
  "cli.badJson": (p) => `${p.path} is geen geldige JSON${p.line > 0 ? ` (regel ${p.line})` : ""}.`,
  "cli.badCsv": (p) =>
    `${p.path} is geen geldige CSV${p.line > 0 ? ` (regel ${p.line})` : ""}: ${
      p.why === "quote"
        ? "een aanhalingsteken is niet gesloten"
        : p.why === "fields"
          ? "een rij heeft een ander aantal velden dan de kopregel"
          : "het bestand is niet als tabel te lezen"
    }.`,
  "cli.badArgument": (p) => `${p.option}: '${p.value}' is hier niet toegestaan; verwacht: ${p.allowed}.`,
  "cli.seeHelp": () => "(vmentor help <opdracht> toont de opties ervan)",
  "cli.progress": (p) =>
    `${p.seconds} s · ${p.stage}: ${p.staffed} van ${countNl(p.cases, "casus", "casussen")} bezet, doelwaarde ${p.objective}` +
    (p.gap === "" ? "" : `, hoogstens ${p.gap} % onder het optimum`),
  "cli.stage.staffing": () => "eerste bezetting",
  "cli.stage.search": () => "zoeken naar betere teams",
  "cli.stage.certificate": () => "bovengrens berekend",
  "cli.stage.restaffing": () => "opnieuw bezet rond de teams van de bovengrens",
  "cli.stage.proof": () => "elke bezetting doorzocht die de bovengrens openlaat",
  "cli.stage.perturbation": (p) => `verstoorde zoektocht ${p.done} van hoogstens ${p.of}`,
  "cli.allowed.oneOf": (p) => `een van ${p.values}`,
  "cli.allowed.month": () => "een maand als JJJJ-MM, bijvoorbeeld 2026-11",
  "cli.allowed.pin": () => "casus:mentor, bijvoorbeeld case-001:mentor-07",
  "cli.allowed.positive": () => "een geheel getal van 1 of meer",
  "cli.allowed.whole": () => "een geheel getal van 0 of meer",
  "cli.allowed.share": () => "een aandeel van 0 tot 1, bijvoorbeeld 0.003 voor 0,3 %",
  "cli.internal": (p) => `Interne fout: ${p.detail} (gebruik --debug voor details).`,
  "cli.storeUnavailable": (p) => `Kan ${p.db} niet openen: ${p.cause}`,
  "walkthrough.heading": (p) =>
    `${p.programme} — intake ${p.month}\n${countNl(p.places, "plaats", "plaatsen")} in het mentorenoverleg van volgende maand\n`,
  "walkthrough.placesLeft": (p) => `nog ${countNl(p.places, "plaats", "plaatsen")} over.`,
  "portal.title": () => "Mentorportaal",
  "portal.signIn": () => "Inloggen",
  "portal.signOut": () => "Uitloggen",
  "portal.signInAs": () => "Inloggen als",
  "portal.signInNotSetUp": () =>
    "Inloggen is voor deze portal nog niet ingericht. Vraag wie de portal beheert om de inlog van uw organisatie te koppelen.",
  "portal.signInUnknown": () =>
    "De inlog van uw organisatie noemt geen programmamanager of mentor van dit programma.",
  "portal.signedInAs": (p) => `Ingelogd als ${p.name}`,
  "portal.nav.intake": () => "Intake",
  "portal.nav.board": () => "Mentorenoverleg",
  "portal.nav.cases": () => "Casussen",
  "portal.nav.mentors": () => "Mentoren",
  "portal.nav.report": () => "Rapportage",
  "portal.nav.myCases": () => "Mijn casussen",
  "portal.intake.heading": () => "Nieuwe intake",
  "portal.intake.submit": () => "Indienen en beoordelen",
  "portal.intake.mentee": () => "Naam ondernemer",
  "portal.intake.email": () => "E-mail ondernemer",
  "portal.intake.venture": () => "Onderneming",
  "portal.intake.registrationNumber": () => "KvK-nummer (niet verplicht)",
  "portal.returning.seen": (p) =>
    `Deze onderneming was hier eerder (${p.intakes === 1 ? "één eerdere intake" : `${p.intakes} eerdere intakes`}).`,
  "portal.returning.closed": () => "Eerdere casussen",
  "portal.returning.open": () =>
    "Nog lopend — een tweede casus vraagt jouw bevestiging (afwijkend besluit: aannemen, met een reden)",
  "portal.returning.linked": (p) =>
    `Gekoppeld aan de eerdere casus ${p.caseId}: de mentoren daarvan houden hun continuïteit.`,
  "portal.returning.link": () => "Sluit aan op de eerdere casus",
  "portal.returning.linkButton": () => "Koppelen",
  "portal.intake.sector": () => "Sector",
  "portal.intake.stage": () => "Fase",
  "portal.intake.employees": () => "Medewerkers",
  "portal.intake.region": () => "Regio",
  "portal.intake.exportAmbition": () => "Exportambitie",
  "portal.intake.innovative": () => "Innovatief",
  "portal.intake.question": () => "De vraag",
  "portal.intake.mainTopic": () => "Hoofdonderwerp",
  "portal.intake.otherTopic": () => "Tweede onderwerp",
  "portal.intake.urgency": () => "Urgentie",
  "portal.intake.seeks": () => "De ondernemer vraagt om",
  "portal.intake.seeks.sparring": () => "sparringpartners die helpen kiezen",
  "portal.intake.seeks.workDone": () => "iemand die het werk doet (een plan schrijven, de boekhouding)",
  "portal.intake.consentData": () => "Stemt in met verwerking van gegevens",
  "portal.intake.consentPartners": () => "Stemt in met delen met partnerprogramma's",
  "portal.intake.list": () => "Intakes",
  "portal.intake.searchText": () => "Onderneming, ondernemer, e-mail of KvK-nummer",
  "portal.intake.anyOutcome": () => "elke uitkomst",
  "portal.intake.undecided": () => "nog niet besloten",
  "portal.intake.anyPartner": () => "elk partnerprogramma",
  "portal.intake.anyMonth": () => "Maand (leeg: elke maand)",
  "portal.intake.found": (p) =>
    p.count === 0
      ? "Geen intakes gevonden."
      : `${countNl(p.count, "intake", "intakes")} gevonden; ${p.from}–${p.to} getoond.`,
  "portal.intake.date": () => "Datum",
  "portal.search": () => "Zoeken",
  "portal.previous": () => "Vorige",
  "portal.next": () => "Volgende",
  "portal.csv": () => "Downloaden als CSV",
  "portal.decision.heading": (p) => `Triage: ${p.venture}`,
  "portal.decision.reasons": () => "Redenen",
  "portal.decision.override": () => "Besluit herzien",
  "portal.decision.outcome": () => "Uitkomst",
  "portal.decision.partner": () => "Partnerprogramma",
  "portal.decision.advice": () => "Advies",
  "portal.decision.overrideReason": () => "Waarom (wordt vastgelegd)",
  "portal.decision.overridden": (p) => `Herzien door ${p.by}`,
  "portal.decision.case": (p) => `Casus ${p.caseId} wacht op het mentorenoverleg.`,
  "portal.board.heading": (p) => `Mentorenoverleg ${p.round}`,
  "portal.board.plan": () => "Ronde plannen",
  "portal.board.replan": () => "Opnieuw plannen met deze keuzes",
  "portal.board.confirm": () => "Team bevestigen",
  "portal.board.pin": () => "Vastzetten",
  "portal.board.exclude": () => "Uitsluiten",
  "portal.board.waiting": (p) => `${countNl(p.count, "casus wacht", "casussen wachten")} op een team.`,
  "portal.board.nothing": () => "Er wacht geen casus op een team.",
  "portal.board.due": () => "Besluiten nodig: aangenomen casussen waarvoor het overleg geen team vond",
  "portal.board.dueWhy": (p) =>
    p.meetings === 1 ? "Eén overleg voorbij zonder team." : `${p.meetings} overleggen voorbij zonder team.`,
  "portal.board.holdReason": () => "Nog een keer plannen, omdat",
  "portal.board.hold": () => "Plannen in het volgende overleg",
  "portal.board.dueDecide": () => "of bied een eenmalig gesprek of een doorverwijzing aan",
  "portal.hold.mentorExpected": () => "er een geschikte mentor terugkomt",
  "portal.hold.menteeAgreed": () => "de ondernemer nog één overleg wil wachten",
  "portal.hold.other": () => "een andere reden",
  "portal.board.confirmed": (p) => `Team voor ${p.caseId} bevestigd.`,
  "portal.team.heading": () => "Het team wijzigen",
  "portal.team.short": () =>
    "Er is een plaats vrij: het volgende overleg stelt een vervanger voor, of wijs er hier een aan.",
  "portal.oneOff.heading": () => "Het eenmalige gesprek vastleggen",
  "portal.oneOff.record": () => "Gesprek vastleggen",
  "portal.team.suggested": (p) =>
    `Voorstel van de matching voor de vrije plaats: ${p.mentors}. Vraag het; bij een ja voeg je de mentor hieronder toe.`,
  "portal.team.leave": () => "Mentor die vertrekt",
  "portal.team.why": () => "Waarom",
  "portal.team.steppedOff": () => "treedt terug",
  "portal.team.recused": () => "trekt zich terug (belangenconflict)",
  "portal.team.leaveButton": () => "Verlaat het team",
  "portal.team.join": () => "Mentor die erbij komt (zei ja)",
  "portal.team.role": () => "Rol",
  "portal.team.member": () => "teamlid",
  "portal.team.joinButton": () => "Komt in het team",
  "portal.team.lead": () => "Nieuwe teamleider",
  "portal.team.leadButton": () => "Teamleiderschap overdragen",
  "portal.ethics.status": () => "Matching",
  "portal.ethics.held": (p) => `geschorst: ${p.kind} vastgelegd op ${p.on}, tot het is afgehandeld`,
  "portal.ethics.expired": () => "geschorst: ethische verklaring verlopen",
  "portal.ethics.heading": () => "Ethiek en belangenconflicten",
  "portal.ethics.resolution": () => "Hoe afgehandeld",
  "portal.ethics.resolution.benefitReturned": () => "het voordeel is teruggegeven",
  "portal.ethics.resolution.noBenefit": () => "het bleek geen voordeel",
  "portal.ethics.resolution.other": () => "op een andere manier",
  "portal.ethics.resolve": () => "Afhandelen: weer beschikbaar voor matching",
  "portal.ethics.benefit": () => "Een voordeel vastleggen dat een mentor van een onderneming kreeg",
  "portal.ethics.conflict": () => "Een belangenconflict vastleggen",
  "portal.ethics.mentor": () => "Mentor",
  "portal.ethics.case": () => "Onderneming (via de casus)",
  "portal.ethics.kind": () => "Wat",
  "portal.ethics.kind.compensation": () => "een vergoeding",
  "portal.ethics.kind.gift": () => "een geschenk",
  "portal.ethics.kind.fee": () => "een honorarium",
  "portal.ethics.kind.equity": () => "aandelen",
  "portal.ethics.reason": () => "Waarom",
  "portal.ethics.reason.family": () => "familie of vriendschap",
  "portal.ethics.reason.business": () => "een zakelijke band",
  "portal.ethics.reason.other": () => "een andere reden",
  "portal.ethics.record": () => "Vastleggen",
  "portal.consent.heading": () => "Antwoorden van de voorgestelde mentoren",
  "portal.consent.yes": () => "zei ja",
  "portal.consent.no": () => "zei nee",
  "portal.consent.none": () => "nog geen antwoord",
  "portal.consent.record": () => "Antwoord vastleggen namens",
  "portal.consent.answer": () => "Antwoord",
  "portal.consent.how": () => "Hoe de mentor antwoordde",
  "portal.consent.save": () => "Antwoord vastleggen",
  "portal.consent.saidAtMeeting": () => "in het mentorenoverleg",
  "portal.consent.saidByPhone": () => "telefonisch",
  "portal.consent.saidInWriting": () => "schriftelijk",
  "portal.consent.other": () => "op een andere manier",
  "portal.consent.answerYes": () => "Ja",
  "portal.consent.answerNo": () => "Nee",
  "portal.my.proposed": () => "Aan jou voorgesteld",
  "portal.my.proposedNone": () => "Er is op dit moment geen team aan jou voorgesteld.",
  "portal.my.proposedCase": (p) => `${p.venture} (${p.caseId}), met ${p.team}.`,
  "portal.my.yes": () => "Ja, ik doe mee",
  "portal.my.no": () => "Nee, deze casus niet",
  "portal.my.answered": (p) => `Jouw antwoord: ${p.answer}.`,
  "portal.case.heading": (p) => `${p.venture} (${p.caseId})`,
  "portal.case.team": () => "Team",
  "portal.case.sessions": () => "Sessies",
  "portal.case.log": () => "Sessie vastleggen",
  "portal.case.on": () => "Datum",
  "portal.case.minutes": () => "Minuten",
  "portal.case.mode": () => "Vorm",
  "portal.case.present": () => "Aanwezige mentoren",
  "portal.case.hours": () => "Uren tegen de norm",
  "portal.case.state": (p) => `Status: ${p.state}`,
  "portal.case.none": () => "Nog geen sessies.",
  "portal.month": () => "Maand",
  "portal.show": () => "Tonen",
  "portal.case.manage": () => "De casus beheren",
  "portal.case.pause": () => "Pauzeren (het team blijft)",
  "portal.case.resume": () => "Hervatten",
  "portal.case.close": () => "De casus sluiten",
  "portal.case.closeReason": () => "Waarom die eindigt",
  "portal.case.feedbackMentee": () => "Terugblik van de ondernemer (mag leeg)",
  "portal.case.feedbackTeam": () => "Terugblik van het team (mag leeg)",
  "portal.case.done": () => "Opgeslagen.",
  "portal.case.leadLogs": (p) => `Sessies legt de teamleider vast, ${p.lead}, die ook het verslag schrijft.`,
  "portal.case.logged": () => "Sessie vastgelegd.",
  "portal.mentors.heading": () => "Mentoren en hun belasting",
  "portal.mentors.cases": () => "Casussen",
  "portal.mentors.hours": () => "Uren deze maand",
  "portal.mentors.lead": () => "Teamleider",
  "portal.mentors.add": () => "Mentor toevoegen",
  "portal.mentors.import": () => "Mentoren importeren uit een CSV-bestand",
  "portal.mentors.page": (p) => `Mentor: ${p.name}`,
  "portal.mentors.id": () => "Kenmerk (bijv. mentor-31; later niet te wijzigen)",
  "portal.mentors.state": () => "Status",
  "portal.mentors.level.0": () => "—",
  "portal.mentors.level.1": () => "1 · werkkennis",
  "portal.mentors.level.2": () => "2 · ervaren",
  "portal.mentors.level.3": () => "3 · heeft het vaak gedaan",
  "portal.mentors.intakeLead": () => "Doet intakes met de programmamanager",
  "portal.mentors.interestOrg": () => "Organisatie",
  "portal.mentors.save": () => "Opslaan",
  "portal.mentors.saved": () => "Opgeslagen.",
  "portal.mentors.standing": () => "Status en ethische verklaring",
  "portal.mentors.pausedUntil": (p) =>
    p.until === "" ? "gepauzeerd tot nader order" : `gepauzeerd tot ${p.until}`,
  "portal.mentors.signedOn": (p) => `Ethische verklaring getekend op ${p.on}.`,
  "portal.mentors.until": () => "Tot (leeg: tot nader order)",
  "portal.mentors.step.approved": () => "Goedkeuren",
  "portal.mentors.step.paused": () => "Pauzeren",
  "portal.mentors.step.resumed": () => "Hervatten",
  "portal.mentors.step.retired": () => "Laten stoppen",
  "portal.mentors.step.ethicsStatementSigned": () => "Ethische verklaring vastleggen, getekend op",
  "portal.mentors.toReview": (p) =>
    `Gedaan. De lopende casussen van deze mentor, om naar te kijken: ${p.cases}.`,
  "portal.mentors.myHours": (p) =>
    `Deze maand ${p.logged} uur geschreven van de ${p.offered} uur per maand aangeboden; ${p.cases} van maximaal ${countNl(p.maxCases, "casus", "casussen")}.`,
  "portal.import.paste": () => "Plak de CSV hier; de eerste rij noemt de kolommen",
  "portal.import.file": () => "of kies een bestand",
  "portal.import.preview": () => "Eerst controleren",
  "portal.import.confirm": (p) => `${countNl(p.count, "mentor", "mentoren")} importeren`,
  "portal.import.row": () => "Rij",
  "portal.import.ok": () => "klaar om te importeren",
  "portal.import.there": () => "al aanwezig; blijft zoals het is",
  "portal.import.rowErrors": (p) =>
    `${countNl(p.count, "rij moet", "rijen moeten")} worden verbeterd; er is niets geïmporteerd. Verbeter het bestand en controleer opnieuw.`,
  "portal.import.badCsv": (p) =>
    `Het bestand is niet als CSV te lezen (regel ${p.line}): controleer de aanhalingstekens en het aantal velden.`,
  "portal.import.done": (p) =>
    `${countNl(p.imported, "mentor", "mentoren")} geïmporteerd${p.there === 0 ? "" : `; ${countNl(p.there, "was", "waren")} er al en ${p.there === 1 ? "is" : "zijn"} ongewijzigd gelaten`}.`,
  "portal.mentors.unsigned": () =>
    "Geen ethische verklaring getekend: niet voorgesteld voor casussen tot die er is.",
  "portal.mentors.details": () => "Gegevens",
  "portal.nav.outbox": () => "Herinneringen",
  "portal.outbox.heading": () => "Te versturen herinneringen",
  "portal.outbox.explain": () =>
    "Mentoren met een voorstel om te beantwoorden, teamleiders van casussen die te lang stil zijn en mentoren van wie de ethische verklaring bijna verloopt, krijgen een herinnering. Elke herinnering komt één keer in de wachtrij en vervalt als ze niet meer nodig is.",
  "portal.outbox.queue": () => "Zet klaar wat vandaag nodig is",
  "portal.outbox.pending": (p) =>
    p.count === 0
      ? "Niets te versturen."
      : `${countNl(p.count, "herinnering", "herinneringen")} te versturen.`,
  "portal.outbox.to": (p) => `Aan ${p.name}`,
  "portal.outbox.noEmail": () => "geen e-mailadres bekend: neem op een andere manier contact op",
  "portal.outbox.noMail": () =>
    "Voor deze portal is geen mailserver ingesteld: verstuur de teksten zelf en markeer ze daarna als verstuurd.",
  "portal.outbox.mark": () => "Alles markeren als verstuurd",
  "portal.outbox.send": () => "Versturen per e-mail",
  "portal.outbox.sent": (p) =>
    `${countNl(p.count, "herinnering", "herinneringen")} verstuurd.${p.failed === 0 ? "" : ` ${countNl(p.failed, "kon niet worden verstuurd", "konden niet worden verstuurd")}; ze blijven klaarstaan.`}`,
  "portal.outbox.queued": (p) =>
    `${countNl(p.count, "herinnering", "herinneringen")} klaargezet, ${countNl(p.withdrawn, "vervallen", "vervallen")} (niet meer nodig).`,
  "portal.my.standing": () => "Mijn uren en ethische verklaring",
  "portal.my.validUntil": (p) => `Die geldt tot ${p.on}.`,
  "portal.audit.action.answerProposal": () => "beantwoordde een voorstel",
  "portal.audit.action.changeMentorStanding": () => "wijzigde de status van een mentor",
  "portal.audit.action.closeCase": () => "sloot een casus",
  "portal.audit.action.confirmTeam": () => "bevestigde een team",
  "portal.audit.action.erasePerson": () => "wiste persoonsgegevens",
  "portal.audit.action.followUpReferral": () => "volgde een doorverwijzing op",
  "portal.audit.action.holdOver": () => "hield een casus aan tot het volgende overleg",
  "portal.audit.action.initProgramme": () => "richtte het programma in",
  "portal.audit.action.linkPreviousCase": () => "koppelde een eerdere casus",
  "portal.audit.action.logSession": () => "legde een sessie vast",
  "portal.audit.action.pauseCase": () => "pauzeerde een casus",
  "portal.audit.action.resumeCase": () => "hervatte een casus",
  "portal.audit.action.planRound": () => "plande een koppelronde",
  "portal.audit.action.purgeExpired": () => "wiste gegevens na de bewaartermijn",
  "portal.audit.action.recordConflict": () => "legde een belangenconflict vast",
  "portal.audit.action.recordEthicsViolation": () => "legde een voordeel van een onderneming vast",
  "portal.audit.action.registerMentor": () => "registreerde een mentor",
  "portal.audit.action.updateMentor": () => "wijzigde de gegevens van een mentor",
  "portal.audit.action.resolveEthicsHold": () => "handelde een ethische schorsing af",
  "portal.audit.action.reviewCase": () => "beoordeelde een casus",
  "portal.audit.action.submitIntake": () => "diende een intake in",
  "portal.audit.action.decideTriage": () => "besliste over een intake",
  "portal.audit.action.overrideTriage": () => "wijzigde het besluit over een intake",
  "portal.audit.action.openCase": () => "opende een casus",
  "portal.audit.action.refer": () => "verwees door naar een partnerprogramma",
  "portal.audit.action.withdrawReferral": () => "trok een doorverwijzing in",
  "portal.audit.action.leadHandedOver": () => "droeg het teamleiderschap over",
  "portal.audit.action.mentorLeft": () => "haalde een mentor uit een team",
  "portal.audit.action.mentorJoined": () => "voegde een mentor toe aan een team",
  "portal.audit.action.other": () => "een andere stap",
  "portal.audit.heading": () => "Logboek: wie deed wat, wanneer, waarom",
  "portal.audit.when": () => "Wanneer",
  "portal.audit.who": () => "Wie",
  "portal.audit.what": () => "Wat",
  "portal.audit.subject": () => "Waarover",
  "portal.audit.why": () => "Waarom",
  "portal.audit.anyone": () => "iedereen",
  "portal.audit.about": () => "Waarover (een kenmerk: casus, intake, mentor)",
  "portal.audit.found": (p) =>
    p.count === 0
      ? "Geen regels gevonden."
      : `${countNl(p.count, "regel", "regels")}; ${p.from}–${p.to} getoond, nieuwste eerst.`,
  "portal.nav.audit": () => "Logboek",
  "portal.team.leadRole": () => "teamleider",
  "portal.report.heading": (p) => `Maandrapportage ${p.month}`,
  "portal.report.thisMonth": () => "Uren deze maand",
  "portal.report.total": () => "Uren in totaal",
  "portal.report.print": () => "Afdrukversie",
  "portal.report.csv": () => "Uren per casus als CSV",
  "portal.calendar.meeting": (p) => `Mentorenoverleg · ${p.programme}`,
  "portal.calendar.session": (p) => `Sessie · ${p.venture} (${p.mode})`,
  "portal.calendar.meetings": () => "De mentorenoverleggen in je agenda (.ics)",
  "portal.calendar.sessions": () => "De sessies van deze casus in je agenda (.ics)",
  "portal.forbidden": () => "U mag deze pagina niet openen.",
  "portal.unavailable": () =>
    "De gegevens van het programma zijn nu niet bereikbaar; er is niets gewijzigd. Probeer het over een minuut opnieuw.",
  "portal.notFound": () => "Niet gevonden.",
  "portal.badRequest": () => "Het formulier bevat fouten:",
  "portal.role.manager": () => "programmamanager",
  "portal.role.mentor": () => "mentor",
  "portal.yes": () => "ja",
  "portal.no": () => "nee",
  "portal.language": () => "English",
};

/** Both languages of the examples' texts (the tests render every key of each). */
export const exampleCatalogues: Readonly<Record<Locale, ExampleCatalogue>> = { en, nl };
const catalogues = exampleCatalogues;

/** A text of the examples in the given language. */
export function say<K extends ExampleKey>(locale: Locale, key: K, ...params: ExampleParams<K>): string {
  return (catalogues[locale][key] as (...p: ExampleParams<K>) => string)(...params);
}
