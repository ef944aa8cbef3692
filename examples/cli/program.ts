/**
 * The `vmentor` command line: a thin shell over the library. Input → the core's parsers → the
 * use-cases → output. Errors print the catalogue's message in the programme's language with the
 * field or rule at fault; never a stack trace unless `--debug`.
 *
 * Works on a SQLite file by default (`--db ./programme.db`), PostgreSQL with `--db postgres://…`.
 * Exit codes: 0 done; 1 usage; 2 invalid input; 3 refused by a rule (or not done in time);
 * 4 not found; 5 store unavailable; 70 an internal defect.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  answerProposal,
  type BenefitKind,
  benefitKinds,
  type CaseId,
  type ConflictReason,
  type ConsentAnswer,
  casesDue,
  changeTeam,
  closeCase,
  closingReasons,
  confirmTeam,
  conflictReasons,
  consentAnswers,
  currentTeam,
  decideTriage,
  describeDiagnosis,
  describeError,
  describeOutcome,
  describeReason,
  describeTeam,
  type EthicsResolution,
  erasePerson,
  ethicsResolutions,
  exportPerson,
  formatDate,
  formatHours,
  friesland,
  type HoldOverReason,
  holdOver,
  holdOverReasons,
  type IntakeId,
  initProgramme,
  type Locale,
  linkPreviousCase,
  logSession,
  type MatchingProposal,
  type MatchProgress,
  type MentorId,
  matchRound,
  message,
  monthKey,
  type Naming,
  type OnBehalfReason,
  onBehalfReasons,
  openProgramme,
  type Person,
  type Pin,
  type ProgrammeContext,
  type ProgrammeProfile,
  type ProgrammeStore,
  type ProposalData,
  parseManagerOverride,
  parseMatchingRound,
  pauseCase,
  planRound,
  programmeReport,
  proposeReplacementFor,
  purgeExpired,
  recordConflict,
  recordEthicsViolation,
  registerMentor,
  registerMentors,
  renderHoursChart,
  renderLoadChart,
  renderReportMarkdown,
  resolveEthicsHold,
  resumeCase,
  submitIntake,
  type TeamChange,
  type VentureId,
  type VentureMentoringError,
  vms,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { runDemoYear } from "../demo/friesland-year.js";
import { exitCodeOf, exitCodes } from "../shared/errors.js";
import { mentorRowsFromCsv } from "../shared/mentor-csv.js";
import { type ExampleKey, type ExampleParams, say } from "../shared/messages.js";
import { isMonth, reportAsOf } from "../shared/months.js";
import { displayDb, openStore, realHost } from "../shared/store.js";

export { exitCodes } from "../shared/errors.js";

export interface Io {
  readonly out: (text: string) => void;
  /** Errors and progress: never mixed into the output a script reads. */
  readonly err: (text: string) => void;
  /** Milliseconds of a clock, for progress lines (default `Date.now`). */
  readonly now?: () => number;
}

export interface Env {
  /** Default `--db` (VMENTOR_DB). */
  readonly VMENTOR_DB?: string;
  /** Default `--actor` (VMENTOR_ACTOR): who is recorded in the audit trail. */
  readonly VMENTOR_ACTOR?: string;
  /** Default `--programme` (VMENTOR_PROGRAMME): which programme of the store. */
  readonly VMENTOR_PROGRAMME?: string;
}

interface GlobalOptions {
  readonly db: string;
  readonly programme?: string;
  readonly json?: boolean;
  readonly debug?: boolean;
  readonly actor: string;
  readonly lang?: Locale;
}

const profiles = { friesland, vms } as const;

type Read = { ok: true; value: unknown } | { ok: false; key: ExampleKey; params: Record<string, unknown> };

function readText(path: string): { ok: true; text: string } | { ok: false; code: string } {
  try {
    // A leading byte-order mark (spreadsheet exports write one) is not part of the content.
    return { ok: true, text: readFileSync(path, "utf8").replace(/^\uFEFF/, "") };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? "error" };
  }
}

function readJson(path: string): Read {
  const t = readText(path);
  if (!t.ok) return { ok: false, key: "cli.unreadable", params: { path, code: t.code } };
  try {
    return { ok: true, value: JSON.parse(t.text) };
  } catch (e) {
    // The parser's own words are English; the reader gets the line in theirs.
    const at = /position (\d+)/.exec((e as Error).message);
    const line = at === null ? 0 : t.text.slice(0, Number(at[1])).split("\n").length;
    return { ok: false, key: "cli.badJson", params: { path, line } };
  }
}

/** A mentor CSV file (`mentorRowsFromCsv`). */
function readMentorCsv(path: string): Read {
  const t = readText(path);
  if (!t.ok) return { ok: false, key: "cli.unreadable", params: { path, code: t.code } };
  const read = mentorRowsFromCsv(t.text);
  return read.ok
    ? { ok: true, value: read.rows }
    : { ok: false, key: "cli.badCsv", params: { path, line: read.line, why: read.why } };
}

type AllowedKey = Extract<ExampleKey, `cli.allowed.${string}`>;

/**
 * Parsers for option values. A bad value is commander's `InvalidArgumentError` with exit code 2
 * (invalid input); its text, in the chosen language, names the option, the value and what is
 * allowed, and is what `refuse` records for the program's error output to print.
 */
