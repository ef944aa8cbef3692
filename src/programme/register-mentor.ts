import { errAsync, type ResultAsync } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import type { Mentor } from "../model/mentor.js";
import { parseMentor } from "../model/parsers.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import type { Actor, ProgrammeContext } from "./context.js";

/**
 * Register a mentor or update their record (expertise, capacity, declared interests…). An update
 * names the version it read; if someone changed the record since, it is a `StoreConflict`.
 *
 * @example
 * await registerMentor(ctx, body, { id: "pm-paula" }, "new");
 */
export function registerMentor(
  ctx: ProgrammeContext,
  raw: unknown,
  actor: Actor,
  expected: number | "new",
): ResultAsync<{ mentor: Mentor; version: number }, ValidationFailed | StoreConflict | StoreUnavailable> {
  const parsed = parseMentor(raw);
  if (parsed.isErr()) return errAsync(parsed.error);
  const mentor = parsed.value;
  return ctx.store.transaction((tx) =>
    tx.put("mentors", mentor.id, mentor, expected).andThen((version) =>
      tx
        .appendAudit({
          at: ctx.clock(),
          actor: actor.id,
          action: expected === "new" ? "registerMentor" : "updateMentor",
          subject: { collection: "mentors", id: mentor.id },
        })
        .map(() => ({ mentor, version })),
    ),
  );
}
