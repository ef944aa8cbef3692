import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { NotFound } from "../errors.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type {
  Collection,
  Documents,
  ProgrammeStore,
  StoreReader,
  StoreUnavailable,
  Versioned,
} from "../store/contract.js";

/**
 * What every use-case runs with: the store, the profile, and the clock and id generator — injected,
 * so the core never reads a clock or makes randomness of its own.
 */
export interface ProgrammeContext {
  readonly store: ProgrammeStore;
  readonly profile: ProgrammeProfile;
  readonly clock: () => Date;
  readonly newId: (kind: "case" | "referral") => string;
}

/** Who does it: an actor id for the audit trail (never a name). */
export interface Actor {
  readonly id: string;
}

/** A stored document, or `NotFound`. */
export function required<C extends Collection>(
  reader: StoreReader,
  collection: C,
  id: string,
): ResultAsync<Versioned<Documents[C]>, NotFound | StoreUnavailable> {
  return reader
    .get(collection, id)
    .andThen((found) =>
      found === undefined
        ? errAsync<Versioned<Documents[C]>, NotFound | StoreUnavailable>({ type: "NotFound", collection, id })
        : okAsync(found),
    );
}
