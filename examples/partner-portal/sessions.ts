/**
 * Sign-ins kept on the server: the cookie holds only a session's random id, so a sign-out (or an
 * expiry) ends it for good, whatever happens to the cookie.
 */
/** A signed-in person, kept on the server: the cookie holds only the session's random id. */
export interface SessionRecord {
  readonly userId: string;
  /** When the session ends (ms since the epoch), whatever happens before. */
  readonly expires: number;
}

/** Who is signed in. A sign-out deletes the session, so its cookie signs nobody in again. */
export interface SessionStore {
  get(id: string): SessionRecord | undefined | Promise<SessionRecord | undefined>;
  set(id: string, session: SessionRecord): void | Promise<void>;
  delete(id: string): void | Promise<void>;
}

/** Sessions in this process's memory; expired ones are dropped as new ones come. */
export function memorySessions(now: () => number = Date.now): SessionStore {
  const kept = new Map<string, SessionRecord>();
  return {
    get: (id) => kept.get(id),
    set: (id, session) => {
      for (const [k, s] of kept) if (s.expires <= now()) kept.delete(k);
      kept.set(id, session);
    },
    delete: (id) => {
      kept.delete(id);
    },
  };
}
