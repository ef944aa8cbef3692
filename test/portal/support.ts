import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type CaseId, openCase, type ProgrammeStore, parseIntake } from "venture-mentoring";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { demoManager, runDemoYear } from "../../examples/demo/friesland-year.js";
import { createPortal } from "../../examples/partner-portal/app.js";
import { intakeRaw } from "../support/raw.js";

/** The portal's "now" in the tests: the demo year ran the twelve months before. */
export const now = new Date("2026-11-27T10:00:00.000Z");
export const secret = "a-test-secret-that-is-long-enough-0123456789";
export const manager = { ...demoManager, role: "manager" as const };

/**
 * A SQLite store holding the demo year (Nov 2025 – Oct 2026), after the demo's year of running; a
 * test about something else than the steady state may ask for a shorter run-in (`warmUp`).
 */
export async function demoStore(options: { readonly warmUp?: number } = {}): Promise<ProgrammeStore> {
  const store = createSqliteStore({ path: ":memory:" })._unsafeUnwrap();
  (await store.migrate())._unsafeUnwrap();
  const year = await runDemoYear(store, { start: "2025-11", months: 12, ...options });
  if (!year.ok) throw new Error(`demo failed at ${year.failure.step}`);
  return store;
}

/** Sign `user` in to the portal `app`; the session cookie to send with later requests. */
export async function signIn(
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  user: string,
  origin = "http://localhost",
): Promise<string> {
  const res = await app.request(`${origin}/signin`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ user }),
  });
  return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

export async function portalApp(store: ProgrammeStore) {
  return (
    await createPortal({ store, secret, managers: [manager], clock: () => now, signIn: "demo" })
  )._unsafeUnwrap();
}

/** The portal on a free port of 127.0.0.1. */
export async function startPortal(
  store: ProgrammeStore,
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await portalApp(store);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A case accepted this week, waiting for the November meeting: at the end of the demo year the
 * network is full (new questions go to partners), so a test that plans the meeting adds one.
 */
export async function waitingCase(store: ProgrammeStore, n: number): Promise<CaseId> {
  const intake = parseIntake(
    intakeRaw(`intake-waiting-${n}`, { submittedAt: "2026-11-24T09:00:00.000Z" }),
  )._unsafeUnwrap();
  const kase = openCase({
    id: `case-waiting-${n}` as CaseId,
    ventureId: intake.venture.id,
    intakeId: intake.id,
    teamSize: 3,
    on: new Date("2026-11-25T09:00:00Z"),
  });
  (
    await store.transaction((tx) =>
      tx.put("intakes", intake.id, intake, "new").andThen(() => tx.put("cases", kase.id, kase, "new")),
    )
  )._unsafeUnwrap();
  return kase.id;
}
