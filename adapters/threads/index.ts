/**
 * Helper threads for matching large rounds: Node's worker threads that take a share of the
 * certificate's case searches (`MatchOptions.helpers`) — on a tight round of 10 000 mentors ×
 * 5 000 cases the largest part of its time. The proposal is the same with them or without; the
 * core stays single-threaded and pure, and a helper that fails to start only costs its share of
 * speed.
 *
 * @example
 * const pool = threadPool()._unsafeUnwrap(); // the machine's cores less one
 * const proposal = matchRound(round, { helpers: pool });
 * await pool.close();
 *
 * @packageDocumentation
 */
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { err, ok, type Result } from "neverthrow";
import type { CaseSearchHelpers, CaseSearchJob, ValidationFailed } from "venture-mentoring";

/** Helper threads at most. */
const MAX_THREADS = 64;

export interface ThreadPoolOptions {
  /** Helper threads, 0–64 (default: the machine's available parallelism less one, for the caller's thread). */
  readonly threads?: number;
}

/** Helper threads to pass as `MatchOptions.helpers`; reusable for any number of rounds. */
export interface ThreadPool extends CaseSearchHelpers {
  /**
   * Resolves once every helper has loaded (or failed to), with how many are ready. Not needed before
   * matching — helpers join the certificate's steps as they arrive — but a benchmark waits for it.
   */
  ready(): Promise<number>;
  /** Stop the helper threads (not while a round runs on them). Rounds matched afterwards run on the caller's thread alone. */
  close(): Promise<void>;
}

/**
 * The helper's code: the built worker beside this file (.js or .cjs), or, run from the TypeScript
 * sources (tests, benchmarks), the source worker loaded through tsx.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const ext = extname(fileURLToPath(here));
  if (ext !== ".ts") return new Worker(new URL(`./threads-worker${ext}`, here));
  const worker = new URL("./worker.ts", here).href;
  const tsconfig = fileURLToPath(new URL("../../tsconfig.check.json", here));
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(worker)}); });`,
    { eval: true },
  );
}

/**
 * Start helper threads. They load while the round is prepared and staffed, and do not keep the
 * process alive.
 */
export function threadPool(options: ThreadPoolOptions = {}): Result<ThreadPool, ValidationFailed> {
  const threads = options.threads ?? Math.max(0, availableParallelism() - 1);
  if (!Number.isInteger(threads) || threads < 0 || threads > MAX_THREADS)
    return err({
      type: "ValidationFailed",
      subject: "ThreadPoolOptions",
      issues: [
        {
          path: "threads",
          code: "invalid_value",
          message: `must be a whole number from 0 to ${MAX_THREADS}`,
        },
      ],
    });
  const live = new Set<Worker>();
  const loaded: Promise<boolean>[] = [];
  for (let k = 0; k < threads; k++) {
    const worker = startWorker();
    loaded.push(
      new Promise((resolve) => {
        worker.once("message", () => resolve(true));
        // A helper that fails (to start, say) leaves the pool; the caller's thread does its share.
        const gone = () => {
          live.delete(worker);
          resolve(false);
        };
        worker.on("error", gone);
        worker.on("exit", gone);
      }),
    );
    worker.unref();
    live.add(worker);
  }
  return ok({
    async ready() {
      // Waiting for them keeps the process alive (unreferenced threads would not).
      const waiting = [...live];
      for (const worker of waiting) worker.ref();
      try {
        return (await Promise.all(loaded)).filter(Boolean).length;
      } finally {
        for (const worker of waiting) worker.unref();
      }
    },
    get threads() {
      return live.size;
    },
    post(job: CaseSearchJob) {
      for (const worker of live) worker.postMessage(job);
    },
    async close() {
      const stopping = [...live].map((w) => w.terminate());
      live.clear();
      await Promise.all(stopping);
    },
  });
}
