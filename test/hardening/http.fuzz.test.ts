/**
 * Hostile requests to every portal route: a 4xx with the field named (JSON API) or a page saying
 * what is wrong — never a 500 — and after a refusal the store is byte-for-byte what it was.
 */
import { fc, test } from "@fast-check/vitest";
import type { MentoringCase, ProgrammeStore } from "venture-mentoring";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { demoStore, portalApp, signIn } from "../portal/support.js";
import { intakeRaw } from "../support/raw.js";
import { dumpStore } from "../support/store.js";
import { hostileInput, hostileString } from "./hostile.js";

let store: ProgrammeStore;
let app: Awaited<ReturnType<typeof portalApp>>;
let manager: string;
let lead: string;
let kase: MentoringCase;
const origin = "http://localhost";

const cookieFor = (user: string) => signIn(app, user);

beforeAll(async () => {
  // Hostile requests need a programme with data, not its steady state: a short run-in keeps pages light.
  store = await demoStore({ warmUp: 2 });
  app = await portalApp(store);
  manager = await cookieFor("pm-paula");
  kase = (await store.list("cases"))._unsafeUnwrap().find((c) => c.value.state === "active")
    ?.value as MentoringCase;
  const leadId = kase.memberships.find((m) => m.role === "lead" && m.until === undefined)?.mentorId as string;
  lead = await cookieFor(leadId);
}, 60_000);
afterAll(async () => {
  await store.close();
});

const validIntake = intakeRaw("intake-fuzz", { submittedAt: "2026-11-27T09:00:00.000Z" });

type Probe = {
  method: "POST" | "GET";
  path: string;
  json?: unknown;
  form?: Record<string, string>;
  as: "manager" | "lead";
};

