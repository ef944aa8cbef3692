import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { ValidationFailed, ValidationIssue } from "../errors.js";
import type { MentorId } from "../model/brand.js";
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

/** What an import did: the mentors it registered, and those already there (written before, left as they are). */
export interface MentorImport {
  readonly imported: readonly Mentor[];
  /** Rows whose mentor is registered already (same id, name and e-mail): nothing imported twice. */
  readonly alreadyThere: readonly MentorId[];
}

/**
 * Register many new mentors at once (an import): every record is checked first, and all are
 * written in one transaction — so a bad row leaves the store as it was. Importing the same file
 * again is harmless: a row whose mentor is registered already (same id, name and e-mail) is
 * reported in `alreadyThere` and not written; a row whose id belongs to another mentor is refused.
 * Issues name the row: `3.expertise.0.level`; a second row with the same id is refused as well.
 * A mentor's details change one by one with `registerMentor` and the version read. With
 * `{ dryRun: true }` it answers exactly as the import would (the row issues, or what would be
 * imported and what is there already) and writes nothing: a preview before the manager confirms.
 *
 * @example
 * const done = await registerMentors(ctx, rowsFromCsv, { id: "pm-paula" });
 * if (done.isOk()) console.log(done.value.imported.length, done.value.alreadyThere);
 */
export function registerMentors(
  ctx: ProgrammeContext,
  raws: readonly unknown[],
  actor: Actor,
  options: { readonly dryRun?: boolean } = {},
): ResultAsync<MentorImport, ValidationFailed | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "registerMentors",
    { raws: argument.list, actor: argument.actor, options: argument.importOptions },
    { raws, actor, options },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const mentors: { mentor: Mentor; row: number }[] = [];
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
      issues.push({
        path: `${row}.id`,
        code: "custom",
        message: `mentor ${parsed.value.id} appears twice`,
        params: { rule: "twice" },
      });
      return;
    }
    seen.add(parsed.value.id);
    const { ethicsHold: _ignored, ...mentor } = parsed.value;
    mentors.push({ mentor, row });
  });
  if (issues.length > 0) return errAsync({ type: "ValidationFailed", subject: "Mentor", issues });
  return ctx.store.transaction((tx) =>
    tx
      .getMany(
        "mentors",
        mentors.map((m) => m.mentor.id),
      )
      .andThen((stored) => {
        const known = new Map(stored.map((s) => [s.value.id as string, s.value]));
        const fresh: Mentor[] = [];
        const alreadyThere: MentorId[] = [];
        const taken: ValidationIssue[] = [];
        for (const { mentor, row } of mentors) {
          const there = known.get(mentor.id);
          if (there === undefined) fresh.push(mentor);
          else if (there.name === mentor.name && there.email === mentor.email) alreadyThere.push(mentor.id);
          else
            taken.push({
              path: `${row}.id`,
              code: "custom",
              message: `id ${mentor.id} belongs to another mentor`,
              params: { rule: "idTaken" },
            });
        }
        if (taken.length > 0)
          return errAsync<MentorImport, ValidationFailed>({
            type: "ValidationFailed",
            subject: "Mentor",
            issues: taken,
          });
        // A preview: what the import would do, row by row, and nothing written.
        if (options.dryRun === true)
          return okAsync<MentorImport, ValidationFailed>({ imported: fresh, alreadyThere });
        const at = ctx.clock();
        const writeFrom = (k: number): ResultAsync<MentorImport, StoreConflict | StoreUnavailable> => {
          const mentor = fresh[k];
          if (mentor === undefined) return okAsync({ imported: fresh, alreadyThere });
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
      }),
  );
}
