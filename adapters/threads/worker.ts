/**
 * A helper thread of `threadPool` (./index.ts): it takes a share of every certificate job it is
 * posted, then waits for the next.
 */
import { parentPort } from "node:worker_threads";
import { type CaseSearchJob, helpCaseSearch } from "venture-mentoring";

parentPort?.on("message", (job: CaseSearchJob) => helpCaseSearch(job));
// Loaded: the pool counts this thread ready.
parentPort?.postMessage("ready");
