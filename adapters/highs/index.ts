/**
 * Exact matching with HiGHS (MIT, WebAssembly): the whole model — team rules and coverage included —
 * solved to proven optimality for chapter-sized rounds. HiGHS blocks its thread and does not keep
 * its own time limit reliably, so it runs in a worker thread that is terminated at the deadline.
 * Needs the optional peer dependency `highs`.
 *
 * @packageDocumentation
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import { exactModel, type MatchingProposal, type MatchingRound, type SolverDefect } from "venture-mentoring";

/** The exact solver did not finish within the time limit; the worker was terminated. */
export interface ExactTimedOut {
  readonly type: "ExactTimedOut";
  readonly afterMs: number;
}

/** HiGHS could not be loaded (the optional peer dependency `highs` is not installed) or failed. */
export interface ExactSolverFailed {
  readonly type: "ExactSolverFailed";
  readonly reason: string;
}

/** HiGHS finished without a proven optimum (infeasible model, iteration limit…). */
export interface ExactNotOptimal {
  readonly type: "ExactNotOptimal";
  readonly status: string;
}

export type ExactError = ExactTimedOut | ExactSolverFailed | ExactNotOptimal | SolverDefect;

export interface ExactOptions {
  /** Hard wall-clock limit; the worker is killed after it. Default 60 000 ms. */
  readonly timeLimitMs?: number;
  /**
   * Which mentor × case pairs the model has: "all" (default), or "candidates" — the pairs
   * `matchRound` starts from on a large round, to compare its certificate with the LP bound over the
   * same pairs where the full model is too large.
   */
  readonly pairs?: "all" | "candidates";
}

interface WorkerAnswer {
  readonly status?: string;
  readonly objective?: number;
  readonly columns?: Record<string, number>;
  readonly error?: string;
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const loaded = require(workerData.highsPath);
Promise.resolve((loaded.default || loaded)()).then((highs) => {
  const s = highs.solve(workerData.lp, workerData.options);
  const columns = {};
  for (const [name, col] of Object.entries(s.Columns || {})) columns[name] = col.Primal;
  parentPort.postMessage({ status: s.Status, objective: s.ObjectiveValue, columns });
}).catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

function highsPath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve("highs");
  } catch {
    return undefined;
  }
}

/** Solve LP text with HiGHS in a worker that is terminated at the deadline. */
function solveInWorker(
  lp: string,
  timeLimitMs: number,
): ResultAsync<WorkerAnswer, ExactTimedOut | ExactSolverFailed> {
  const path = highsPath();
  if (path === undefined) {
    return errAsync({
      type: "ExactSolverFailed",
      reason: "the optional peer dependency 'highs' is not installed",
    });
  }
  return ResultAsync.fromPromise(
    new Promise<WorkerAnswer>((resolve, reject) => {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { highsPath: path, lp, options: { mip_rel_gap: 0, time_limit: timeLimitMs / 1000 } },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject({ type: "ExactTimedOut", afterMs: timeLimitMs } satisfies ExactTimedOut);
      }, timeLimitMs);
      worker.once("message", (answer: WorkerAnswer) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(answer);
      });
      worker.once("error", (e) => {
        clearTimeout(timer);
        reject({ type: "ExactSolverFailed", reason: e.message } satisfies ExactSolverFailed);
      });
    }),
    (e) =>
      typeof e === "object" && e !== null && "type" in e
        ? (e as ExactTimedOut | ExactSolverFailed)
        : { type: "ExactSolverFailed", reason: String(e) },
  );
}

/**
 * The proven-optimal proposal for a round (same format as `matchRound`, `certificate.method: "exact"`,
 * gap 0), or an error when HiGHS does not prove optimality within the time limit.
 *
 * @example
 * const proposal = await solveExact(round, { timeLimitMs: 30_000 });
 */
export function solveExact(
  round: MatchingRound,
  options: ExactOptions = {},
): ResultAsync<MatchingProposal, ExactError> {
  const model = exactModel(round, { pairs: options.pairs ?? "all" });
  return solveInWorker(model.lp, options.timeLimitMs ?? 60_000).andThen(
    (answer): ResultAsync<MatchingProposal, ExactError> => {
      if (answer.error !== undefined) return errAsync({ type: "ExactSolverFailed", reason: answer.error });
      if (answer.status !== "Optimal" || answer.columns === undefined || answer.objective === undefined) {
        return errAsync({ type: "ExactNotOptimal", status: answer.status ?? "unknown" });
      }
      const objective = answer.objective - model.offset(answer.columns);
      const decoded = model.decode(answer.columns, { bound: objective });
      return decoded.isOk() ? okAsync(decoded.value) : errAsync(decoded.error);
    },
  );
}

/**
 * The LP relaxation's optimum: a proven upper bound on any proposal's objective for the round
 * (team rules and coverage included), usually within a few hundredths of a percent of the optimum.
 */
export function lpBound(round: MatchingRound, options: ExactOptions = {}): ResultAsync<number, ExactError> {
  const model = exactModel(round, { relax: true, pairs: options.pairs ?? "all" });
  return solveInWorker(model.lp, options.timeLimitMs ?? 60_000).andThen(
    (answer): ResultAsync<number, ExactError> => {
      if (answer.error !== undefined) return errAsync({ type: "ExactSolverFailed", reason: answer.error });
      if (answer.status !== "Optimal" || answer.columns === undefined || answer.objective === undefined) {
        return errAsync({ type: "ExactNotOptimal", status: answer.status ?? "unknown" });
      }
      return okAsync(answer.objective - model.offset(answer.columns));
    },
  );
}