function argumentParsers(locale: Locale, refuse: (text: string) => void) {
  const invalid = (option: string, value: string, allowed: AllowedKey, values: readonly string[] = []) => {
    const text = say(locale, "cli.badArgument", {
      option,
      value,
      allowed: say(locale, allowed, { values: values.join(", ") }),
    });
    refuse(text);
    const e = new InvalidArgumentError(text);
    e.exitCode = exitCodes.invalidInput;
    return e;
  };
  /** A whole number of at least `least` (1: a positive one). */
  const wholeNumber =
    (option: string, least = 0) =>
    (v: string) => {
      const n = Number(v);
      if (v.trim() === "" || !Number.isInteger(n) || n < least)
        throw invalid(option, v, least > 0 ? "cli.allowed.positive" : "cli.allowed.whole");
      return n;
    };
  return {
    /** The option's `.choices()`, refused in the chosen language (the help still lists them). */
    choice: (option: Option): Option => {
      const values = option.argChoices ?? [];
      return option.argParser((v: string) => {
        if (!values.includes(v)) throw invalid(option.long ?? option.flags, v, "cli.allowed.oneOf", values);
        return v;
      });
    },
    wholeNumber,
    positiveInt: (option: string) => wholeNumber(option, 1),
    share: (option: string) => (v: string) => {
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
        throw invalid(option, v, "cli.allowed.share");
      return n;
    },
    month: (option: string) => (v: string) => {
      if (!isMonth(v)) throw invalid(option, v, "cli.allowed.month");
      return v;
    },
    pin: (kind: Pin["kind"]) => (v: string, previous: Pin[] | undefined) => {
      const [caseId, mentorId, extra] = v.split(":");
      if (!caseId || !mentorId || extra !== undefined) throw invalid(`--${kind}`, v, "cli.allowed.pin");
      return [...(previous ?? []), { caseId: caseId as CaseId, mentorId: mentorId as MentorId, kind }];
    },
  };
}

/** The language asked for with `--lang`, read before the arguments are parsed (for their errors). */
function requestedLocale(argv: readonly string[]): Locale {
  const at = argv.indexOf("--lang");
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  return value === "nl" ? "nl" : "en";
}

interface MatchCommandOptions {
  readonly exact?: boolean;
  readonly timeLimit: number;
  readonly targetGap?: number;
  readonly perturbations?: number;
  readonly threads: number;
  readonly progress?: boolean;
}

/** A round taking longer than this shows its progress on stderr. */
const PROGRESS_AFTER_MS = 1_000;

/** One progress line of `vmentor match`, in the reader's language. */
function progressLine(p: MatchProgress, ms: number, locale: Locale): string {
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  const stage =
    p.stage === "perturbation" && p.step !== undefined
      ? say(locale, "cli.stage.perturbation", p.step)
      : say(locale, `cli.stage.${p.stage === "perturbation" ? "search" : p.stage}`);
  return say(locale, "cli.progress", {
    seconds: number(ms / 1000, 1),
    stage,
    staffed: p.staffed,
    cases: p.cases,
    objective: number(p.objective, 1),
    gap: p.gap === undefined ? "" : number(p.gap * 100, 2),
  });
}

/** A profile's label for a topic in the reader's language (the id when the profile has none). */
const topicLabelOf = (profile: ProgrammeProfile, locale: Locale) => (id: string) =>
  profile.topics.find((t) => t.id === id)?.label[locale] ?? id;

/** Mentors by id, topics by the profile's labels: how a diagnosis reads where no names are at hand. */
const idsAndLabels = (profile: ProgrammeProfile, locale: Locale) => ({
  mentor: (id: string) => id,
  topic: topicLabelOf(profile, locale),
});

/** Mentors by today's name, topics by label, cases by their venture's name: how a person reads them. */
async function readerNaming(ctx: ProgrammeContext, locale: Locale): Promise<Naming> {
  const [mentors, cases, intakes] = [
    await ctx.store.list("mentors"),
    await ctx.store.list("cases"),
    await ctx.store.list("intakes"),
  ];
  const who = new Map(mentors.isOk() ? mentors.value.map((m) => [m.value.id as string, m.value.name]) : []);
  const venture = new Map(
    intakes.isOk() ? intakes.value.map((i) => [i.value.id as string, i.value.venture.name]) : [],
  );
  const ventureOf = new Map(
    cases.isOk() ? cases.value.map((k) => [k.value.id as string, venture.get(k.value.intakeId)]) : [],
  );
  return {
    mentor: (id) => who.get(id) ?? id,
    topic: topicLabelOf(ctx.profile, locale),
    case: (id) => {
      const name = ventureOf.get(id);
      return name === undefined ? id : `${id} (${name})`;
    },
  };
}

/** The proposal for people: teams with their explanations, what could not be staffed and why. */
export function renderProposal(
  p: MatchingProposal | ProposalData,
  names: ReadonlyMap<string, string>,
  locale: Locale,
  topicLabel: (topicId: string) => string = (id) => id,
): string {
  const lines: string[] = [];
  const name = (id: string) => names.get(id) ?? id;
  // Rendered for this reader from the proposal's data: their language, today's names.
  const naming = { mentor: name, topic: topicLabel };
  lines.push(message(locale, "proposal.title", { round: p.roundId }));
  for (const t of p.teams) {
    lines.push(
      "",
      message(locale, "proposal.team", {
        case: t.caseId,
        lead: name(t.lead),
        members: t.members.map(name),
      }),
    );
    for (const text of describeTeam(t, locale, naming)) lines.push(`  - ${text}`);
  }
  const notStaffed = [...p.unstaffed, ...p.overQuota];
  if (notStaffed.length > 0 || p.diagnosis.length > 0) {
    lines.push("");
    if (notStaffed.length > 0) lines.push(message(locale, "proposal.notStaffed", { cases: notStaffed }));
    for (const d of p.diagnosis) lines.push(`  - ${describeDiagnosis(d, locale, naming)}`);
  }
  const c = p.certificate;
  lines.push(
    "",
    message(locale, "proposal.certificate", {
      objective: c.objective,
      bound: c.bound,
      gap: c.gap,
      method: c.method,
      scope: c.scope,
      optimal: c.optimal,
    }),
  );
  return lines.join("\n");
}

