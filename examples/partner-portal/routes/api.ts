/**
 * The JSON API beside the pages: the same use-cases, the same access table, errors as JSON.
 */
import {
  type CaseId,
  caseHours,
  closeCase,
  closingReasons,
  confirmTeam,
  decideTriage,
  findIntakes,
  type IntakeId,
  logSession,
  type Pin,
  parseManagerOverride,
  planRound,
  programmeReport,
  submitIntake,
} from "venture-mentoring";
import { isMonth, reportAsOf } from "../../shared/months.js";
import type { App, Kit } from "../kit.js";

export function apiRoutes(app: App, kit: Kit): void {
  const { ctx, profile, store, clock, libraryError, forbidden, badRequest, guard, jsonBody, loadCase } = kit;
  app.get("/api/me", (c) => {
    const user = c.var.user;
    return user === undefined ? c.json({ error: { type: "Unauthenticated" } }, 401) : c.json(user);
  });
  app.post("/api/intakes", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    const key = c.req.header("Idempotency-Key");
    if (key === undefined || key.length === 0 || key.length > 200)
      return badRequest(c, "Idempotency-Key", "the header is required (1–200 characters)");
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const done = await submitIntake(ctx, body.value, key, g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value, done.value.replayed ? 200 : 201);
  });
  // The intake list: ?text=&month=&outcome=&partnerId=&offset=&limit= (findIntakes' query).
  app.get("/api/intakes", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    const q = c.req.query();
    const number = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
    const query = Object.fromEntries(
      Object.entries({
        text: q.text,
        month: q.month,
        outcome: q.outcome,
        partnerId: q.partnerId,
        offset: number(q.offset),
        limit: number(q.limit),
      }).filter(([, v]) => v !== undefined),
    );
    const found = await findIntakes(store, query);
    if (found.isErr()) return libraryError(c, found.error);
    return c.json(found.value);
  });
  app.get("/api/intakes/:id", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    const intake = await store.get("intakes", c.req.param("id"));
    if (intake.isErr()) return libraryError(c, intake.error);
    if (intake.value === undefined)
      return libraryError(c, { type: "NotFound", collection: "intakes", id: c.req.param("id") });
    const decision = await store.get("decisions", c.req.param("id"));
    if (decision.isErr()) return libraryError(c, decision.error);
    return c.json({ intake: intake.value.value, decision: decision.value?.value ?? null });
  });
  app.post("/api/intakes/:id/triage", async (c) => {
    const body = c.req.header("content-type")?.includes("json")
      ? await jsonBody(c)
      : { ok: true as const, value: {} };
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const override = (body.value as { override?: unknown } | null)?.override;
    const g = await guard(c, override === undefined ? "intake.submit" : "triage.override");
    if (g instanceof Response) return g;
    const parsed = override === undefined ? undefined : parseManagerOverride(override);
    if (parsed?.isErr()) return libraryError(c, parsed.error);
    const done = await decideTriage(ctx, c.req.param("id") as IntakeId, g, parsed?.unwrapOr(undefined));
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value);
  });
  app.get("/api/rounds/:month", async (c) => {
    const g = await guard(c, "board.view");
    if (g instanceof Response) return g;
    const month = c.req.param("month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const stored = await store.get("rounds", `round-${month}`);
    if (stored.isErr()) return libraryError(c, stored.error);
    if (stored.value === undefined)
      return libraryError(c, { type: "NotFound", collection: "rounds", id: `round-${month}` });
    return c.json(stored.value.value);
  });
  app.post("/api/rounds/:month/plan", async (c) => {
    const g = await guard(c, "board.plan");
    if (g instanceof Response) return g;
    const month = c.req.param("month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const body = c.req.header("content-type")?.includes("json")
      ? await jsonBody(c)
      : { ok: true as const, value: {} };
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const pins = (body.value as { pins?: unknown } | null)?.pins;
    const valid = (p: unknown): p is Pin =>
      typeof p === "object" &&
      p !== null &&
      typeof (p as Pin).caseId === "string" &&
      typeof (p as Pin).mentorId === "string" &&
      ((p as Pin).kind === "pin" || (p as Pin).kind === "exclude");
    if (pins !== undefined && !(Array.isArray(pins) && pins.length <= 500 && pins.every(valid)))
      return badRequest(c, "pins", "a list of { caseId, mentorId, kind: pin | exclude }");
    const planned = await planRound(ctx, `round-${month}`, clock(), g, { pins: (pins ?? []) as Pin[] });
    if (planned.isErr()) return libraryError(c, planned.error);
    return c.json(planned.value);
  });
  app.get("/api/cases/:id", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.view", found.value);
    if (g instanceof Response) return g;
    const kase = found.value;
    if (kase === undefined)
      return libraryError(c, { type: "NotFound", collection: "cases", id: c.req.param("id") });
    const sessions = await store.find("sessions", "case", kase.id);
    if (sessions.isErr()) return libraryError(c, sessions.error);
    const mine = sessions.value.map((s) => s.value);
    return c.json({ case: kase, sessions: mine, hours: caseHours(kase, mine, profile, clock()) });
  });
  app.post("/api/cases/:id/team", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "board.confirm", found.value);
    if (g instanceof Response) return g;
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const team = (body.value as { team?: unknown } | null)?.team;
    const seat = (s: unknown) =>
      typeof s === "object" &&
      s !== null &&
      typeof (s as { mentorId?: unknown }).mentorId === "string" &&
      ((s as { role?: unknown }).role === "lead" || (s as { role?: unknown }).role === "member");
    if (!Array.isArray(team) || team.length === 0 || team.length > 10 || !team.every(seat))
      return badRequest(c, "team", "a list of { mentorId, role: lead | member }");
    const done = await confirmTeam(ctx, c.req.param("id") as CaseId, team as never, g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value);
  });
  app.post("/api/cases/:id/sessions", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.logSession", found.value);
    if (g instanceof Response) return g;
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const raw = body.value as { caseId?: unknown; noteAuthor?: unknown } | null;
    // A mentor logs for this case and as themselves.
    if (raw?.caseId !== c.req.param("id")) return badRequest(c, "caseId", "must be the case in the URL");
    if (raw?.noteAuthor !== g.id) return forbidden(c);
    const done = await logSession(ctx, raw, g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value, 201);
  });
  app.post("/api/cases/:id/close", async (c) => {
    const g = await guard(c, "case.close");
    if (g instanceof Response) return g;
    const body = await jsonBody(c);
    if (!body.ok) return badRequest(c, "", "the body is not JSON");
    const reason = (body.value as { reason?: unknown } | null)?.reason;
    if (typeof reason !== "string" || !(closingReasons as readonly string[]).includes(reason))
      return badRequest(c, "reason", `one of ${closingReasons.join(", ")}`);
    const done = await closeCase(
      ctx,
      c.req.param("id") as CaseId,
      reason as (typeof closingReasons)[number],
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.json(done.value);
  });
  app.get("/api/reports/:month", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const month = c.req.param("month");
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const report = await programmeReport(ctx, reportAsOf(month, clock()));
    if (report.isErr()) return libraryError(c, report.error);
    return c.json(report.value);
  });
}
