import { matchRound, parseMatchingRound } from "venture-mentoring";
import { threadPool } from "venture-mentoring/threads";

// Once, when the portal starts: helper threads (the machine's cores less one) that share a large
// round's certificate. The proposal is the same with them or without; only the time differs.
const pool = threadPool();
if (pool.isErr()) throw new Error(`helper threads could not start: ${pool.error.type}`);
export const helpers = pool.value;

/** The mentors' meeting's proposal for a round posted as JSON (docs/formats.md). */
export function proposeTeams(body: unknown) {
  return parseMatchingRound(body).andThen((round) => matchRound(round, { helpers }));
}