/** Run `vmentor` with the given arguments (without `node` and the script); returns the exit code. */
export async function run(argv: readonly string[], io: Io, env: Env = {}): Promise<number> {
  let code: number = exitCodes.ok;
  // An option value refused by its parser: printed instead of commander's English wrapping of it.
  let refused: string | undefined;
  const asked = requestedLocale(argv);
  const arg = argumentParsers(asked, (text) => {
    refused = text;
  });
  const program = new Command("vmentor")
    .description("Run an entrepreneur mentoring programme on the MIT Venture Mentoring Service model.")
    .option("--db <file|url>", "a SQLite file or a postgres:// URL", env.VMENTOR_DB ?? "./programme.db")
    .option(
      "--programme <id>",
      "which programme of the store (one store holds many; default: default)",
      env.VMENTOR_PROGRAMME,
    )
    .option(
      "--actor <id>",
      "who is recorded in the audit trail (an id, never a name)",
      env.VMENTOR_ACTOR ?? "cli",
    )
    .addOption(
      arg.choice(
        new Option("--lang <locale>", "language of messages (default: the programme's)").choices([
          "en",
          "nl",
        ]),
      ),
    )
    .option("--json", "print results as JSON")
    .option("--debug", "print stack traces of internal errors")
    .showHelpAfterError(say(asked, "cli.seeHelp"))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => {
        write(refused ?? s);
        refused = undefined;
      },
    });

  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions;

  /** Print a result: JSON with --json, else the human text. */
  const emit = (g: GlobalOptions, json: unknown, human: () => string) =>
    io.out(g.json ? JSON.stringify(json, null, 2) : human());
  const note = <K extends ExampleKey>(locale: Locale, key: K, ...params: ExampleParams<K>) =>
    io.err(say(locale, key, ...params));
  const failWith = (g: GlobalOptions, locale: Locale, e: VentureMentoringError): void => {
    const text = describeError(e, locale);
    io.err(g.json ? JSON.stringify({ error: e, message: text }) : text);
    code = exitCodeOf(e);
  };
  const failRead = (locale: Locale, r: Extract<Read, { ok: false }>) => {
    io.err(say(locale, r.key, r.params as never));
    code = exitCodes.invalidInput;
  };

  /** Open the store, run the work, close the store — whatever happens. */
  const withStore = async (g: GlobalOptions, work: (store: ProgrammeStore) => Promise<void>) => {
    const opened = await openStore(g.db, g.programme);
    if (opened.isErr()) {
      note(g.lang ?? "en", "cli.storeUnavailable", { db: displayDb(g.db), cause: opened.error.cause });
      code = exitCodes.storeUnavailable;
      return;
    }
    try {
      await work(opened.value);
    } finally {
      await opened.value.close();
    }
  };
  /** …and open the programme it holds. */
  const withProgramme = (g: GlobalOptions, work: (ctx: ProgrammeContext, locale: Locale) => Promise<void>) =>
    withStore(g, async (store) => {
      const ctx = await openProgramme(store, realHost);
      if (ctx.isErr()) {
        if (ctx.error.type === "NotFound") {
          note(g.lang ?? "en", "cli.notInitialised", { db: displayDb(g.db) });
          code = exitCodes.notFound;
        } else failWith(g, g.lang ?? "en", ctx.error);
        return;
      }
      await work(ctx.value, g.lang ?? ctx.value.profile.locale);
    });
  const actor = (g: GlobalOptions) => ({ id: g.actor });

  program
    .command("init")
    .description("start a programme in a new store")
    .addOption(arg.choice(new Option("--profile <name>", "a built-in profile").choices(["friesland", "vms"])))
    .option("--profile-file <file.json>", "or your own profile (docs/formats.md)")
    .action(async (opts: { profile?: keyof typeof profiles; profileFile?: string }, cmd: Command) => {
      const g = globals(cmd);
      let profile: unknown = profiles[opts.profile ?? "friesland"];
      if (opts.profileFile !== undefined) {
        const read = readJson(opts.profileFile);
        if (!read.ok) return failRead(g.lang ?? "en", read);
        profile = read.value;
      }
      await withStore(g, async (store) => {
        const existing = await store.get("settings", "programme");
        if (existing.isOk() && existing.value !== undefined) {
          note(g.lang ?? existing.value.value.profile.locale, "cli.alreadyInitialised", {
            db: displayDb(g.db),
            programme: existing.value.value.profile.name,
          });
          code = exitCodes.refused;
          return;
        }
        const done = await initProgramme(store, profile, actor(g), realHost.clock);
        if (done.isErr()) return failWith(g, g.lang ?? "en", done.error);
        const locale = g.lang ?? done.value.profile.locale;
        emit(g, done.value, () =>
          say(locale, "cli.initialised", { programme: done.value.profile.name, db: displayDb(g.db) }),
        );
      });
    });

  const mentor = program.command("mentor").description("register mentors");
  mentor
    .command("add")
    .description("register one mentor (JSON, docs/formats.md)")
    .argument("<file.json>")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const read = readJson(file);
        if (!read.ok) return failRead(locale, read);
        const done = await registerMentor(ctx, read.value, actor(g), "new");
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value.mentor, () =>
          say(locale, "cli.mentorRegistered", { id: done.value.mentor.id, name: done.value.mentor.name }),
        );
      });
    });
  mentor
    .command("import")
    .description("register many mentors from CSV or JSON: all or nothing")
    .argument("<file>", "a .csv (header: id,name,email,expertise,sectors,background,…) or a .json array")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const read = file.toLowerCase().endsWith(".csv") ? readMentorCsv(file) : readJson(file);
        if (!read.ok) return failRead(locale, read);
        const rows = Array.isArray(read.value) ? read.value : [read.value];
        note(locale, "cli.importing", { count: rows.length });
        const done = await registerMentors(ctx, rows, actor(g));
        if (done.isErr()) return failWith(g, locale, done.error);
        const { imported, alreadyThere } = done.value;
        emit(g, done.value, () =>
          say(locale, "cli.mentorsImported", {
            count: imported.length,
            alreadyThere: alreadyThere.join(", "),
          }),
        );
      });
    });

  mentor
    .command("benefit")
    .description("record a benefit a mentor received from a venture: suspends them from matching (rule 3)")
    .argument("<mentorId>")
    .requiredOption("--venture <ventureId>", "the venture it came from")
    .addOption(
      arg.choice(new Option("--kind <kind>", "what it was").choices([...benefitKinds])).makeOptionMandatory(),
    )
    .action(async (mentorId: string, opts: { venture: string; kind: BenefitKind }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await recordEthicsViolation(
          ctx,
          {
            mentorId: mentorId as MentorId,
            ventureId: opts.venture as VentureId,
            kind: opts.kind,
            on: ctx.clock(),
          },
          actor(g),
        );
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () =>
          say(locale, "cli.ethicsHold", { mentorId, cases: done.value.casesToReview.join(", ") }),
        );
      });
    });
  mentor
    .command("resolve")
    .description("lift a mentor's ethics hold, with how it was resolved")
    .argument("<mentorId>")
    .addOption(
      arg
        .choice(new Option("--resolution <how>", "how").choices([...ethicsResolutions]))
        .makeOptionMandatory(),
    )
    .action(async (mentorId: string, opts: { resolution: EthicsResolution }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await resolveEthicsHold(ctx, mentorId as MentorId, opts.resolution, actor(g));
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () => say(locale, "cli.ethicsResolved", { mentorId }));
      });
    });
  mentor
    .command("conflict")
    .description("record a conflict of interest between a mentor and a venture: kept off its team")
    .argument("<mentorId>")
    .requiredOption("--venture <ventureId>", "the venture")
    .addOption(
      arg.choice(new Option("--reason <reason>", "why").choices([...conflictReasons])).makeOptionMandatory(),
    )
    .action(async (mentorId: string, opts: { venture: string; reason: ConflictReason }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await recordConflict(
          ctx,
          { mentorId: mentorId as MentorId, ventureId: opts.venture as VentureId, reason: opts.reason },
          actor(g),
        );
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () =>
          say(locale, "cli.conflictRecorded", {
            mentorId,
            ventureId: opts.venture,
            cases: done.value.casesToReview.join(", "),
          }),
        );
      });
    });

  const intake = program.command("intake").description("intake requests");
  intake
    .command("submit")
    .description("submit an intake request, or a JSON array of them (safe to repeat)")
    .argument("<file.json>")
    .option("--key <key>", "idempotency key (default: the intake's id)")
    .action(async (file: string, opts: { key?: string }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const read = readJson(file);
        if (!read.ok) return failRead(locale, read);
        const items = Array.isArray(read.value) ? read.value : [read.value];
        const results: unknown[] = [];
        for (const [k, item] of items.entries()) {
          if (items.length > 1) note(locale, "cli.importRow", { row: k + 1, total: items.length });
          const id = (item as { id?: unknown } | null)?.id;
          const key = opts.key !== undefined && items.length === 1 ? opts.key : `intake:${String(id)}`;
          const done = await submitIntake(ctx, item, key, actor(g));
          if (done.isErr()) return failWith(g, locale, done.error);
          const seen = done.value.seenBefore;
          results.push({ id: done.value.intake.id, replayed: done.value.replayed, seenBefore: seen });
          if (!g.json) {
            io.out(
              say(locale, "cli.intakeSubmitted", { id: done.value.intake.id, replayed: done.value.replayed }),
            );
            if (seen.intakes.length > 0 && done.value.intake.previousCaseId === undefined)
              io.out(
                say(locale, "cli.seenBefore", {
                  id: done.value.intake.id,
                  closed: seen.closedCases.join(", "),
                  open: seen.openCases.join(", "),
                }),
              );
          }
        }
        if (g.json) io.out(JSON.stringify(results, null, 2));
      });
    });

  intake
    .command("link")
    .description(
      "link an intake to its venture's earlier, closed case (a returning venture; before its meeting)",
    )
    .argument("<intakeId>")
    .argument("<caseId>", "the earlier case")
    .action(async (intakeId: string, caseId: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await linkPreviousCase(ctx, intakeId as IntakeId, caseId as CaseId, actor(g));
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () => say(locale, "cli.linked", { id: intakeId, caseId }));
      });
    });

  program
    .command("triage")
    .description("decide an intake: the rules' decision with its reasons, or the manager's override")
    .argument("<intakeId>")
    .addOption(
      arg.choice(
        new Option("--override <outcome>", "overrule the rules").choices([
          "accept",
          "refer",
          "oneOff",
          "notReady",
        ]),
      ),
    )
    .option("--partner <id>", "with --override refer: the partner programme")
    .option("--advice <code>", "with --override notReady: the advice")
    .option("--reason <text>", "why the manager overrules (recorded with the decision)")
    .action(
      async (
        intakeId: string,
        opts: { override?: string; partner?: string; advice?: string; reason?: string },
        cmd: Command,
      ) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          const parsed =
            opts.override === undefined
              ? undefined
              : parseManagerOverride({
                  outcome: {
                    kind: opts.override,
                    ...(opts.partner === undefined ? {} : { partnerId: opts.partner }),
                    ...(opts.advice === undefined ? {} : { advice: opts.advice }),
                  },
                  reason: opts.reason ?? "",
                });
          if (parsed?.isErr()) return failWith(g, locale, parsed.error);
          const override = parsed?.unwrapOr(undefined);
          const done = await decideTriage(ctx, intakeId as IntakeId, actor(g), override);
          if (done.isErr()) return failWith(g, locale, done.error);
          const { decision, caseId, referralId } = done.value;
          emit(g, done.value, () =>
            [
              describeOutcome(decision.outcome, ctx.profile, locale),
              ...decision.reasons.map((r) => `  - ${describeReason(r, locale, ctx.profile)}`),
              ...(caseId === undefined ? [] : [say(locale, "cli.caseOpened", { caseId })]),
              ...(referralId === undefined ? [] : [say(locale, "cli.referralMade", { referralId })]),
            ].join("\n"),
          );
        });
      },
    );

  const round = program.command("round").description("the monthly mentors' meeting");
  round
    .command("plan")
    .description("propose teams for the cases waiting for the meeting (replaces an earlier plan)")
    .option("--month <YYYY-MM>", "the meeting's month (default: this month)", arg.month("--month"))
    .option("--date <iso>", "the meeting's date and time (default: now)")
    .option("--pin <case:mentor>", "keep a mentor on a case (repeatable)", arg.pin("pin"))
    .option("--exclude <case:mentor>", "keep a mentor off a case (repeatable)", arg.pin("exclude"))
    .option("--seed <n>", "seed for repeatable tie-breaking", arg.positiveInt("--seed"))
    .action(
      async (
        opts: { month?: string; date?: string; pin?: Pin[]; exclude?: Pin[]; seed?: number },
        cmd: Command,
      ) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          const date = opts.date === undefined ? ctx.clock() : new Date(opts.date);
          if (Number.isNaN(date.getTime()))
            return failWith(g, locale, {
              type: "ValidationFailed",
              subject: "round",
              issues: [{ path: "date", code: "invalid_date", message: `not a date: '${opts.date}'` }],
            });
          const roundId = `round-${opts.month ?? monthKey(date)}`;
          note(locale, "cli.planning", { round: roundId });
          const done = await planRound(ctx, roundId, date, actor(g), {
            pins: [...(opts.pin ?? []), ...(opts.exclude ?? [])],
            ...(opts.seed === undefined ? {} : { seed: opts.seed }),
          });
          if (done.isErr()) return failWith(g, locale, done.error);
          const mentors = await ctx.store.list("mentors");
          const names = new Map(mentors.isOk() ? mentors.value.map((m) => [m.value.id, m.value.name]) : []);
          emit(g, done.value, () =>
            renderProposal(done.value, names, locale, topicLabelOf(ctx.profile, locale)),
          );
        });
      },
    );
  round
    .command("answer")
    .description(
      "a proposed mentor's yes or no (run as that mentor with --actor, or record it for them with --on-behalf); a no fills the seat at once",
    )
    .argument("<round>", "the planned round, e.g. round-2026-12")
    .argument("<caseId>")
    .argument("<mentorId>")
    .addArgument(new Argument("<answer>", "yes or no").choices([...consentAnswers]))
    .addOption(
      arg.choice(
        new Option("--on-behalf <how>", "record the mentor's answer for them: how they gave it").choices([
          ...onBehalfReasons,
        ]),
      ),
    )
    .action(
      async (
        roundId: string,
        caseId: string,
        mentorId: string,
        answer: ConsentAnswer,
        opts: { onBehalf?: OnBehalfReason },
        cmd: Command,
      ) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          const done = await answerProposal(
            ctx,
            {
              caseId: caseId as CaseId,
              mentorId: mentorId as MentorId,
              answer,
              roundId,
              ...(opts.onBehalf === undefined ? {} : { onBehalf: opts.onBehalf }),
            },
            actor(g),
          );
          if (done.isErr()) return failWith(g, locale, done.error);
          const team = done.value.proposed;
          emit(g, done.value, () =>
            say(locale, "cli.answered", {
              caseId,
              mentorId,
              answer,
              team: team === undefined ? "" : [team.lead, ...team.members].join(", "),
              waiting: done.value.waitingFor.join(", "),
            }),
          );
        });
      },
    );
  round
    .command("confirm")
    .description(
      "confirm the planned teams every mentor said yes to (each checked again; the others are named)",
    )
    .argument("<round>", "the planned round, e.g. round-2026-12")
    .option("--case <id>", "confirm only this case's team")
    .action(async (roundId: string, opts: { case?: string }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const stored = await ctx.store.get("rounds", roundId);
        if (stored.isErr()) return failWith(g, locale, stored.error);
        if (stored.value === undefined) {
          note(locale, "cli.noProposal", { round: roundId });
          code = exitCodes.notFound;
          return;
        }
        const teams = stored.value.value.proposal.teams.filter(
          (t) => opts.case === undefined || t.caseId === opts.case,
        );
        if (opts.case !== undefined && teams.length === 0)
          return failWith(g, locale, { type: "CaseNotInRound", caseId: opts.case as CaseId });
        const results: unknown[] = [];
        const naming = await readerNaming(ctx, locale);
        for (const t of teams) {
          const seats = [
            { mentorId: t.lead, role: "lead" as const },
            ...t.members.map((mentorId) => ({ mentorId, role: "member" as const })),
          ];
          const before = await ctx.store.get("cases", t.caseId);
          const running =
            before.isOk() &&
            (before.value?.value.state === "active" || before.value?.value.state === "paused");
          const done = await confirmTeam(ctx, t.caseId, seats, actor(g));
          if (done.isErr()) {
            // One refused team does not stop the others; the exit code says something was refused.
            failWith(g, locale, done.error);
            results.push({ caseId: t.caseId, error: done.error });
            continue;
          }
          results.push({ caseId: t.caseId, team: seats });
          if (!g.json)
            io.out(
              say(locale, running ? "cli.teamAlreadyConfirmed" : "cli.teamConfirmed", {
                caseId: t.caseId,
                team: message(locale, "proposal.team", {
                  case: naming.case?.(t.caseId) ?? t.caseId,
                  lead: naming.mentor(t.lead),
                  members: t.members.map(naming.mentor),
                }),
              }),
            );
        }
        if (g.json) io.out(JSON.stringify(results, null, 2));
      });
    });

  const session = program.command("session").description("sparring sessions");
  session
    .command("log")
    .description("log a session with the mentee (by the note author: the lead or a designated mentor)")
    .option("--file <session.json>", "the session as JSON (docs/formats.md) instead of the options below")
    .option("--case <id>", "the case")
    .option(
      "--intake <id>",
      "instead of --case: the one-off conversation triage offered this intake (one mentor)",
    )
    .option("--on <iso>", "when (default: now)")
    .option("--minutes <n>", "how long", arg.positiveInt("--minutes"))
    .addOption(
      arg
        .choice(new Option("--mode <mode>", "how").choices(["inPerson", "video", "phone"]))
        .default("inPerson"),
    )
    .option("--mentors <ids>", "mentors present, comma-separated")
    .option("--author <id>", "who writes the notes (default: the first mentor present)")
    .option("--note <text>", "a short note (no sensitive details)")
    .action(
      async (
        opts: {
          file?: string;
          case?: string;
          on?: string;
          intake?: string;
          minutes?: number;
          mode: string;
          mentors?: string;
          author?: string;
          note?: string;
        },
        cmd: Command,
      ) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          let raw: unknown;
          if (opts.file !== undefined) {
            const read = readJson(opts.file);
            if (!read.ok) return failRead(locale, read);
            raw = read.value;
          } else {
            const mentors = (opts.mentors ?? "")
              .split(",")
              .map((s) => s.trim())
              .filter((s) => s !== "");
            raw = {
              id: `session-${randomUUID().slice(0, 8)}`,
              ...(opts.intake === undefined
                ? { kind: "case", caseId: opts.case }
                : { kind: "oneOff", intakeId: opts.intake }),
              on: opts.on ?? ctx.clock().toISOString(),
              minutes: opts.minutes,
              mode: opts.mode,
              mentors,
              menteePresent: true,
              noteAuthor: opts.author ?? mentors[0],
              ...(opts.note === undefined ? {} : { note: opts.note }),
            };
          }
          const author = (raw as { noteAuthor?: unknown } | null)?.noteAuthor;
          const done = await logSession(ctx, raw, { id: typeof author === "string" ? author : g.actor });
          if (done.isErr()) return failWith(g, locale, done.error);
          emit(g, done.value, () =>
            say(locale, "cli.sessionLogged", {
              id: done.value.id,
              minutes: done.value.minutes,
              caseId: done.value.caseId ?? "-",
            }),
          );
        });
      },
    );

  const kase = program.command("case").description("cases");
  /** Run a team change and print the team it leaves. */
  const teamChange = async (cmd: Command, caseId: string, change: TeamChange, onBehalf?: OnBehalfReason) => {
    const g = globals(cmd);
    await withProgramme(g, async (ctx, locale) => {
      let done = await changeTeam(ctx, caseId as CaseId, change, actor(g));
      if (done.isErr() && done.error.type === "ConsentMissing" && onBehalf !== undefined) {
        // The newcomer said yes (rule 24): recorded with how they said it, then they join. Any other
        // refusal came first, so a refused join records no answer.
        const said = await answerProposal(
          ctx,
          { caseId: caseId as CaseId, mentorId: change.mentorId, answer: "yes", onBehalf },
          actor(g),
        );
        if (said.isErr()) return failWith(g, locale, said.error);
        done = await changeTeam(ctx, caseId as CaseId, change, actor(g));
      }
      if (done.isErr()) return failWith(g, locale, done.error);
      const team = currentTeam(done.value);
      emit(g, done.value, () =>
        say(locale, "cli.teamChanged", {
          caseId,
          team: team.map((m) => `${m.mentorId} (${m.role})`).join(", "),
          short: done.value.needsReplacement,
        }),
      );
    });
  };
  kase
    .command("leave")
    .description("a mentor steps off a case, or is recused (a conflict of interest: never back on it)")
    .argument("<caseId>")
    .argument("<mentorId>")
    .addOption(
      arg
        .choice(new Option("--reason <reason>", "why").choices(["steppedOff", "recused"]))
        .makeOptionMandatory(),
    )
    .action((caseId: string, mentorId: string, opts: { reason: "steppedOff" | "recused" }, cmd: Command) =>
      teamChange(cmd, caseId, { kind: "leave", mentorId: mentorId as MentorId, reason: opts.reason }),
    );
  kase
    .command("join")
    .description(
      "a mentor joins a running case's team (a replacement) once they said yes: round answer, or --on-behalf here",
    )
    .argument("<caseId>")
    .argument("<mentorId>")
    .addOption(
      arg.choice(new Option("--role <role>", "their role").choices(["member", "lead"]).default("member")),
    )
    .addOption(
      arg.choice(
        new Option("--on-behalf <how>", "record the mentor's yes: how they gave it").choices([
          ...onBehalfReasons,
        ]),
      ),
    )
    .action(
      (
        caseId: string,
        mentorId: string,
        opts: { role: "member" | "lead"; onBehalf?: OnBehalfReason },
        cmd: Command,
      ) =>
        teamChange(
          cmd,
          caseId,
          { kind: "join", mentorId: mentorId as MentorId, role: opts.role },
          opts.onBehalf,
        ),
    );
  kase
    .command("replacement")
    .description("the engine's proposal for a short team's open seat, now (nothing is changed)")
    .argument("<caseId>")
    .action(async (caseId: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const offer = await proposeReplacementFor(ctx, caseId as CaseId);
        if (offer.isErr()) return failWith(g, locale, offer.error);
        const o = offer.value;
        emit(g, o, () =>
          o.kind === "team"
            ? say(locale, "cli.replacement", {
                caseId,
                team: [o.team.lead, ...o.team.members].join(", "),
              })
            : say(locale, "cli.noReplacement", {
                caseId,
                why: o.diagnosis
                  .map((d) => describeDiagnosis(d, locale, idsAndLabels(ctx.profile, locale)))
                  .join(" "),
              }),
        );
      });
    });
  kase
    .command("lead")
    .description("a member of the team becomes its lead (when the lead left)")
    .argument("<caseId>")
    .argument("<mentorId>")
    .action((caseId: string, mentorId: string, _opts: unknown, cmd: Command) =>
      teamChange(cmd, caseId, { kind: "lead", mentorId: mentorId as MentorId }),
    );
  kase
    .command("due")
    .description("accepted cases that waited through a meeting without a team: a decision is due")
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const due = await casesDue(ctx);
        if (due.isErr()) return failWith(g, locale, due.error);
        emit(g, due.value, () =>
          due.value.length === 0
            ? say(locale, "cli.dueNone")
            : due.value
                .map((d) =>
                  say(locale, "cli.dueCase", {
                    caseId: d.caseId,
                    intakeId: d.intakeId,
                    meetings: d.meetingsMissed.length,
                    since: formatDate(locale, d.openedOn),
                    why: d.diagnosis
                      .map((x) => describeDiagnosis(x, locale, idsAndLabels(ctx.profile, locale)))
                      .join(" "),
                  }),
                )
                .join("\n"),
        );
      });
    });
  kase
    .command("hold")
    .description("plan a due case once more at the next meeting, with the reason")
    .argument("<caseId>")
    .addOption(
      arg.choice(new Option("--reason <reason>", "why").choices([...holdOverReasons])).makeOptionMandatory(),
    )
    .action(async (caseId: string, opts: { reason: HoldOverReason }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await holdOver(ctx, caseId as CaseId, opts.reason, actor(g));
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () => say(locale, "cli.heldOver", { caseId }));
      });
    });
  for (const step of ["pause", "resume"] as const)
    kase
      .command(step)
      .description(
        step === "pause"
          ? "pause a running case (the entrepreneur asked for a break); the team stays"
          : "resume a paused case with its team",
      )
      .argument("<caseId>")
      .action(async (caseId: string, _opts: unknown, cmd: Command) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          const done = await (step === "pause" ? pauseCase : resumeCase)(ctx, caseId as CaseId, actor(g));
          if (done.isErr()) return failWith(g, locale, done.error);
          emit(g, done.value, () =>
            say(locale, "cli.caseState", { caseId, state: message(locale, `state.${done.value.state}`, {}) }),
          );
        });
      });

  kase
    .command("close")
    .description("close a case: mentoring stops when the question stops")
    .argument("<caseId>")
    .addOption(
      arg.choice(new Option("--reason <reason>", "why").choices([...closingReasons])).makeOptionMandatory(),
    )
    .option("--mentee-feedback <text>", "the mentee's exit feedback")
    .option("--team-feedback <text>", "the team's exit feedback")
    .action(
      async (
        caseId: string,
        opts: { reason: (typeof closingReasons)[number]; menteeFeedback?: string; teamFeedback?: string },
        cmd: Command,
      ) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          const feedback =
            opts.menteeFeedback === undefined && opts.teamFeedback === undefined
              ? undefined
              : {
                  ...(opts.menteeFeedback === undefined ? {} : { mentee: opts.menteeFeedback }),
                  ...(opts.teamFeedback === undefined ? {} : { team: opts.teamFeedback }),
                };
          const done = await closeCase(ctx, caseId as CaseId, opts.reason, actor(g), feedback);
          if (done.isErr()) return failWith(g, locale, done.error);
          emit(g, done.value, () =>
            say(locale, "cli.caseClosed", { caseId, reason: message(locale, `closing.${opts.reason}`, {}) }),
          );
        });
      },
    );

  program
    .command("report")
    .description("the monthly report")
    .option("--month <YYYY-MM>", "the month (default: this month)", arg.month("--month"))
    .addOption(
      arg.choice(new Option("--format <format>", "output").choices(["md", "json", "svg"])).default("md"),
    )
    .addOption(
      arg
        .choice(new Option("--chart <chart>", "with --format svg").choices(["hours", "load"]))
        .default("hours"),
    )
    .action(
      async (
        opts: { month?: string; format: "md" | "json" | "svg"; chart: "hours" | "load" },
        cmd: Command,
      ) => {
        const g = globals(cmd);
        await withProgramme(g, async (ctx, locale) => {
          const asOf = reportAsOf(opts.month, ctx.clock());
          const done = await programmeReport(ctx, asOf);
          if (done.isErr()) return failWith(g, locale, done.error);
          const profile = { ...ctx.profile, locale };
          if (g.json || opts.format === "json") {
            io.out(JSON.stringify(done.value, null, 2));
            return;
          }
          const reader = await readerNaming(ctx, locale);
          if (opts.format === "svg")
            io.out(
              opts.chart === "hours"
                ? renderHoursChart(done.value, profile, reader)
                : renderLoadChart(done.value, profile, reader),
            );
          else io.out(renderReportMarkdown(done.value, profile, reader));
        });
      },
    );

  const person = program.command("person").description("personal data (GDPR): access and erasure");
  const personOf = (who: string): Person =>
    who.includes("@") ? { kind: "mentee", email: who } : { kind: "mentor", id: who as MentorId };
  person
    .command("export")
    .description("everything stored about a mentor (by id) or a mentee (by e-mail), as JSON")
    .argument("<mentor-id|mentee-email>")
    .action(async (who: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await exportPerson(ctx, personOf(who));
        if (done.isErr()) return failWith(g, locale, done.error);
        io.out(JSON.stringify(done.value, null, 2));
      });
    });
  person
    .command("erase")
    .description("erase a person's personal data; statistics stay")
    .argument("<mentor-id|mentee-email>")
    .action(async (who: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await erasePerson(ctx, personOf(who), actor(g));
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () => say(locale, "cli.erased", { documents: done.value.documents }));
      });
    });

  program
    .command("purge")
    .description("retention: erase mentee data the profile's retention period no longer covers")
    .option("--dry-run", "only say what would be erased")
    .action(async (opts: { dryRun?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      await withProgramme(g, async (ctx, locale) => {
        const done = await purgeExpired(ctx, actor(g), { dryRun: opts.dryRun === true });
        if (done.isErr()) return failWith(g, locale, done.error);
        emit(g, done.value, () =>
          say(locale, done.value.dryRun ? "cli.purgeDry" : "cli.purged", {
            intakes: done.value.intakes.length,
            documents: done.value.documents,
            months: ctx.profile.retention.months,
          }),
        );
      });
    });

  program
    .command("match")
    .description("propose teams for a matching round file, without a store (docs/formats.md)")
    .argument("<round.json>", "the matching round")
    .addOption(new Option("--exact", "solve to proven optimality with HiGHS (optional dependency 'highs')"))
    .addOption(
      new Option(
        "--time-limit <ms>",
        "stop improving after this long and answer with the best proposal so far (with --exact: a hard limit)",
      )
        .default(60_000)
        .argParser(arg.positiveInt("--time-limit")),
    )
    .addOption(
      new Option(
        "--target-gap <share>",
        "improve until the certificate proves the proposal this close to the optimum (0.003: 0.3 %)",
      ).argParser(arg.share("--target-gap")),
    )
    .addOption(
      new Option(
        "--perturbations <n>",
        "perturbed searches on rounds up to 300 × 100, at most (default 15)",
      ).argParser(arg.wholeNumber("--perturbations")),
    )
    .addOption(
      new Option(
        "--threads <n>",
        "helper threads for the certificate of rounds over 40 000 candidate pairs (the same proposal, sooner)",
      )
        .default(0)
        .argParser(arg.wholeNumber("--threads")),
    )
    .option(
      "--progress",
      "show progress on stderr also with --json (without it, shown when a round takes over a second)",
    )
    .action(async (file: string, opts: MatchCommandOptions, cmd: Command) => {
      const g = globals(cmd);
      const raw = readJson(file);
      if (!raw.ok) return failRead(g.lang ?? "en", raw);
      const locale: Locale = g.lang ?? pickLocale(raw.value);
      const parsed = parseMatchingRound(raw.value);
      if (parsed.isErr()) return failWith(g, locale, parsed.error);
      const r = parsed.value;
      let proposal: MatchingProposal;
      if (opts.exact) {
        const { solveExact } = await import("venture-mentoring/highs");
        const result = await solveExact(r, { timeLimitMs: opts.timeLimit });
        if (result.isErr()) {
          const e = result.error;
          if (e.type === "SolverDefect") return failWith(g, locale, e);
          io.err(`${e.type}: ${"reason" in e ? e.reason : "status" in e ? e.status : `${e.afterMs} ms`}`);
          code = exitCodes.refused;
          return;
        }
        proposal = result.value;
      } else {
        const { threadPool } = await import("venture-mentoring/threads");
        const pool = threadPool({ threads: opts.threads });
        if (pool.isErr()) return failWith(g, locale, pool.error);
        // Progress on stderr once the round has taken over a second; with --json only if asked.
        const now = io.now ?? Date.now;
        const started = now();
        const showProgress = opts.progress === true || !g.json;
        const result = matchRound(r, {
          ...(opts.targetGap === undefined ? {} : { targetGap: opts.targetGap }),
          ...(opts.perturbations === undefined ? {} : { perturbations: opts.perturbations }),
          // The deadline on the real clock (the injected one above times the progress lines).
          deadline: { at: Date.now() + opts.timeLimit, now: Date.now },
          helpers: pool.value,
          ...(showProgress
            ? {
                progress: (p: MatchProgress) => {
                  const ms = now() - started;
                  if (ms > PROGRESS_AFTER_MS) io.err(progressLine(p, ms, locale));
                },
              }
            : {}),
        });
        await pool.value.close();
        if (result.isErr()) return failWith(g, locale, result.error);
        proposal = result.value;
      }
      emit(g, proposal, () =>
        renderProposal(
          proposal,
          new Map(r.mentors.map((m) => [m.id, m.name])),
          locale,
          (id) => r.rules.topicLabels?.[id] ?? id,
        ),
      );
    });

  program
    .command("demo")
    .description("a year of the Friesland programme, month by month, through the real use-cases")
    .option("--seed <n>", "the same seed gives the same year", arg.positiveInt("--seed"), 2026)
    .option("--months <n>", "how many months", arg.positiveInt("--months"), 12)
    .option("--start <YYYY-MM>", "the first month", arg.month("--start"), "2026-01")
    .option(
      "--warm-up <n>",
      "months the programme ran before --start, not reported (0: start from an empty programme)",
      arg.wholeNumber("--warm-up"),
      12,
    )
    .action(async (opts: { seed: number; months: number; start: string; warmUp: number }, cmd: Command) => {
      const g = globals(cmd);
      const locale = g.lang ?? friesland.locale;
      // On a store only when one is named; by default the demo leaves nothing behind.
      const explicit = program.getOptionValueSource("db") !== "default" || env.VMENTOR_DB !== undefined;
      const runOn = async (store: ProgrammeStore) => {
        const existing = await store.get("settings", "programme");
        if (existing.isOk() && existing.value !== undefined) {
          note(locale, "cli.demoNotEmpty", { db: displayDb(g.db) });
          code = exitCodes.refused;
          return;
        }
        const year = await runDemoYear(store, {
          seed: opts.seed,
          months: opts.months,
          start: opts.start,
          warmUp: opts.warmUp,
          onMonth: ({ month, report }) => {
            note(locale, "cli.demoMonth", {
              month,
              active: report.cases.active,
              intakes: report.intake.requests,
              hours: formatHours(locale, report.hours.caseHoursThisMonth),
            });
            if (!g.json) io.out(`${renderReportMarkdown(report, { ...friesland, locale })}\n`);
          },
        });
        if (!year.ok) {
          note(locale, "cli.demoFailed", {
            step: year.failure.step,
            message: describeError(year.failure.error as VentureMentoringError, locale),
          });
          code = exitCodeOf(year.failure.error as VentureMentoringError);
          return;
        }
        const c = year.value.counts;
        emit(g, { counts: c, months: year.value.months }, () =>
          say(locale, "cli.demoYear", {
            mentors: c.mentors,
            intakes: c.intakes,
            teams: c.teamsConfirmed,
            sessions: c.sessions,
            closed: c.closed,
            ...c.events,
          }),
        );
      };
      if (explicit) await withStore(g, runOn);
      else {
        const store = createMemoryStore();
        await runOn(store);
        await store.close();
      }
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return exitCodes.ok;
      return e.code === "commander.invalidArgument" ? exitCodes.invalidInput : exitCodes.usage;
    }
    if (argv.includes("--debug")) io.err((e as Error).stack ?? String(e));
    else io.err(say("en", "cli.internal", { detail: (e as Error).message }));
    return exitCodes.defect;
  }
  return code;
}

function pickLocale(raw: unknown): Locale {
  const rules =
    typeof raw === "object" && raw !== null ? (raw as { rules?: { locale?: unknown } }).rules : undefined;
  return rules?.locale === "nl" ? "nl" : "en";
}