const safePath = hostileString.map((s) => {
  try {
    return encodeURIComponent(s.slice(0, 300));
  } catch {
    return "%ED%A0%80"; // a lone surrogate cannot be encoded: send its broken UTF-8 instead
  }
});
const probes: fc.Arbitrary<Probe> = fc.oneof(
  fc
    .tuple(hostileInput(validIntake), hostileString)
    .map(
      ([json, key]): Probe => ({ method: "POST", path: `/api/intakes#${key.length}`, json, as: "manager" }),
    ),
  fc
    .tuple(safePath, hostileInput({ override: { outcome: { kind: "accept" }, reason: "r" } }))
    .map(([id, json]): Probe => ({ method: "POST", path: `/api/intakes/${id}/triage`, json, as: "manager" })),
  fc
    .tuple(safePath, hostileInput({ pins: [{ caseId: "case-001", mentorId: "mentor-01", kind: "pin" }] }))
    .map(([m, json]): Probe => ({ method: "POST", path: `/api/rounds/${m}/plan`, json, as: "manager" })),
  fc
    .tuple(safePath, hostileInput({ team: [{ mentorId: "mentor-01", role: "lead" }] }))
    .map(([id, json]): Probe => ({ method: "POST", path: `/api/cases/${id}/team`, json, as: "manager" })),
  hostileInput({
    id: "s-fuzz",
    kind: "case",
    caseId: "CASE",
    on: "2026-11-27T09:00:00.000Z",
    minutes: 60,
    mode: "video",
    mentors: ["LEAD"],
    menteePresent: true,
    noteAuthor: "LEAD",
  }).map((json): Probe => ({ method: "POST", path: "/api/cases/CASE/sessions", json, as: "lead" })),
  fc
    .tuple(safePath, hostileInput({ reason: "questionResolved" }))
    .map(([id, json]): Probe => ({ method: "POST", path: `/api/cases/${id}/close`, json, as: "manager" })),
  fc
    .tuple(
      safePath,
      fc.constantFrom(
        "/api/intakes/",
        "/api/cases/",
        "/api/rounds/",
        "/api/reports/",
        "/intake/",
        "/cases/",
        "/board?month=",
        "/report?month=",
        "/report/print?month=",
        "/report.csv?month=",
        "/intake?q=",
        "/intake?month=",
        "/intake?outcome=",
        "/intake?partner=",
        "/intake?page=",
        "/intake.csv?q=",
        "/audit?about=",
        "/audit?page=",
        "/audit.csv?actor=",
        "/mentors/",
      ),
    )
    .map(([id, base]): Probe => ({ method: "GET", path: `${base}${id}`, as: "manager" })),
  fc
    .dictionary(
      fc.constantFrom(
        "id",
        "name",
        "email",
        "state",
        "background",
        "firm",
        "maxCases",
        "monthlyHours",
        "ethicsStatementSignedOn",
        "leadQualified",
        "sectors",
        "level.export",
        "interest.0.kind",
        "interest.0.org",
        "interest.99999.kind",
        "version",
      ),
      hostileString,
    )
    .chain((form) =>
      fc
        .constantFrom("/mentors/new", "/mentors/mentor-01")
        .map((path): Probe => ({ method: "POST", path, form, as: "manager" })),
    ),
  fc
    .dictionary(fc.constantFrom("type", "on", "until"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/mentors/mentor-01/standing", form, as: "manager" })),
  fc
    .dictionary(fc.constantFrom("csv", "step"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/mentors/import", form, as: "manager" })),
  fc
    .dictionary(fc.constantFrom("reason", "feedbackMentee", "feedbackTeam"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/cases/CASE/close", form, as: "manager" })),
  fc
    .dictionary(fc.constantFrom("id"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/outbox/mark", form, as: "manager" })),
  fc
    .dictionary(
      fc.constantFrom(
        "key",
        "mentee",
        "email",
        "venture",
        "sector",
        "stage",
        "employees",
        "region",
        "exportAmbition",
        "urgency",
        "mainTopic",
        "otherTopic",
        "summary",
        "innovative",
        "consentData",
      ),
      hostileString.map((s) => s.slice(0, 70_000)),
    )
    .map((form): Probe => ({ method: "POST", path: "/intake", form, as: "manager" })),
  fc
    .dictionary(fc.constantFrom("kind", "partner", "advice", "reason"), hostileString)
    .map(
      (form): Probe => ({ method: "POST", path: "/intake/intake-2026-10-001/override", form, as: "manager" }),
    ),
  fc
    .dictionary(fc.constantFrom("month", "pin", "exclude"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/board/plan", form, as: "manager" })),
  fc
    .dictionary(fc.constantFrom("month", "caseId"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/board/confirm", form, as: "manager" })),
  fc
    .dictionary(fc.constantFrom("on", "minutes", "mode", "present"), hostileString)
    .map((form): Probe => ({ method: "POST", path: "/cases/CASE/sessions", form, as: "lead" })),
);

describe("hostile requests to the portal", () => {
  test.prop([probes], { numRuns: 150 })(
    "never a 500; a refusal changes nothing",
    async (probe) => {
      const leadId = kase.memberships.find((m) => m.role === "lead" && m.until === undefined)
        ?.mentorId as string;
      const path = probe.path.replace(/CASE/g, kase.id).replace(/#.*$/, "");
      let json: unknown;
      try {
        json =
          probe.json === undefined
            ? undefined
            : JSON.parse(
                JSON.stringify(probe.json, (_k, v) => (v === "LEAD" ? leadId : v === "CASE" ? kase.id : v)) ??
                  "null",
              );
      } catch {
        json = "{ cyclic"; // a cyclic value cannot be sent as JSON: send broken JSON instead
      }
      const before = await dumpStore(store);
      let body: string | URLSearchParams | undefined;
      const headers: Record<string, string> = { cookie: probe.as === "manager" ? manager : lead, origin };
      if (probe.method === "POST" && probe.form !== undefined) {
        body = new URLSearchParams(probe.form);
        headers["content-type"] = "application/x-www-form-urlencoded";
      } else if (probe.method === "POST") {
        body = json === "{ cyclic" ? "{ cyclic" : JSON.stringify(json);
        headers["content-type"] = "application/json";
        headers["Idempotency-Key"] = "fuzz-key";
      }
      const res = await app.request(`${origin}${path}`, {
        method: probe.method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      expect(res.status, `${probe.method} ${path}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(await dumpStore(store)).toBe(before);
        if (path.startsWith("/api/") && res.status === 422) {
          const answer = await res.json();
          expect(typeof answer.message).toBe("string");
          if (answer.error.type === "ValidationFailed") expect(answer.error.issues.length).toBeGreaterThan(0);
        }
      }
    },
    240_000, // 9 s on a quiet two-core machine, 38 s beside four CPU-bound processes
  );
});
