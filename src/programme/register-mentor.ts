import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { ValidationFailed, ValidationIssue } from "../errors.js";
import type { Mentor } from "../model/mentor.js";
import { parseMentor } from "../model/parsers.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
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
  const invalid = checkArguments(
    "registerMentor",
    { actor: argument.actor, expected: argument.expectedVersion },
    { actor, expected },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const parsed = parseMentor(raw);
  if (parsed.isErr()) return errAsync(parsed.error);
  const { ethicsHold: _ignored, ...incoming } = parsed.value;
  return ctx.store.transaction((tx) =>
    // An ethics hold is the programme's record, not the mentor's data: an update keeps it as stored.
    (expected === "new" ? okAsync(undefined) : tx.get("mentors", incoming.id))
      .map((stored): Mentor => {
        const hold = stored?.value.ethicsHold;
        return hold === undefined ? incoming : { ...incoming, ethicsHold: hold };
      })
      .andThen((mentor) =>
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
      ),
  );
}

/**
 * Register many new mentors at once (an import): every record is checked first, and all are
 * written in one transaction — so a bad row or an id already taken leaves the store as it was.
 * Issues name the row: `3.expertise.0.level`; a second row with the same id is refused as well.
 *
 * @example
 * await registerMentors(ctx, rowsFromCsv, { id: "pm-paula" });
 */
export function registerMentors(
  ctx: ProgrammeContext,
  raws: readonly unknown[],
  actor: Actor,
): ResultAsync<readonly Mentor[], ValidationFailed | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "registerMentors",
    { raws: argument.list, actor: argument.actor },
    { raws, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const mentors: Mentor[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  raws.forEach((raw, row) => {
    const parsed = parseMentor(raw);
    if (parsed.isErr()) {
      for (const i of parsed.error.issues)
        issues.push({ ...i, path: i.path === "" ? `${row}` : `${row}.${i.path}` });
      return;
    }
    if (seen.has(parsed.value.id)) {
      issues.push({ path: `${row}.id`, code: "custom", message: `mentor ${parsed.value.id} appears twice` });
      return;
    }
    seen.add(parsed.value.id);
    const { ethicsHold: _ignored, ...mentor } = parsed.value;
    mentors.push(mentor);
  });
  if (issues.length > 0) return errAsync({ type: "ValidationFailed", subject: "Mentor", issues });
  return ctx.store.transaction((tx) => {
    const at = ctx.clock();
    const writeFrom = (k: number): ResultAsync<readonly Mentor[], StoreConflict | StoreUnavailable> => {
      const mentor = mentors[k];
      if (mentor === undefined) return okAsync(mentors);
      return tx
        .put("mentors", mentor.id, mentor, "new")
        .andThen(() =>
          tx.appendAudit({
            at,
            actor: actor.id,
            action: "registerMentor",
            subject: { collection: "mentors", id: mentor.id },
          }),
        )
        .andThen(() => writeFrom(k + 1));
    };
    return writeFrom(0);
  });
}
