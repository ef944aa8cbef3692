/**
 * The `vmentor` command line: a thin shell over the library. Input → zod parse → the core →
 * output, errors as catalogue messages with the field or rule at fault; never a stack trace
 * unless `--debug`.
 *
 * Exit codes: 0 done; 1 usage error; 2 invalid input (unreadable file, bad JSON, a field that
 * fails validation); 3 the work could not be done (exact solver timed out or unavailable);
 * 70 an internal defect (a proposal that broke a hard rule — a bug).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import {
  describeError,
  type Locale,
  type MatchingProposal,
  matchRound,
  message,
  parseMatchingRound,
} from "venture-mentoring";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const exitCodes = { ok: 0, usage: 1, invalidInput: 2, notDone: 3, defect: 70 } as const;

function readJson(path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? "error"}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `${path} is not valid JSON: ${(e as Error).message}` };
  }
}

/** The proposal for people: teams with their explanations, what could not be staffed and why. */
export function renderProposal(
  p: MatchingProposal,
  names: ReadonlyMap<string, string>,
  locale: Locale,
): string {
  const lines: string[] = [];
  const name = (id: string) => names.get(id) ?? id;
  lines.push(message(locale, "proposal.title", { round: p.roundId }));
  for (const t of p.teams) {
    lines.push(
      "",
      message(locale, "proposal.team", {
        case: t.caseId,
        lead: name(t.lead),
        members: t.members.map(name).join(", "),
      }),
    );
    for (const text of t.explanation.texts) lines.push(`  - ${text}`);
  }
  if (p.unstaffed.length > 0 || p.overQuota.length > 0 || p.diagnosis.length > 0) {
    lines.push(
      "",
      message(locale, "proposal.notStaffed", { cases: [...p.unstaffed, ...p.overQuota].join(", ") || "-" }),
    );
    for (const d of p.diagnosis) lines.push(`  - ${d.text}`);
  }
  const c = p.certificate;
  lines.push(
    "",
    message(locale, "proposal.certificate", {
      objective: c.objective.toFixed(1),
      bound: c.bound.toFixed(1),
      gap: (c.gap * 100).toFixed(2),
      method: `${c.method}, ${c.scope}`,
    }),
  );
  return lines.join("\n");
}

/** Run `vmentor` with the given arguments (without `node` and the script); returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command("vmentor")
    .description("Run an entrepreneur mentoring programme on the MIT Venture Mentoring Service model.")
    .option("--debug", "print stack traces of internal errors")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command("match")
    .description("propose teams for a matching round (the JSON format in docs/formats.md)")
    .argument("<round.json>", "the matching round")
    .option("--json", "print the proposal as JSON")
    .addOption(new Option("--exact", "solve to proven optimality with HiGHS (optional dependency 'highs')"))
    .addOption(
      new Option("--time-limit <ms>", "hard limit for --exact").default("60000").argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n <= 0)
          throw new CommanderError(
            1,
            "vmentor.invalidArgument",
            `--time-limit must be a positive whole number of milliseconds, got '${v}'`,
          );
        return String(n);
      }),
    )
    .action(async (file: string, opts: { json?: boolean; exact?: boolean; timeLimit: string }) => {
      const raw = readJson(file);
      if (!raw.ok) {
        io.err(raw.message);
        code = exitCodes.invalidInput;
        return;
      }
      const parsed = parseMatchingRound(raw.value);
      const locale: Locale = pickLocale(raw.value);
      if (parsed.isErr()) {
        io.err(describeError(parsed.error, locale));
        code = exitCodes.invalidInput;
        return;
      }
      const round = parsed.value;
      let proposal: MatchingProposal;
      if (opts.exact) {
        const { solveExact } = await import("venture-mentoring/highs");
        const result = await solveExact(round, { timeLimitMs: Number(opts.timeLimit) });
        if (result.isErr()) {
          const e = result.error;
          io.err(
            e.type === "SolverDefect"
              ? describeError(e, locale)
              : `${e.type}: ${"reason" in e ? e.reason : "status" in e ? e.status : `${e.afterMs} ms`}`,
          );
          code = e.type === "SolverDefect" ? exitCodes.defect : exitCodes.notDone;
          return;
        }
        proposal = result.value;
      } else {
        const result = matchRound(round);
        if (result.isErr()) {
          io.err(describeError(result.error, locale));
          code = exitCodes.defect;
          return;
        }
        proposal = result.value;
      }
      io.out(
        opts.json
          ? JSON.stringify(proposal, null, 2)
          : renderProposal(proposal, new Map(round.mentors.map((m) => [m.id, m.name])), round.rules.locale),
      );
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    if (argv.includes("--debug")) io.err((e as Error).stack ?? String(e));
    else io.err(`internal error: ${(e as Error).message} (run with --debug for details)`);
    return exitCodes.defect;
  }
  return code;
}

function pickLocale(raw: unknown): Locale {
  const rules =
    typeof raw === "object" && raw !== null ? (raw as { rules?: { locale?: unknown } }).rules : undefined;
  return rules?.locale === "nl" ? "nl" : "en";
}
