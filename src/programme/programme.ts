import { errAsync, type ResultAsync } from "neverthrow";
import type { NotFound, ValidationFailed } from "../errors.js";
import { parseProfile } from "../model/parsers.js";
import type {
  ProgrammeSettings,
  ProgrammeStore,
  StoreConflict,
  StoreUnavailable,
} from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/**
 * Start a programme in an empty store: keep its profile with its data, so the command line, the
 * portal and a partner's own code all open it with the same rules. A store that already holds a
 * programme gives `StoreConflict` and is left as it was.
 *
 * @example
 * await initProgramme(store, friesland, { id: "pm-paula" }, () => new Date());
 */
export function initProgramme(
  store: ProgrammeStore,
  profile: unknown,
  actor: Actor,
  clock: () => Date,
): ResultAsync<ProgrammeSettings, ValidationFailed | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments("initProgramme", { actor: argument.actor }, { actor });
  if (invalid !== undefined) return errAsync(invalid);
  const parsed = parseProfile(profile);
  if (parsed.isErr()) return errAsync(parsed.error);
  return store.transaction((tx) => {
    const now = clock();
    const settings: ProgrammeSettings = { id: "programme", profile: parsed.value, initialisedAt: now };
    return tx
      .put("settings", "programme", settings, "new")
      .andThen(() =>
        tx.appendAudit({
          at: now,
          actor: actor.id,
          action: "initProgramme",
          subject: { collection: "settings", id: "programme" },
        }),
      )
      .map(() => settings);
  });
}

/**
 * Open the programme a store holds: its context for the use-cases, with the clock and id
 * generator the host supplies. `NotFound` when the store was never initialised.
 */
export function openProgramme(
  store: ProgrammeStore,
  host: Pick<ProgrammeContext, "clock" | "newId">,
): ResultAsync<ProgrammeContext, NotFound | StoreUnavailable> {
  return required(store, "settings", "programme").map((s) => ({
    store,
    profile: s.value.profile,
    clock: host.clock,
    newId: host.newId,
  }));
}
