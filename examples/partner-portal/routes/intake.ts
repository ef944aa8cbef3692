/**
 * Intake and triage: the manager's intake list and form, an intake's decision, its override, a
 * one-off conversation and the link to an earlier case.
 */
import { randomUUID } from "node:crypto";
import {
  type CaseId,
  decideTriage,
  type IntakeId,
  linkPreviousCase,
  logSession,
  monthKey,
  parseManagerOverride,
  submitIntake,
} from "venture-mentoring";
import type { App, Kit } from "../kit.js";
import { field } from "../kit.js";
import { t } from "../views.js";
import { intakeViews } from "./intake-views.js";

export function intakeRoutes(app: App, kit: Kit): void {
  const { ctx, store, clock, page, libraryError, badRequest, guard } = kit;
  const { intakeForm, intakePage } = intakeViews(kit);
  app.get("/intake/new", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    return page(c, t(c.var.locale, "portal.intake.heading"), intakeForm(c.var.locale));
  });

  app.post("/intake", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, field(body, k)]));
    const key = field(body, "key");
    if (!/^[0-9a-f-]{36}$/.test(key)) return badRequest(c, "key", "a fresh intake form is needed");
    // The same form sent twice (a double click, a retry) lands on the same intake.
    const earlier = await store.get("requests", key);
    if (earlier.isOk() && earlier.value !== undefined)
      return c.redirect(`/intake/${earlier.value.value.intakeId}`, 303);
    const now = clock();
    const id = `intake-${monthKey(now)}-${key.slice(0, 8)}`;
    const employees = field(body, "employees");
    const other = field(body, "otherTopic");
    const raw = {
      id,
      submittedAt: now.toISOString(),
      mentee: { name: field(body, "mentee"), email: field(body, "email") },
      venture: {
        id: `v-${key.slice(0, 8)}`,
        name: field(body, "venture"),
        ...(field(body, "registrationNumber") === ""
          ? {}
          : { registrationNumber: field(body, "registrationNumber") }),
        sector: field(body, "sector"),
        stage: field(body, "stage"),
        employees: employees === "" ? undefined : Number(employees),
        region: field(body, "region").toLowerCase(),
        exportAmbition: field(body, "exportAmbition"),
        innovative: field(body, "innovative") === "yes",
        competitors: [],
        suppliers: [],
      },
      question: {
        summary: field(body, "summary"),
        topics: [
          { topic: field(body, "mainTopic"), weight: 3 },
          ...(other === "" || other === field(body, "mainTopic") ? [] : [{ topic: other, weight: 1 }]),
        ],
      },
      urgency: field(body, "urgency"),
      ...(field(body, "seeks") === "" ? {} : { seeks: field(body, "seeks") }),
      consent: {
        dataProcessing: field(body, "consentData") === "yes",
        shareWithPartners: field(body, "consentPartners") === "yes",
      },
    };
    const submitted = await submitIntake(ctx, raw, key, g);
    if (submitted.isErr()) return libraryError(c, submitted.error, intakeForm(l, values));
    // A venture seen before: the manager first sees its earlier cases (and links the new question).
    if (submitted.value.seenBefore.intakes.length > 0) return c.redirect(`/intake/${id}`, 303);
    const decided = await decideTriage(ctx, id as IntakeId, g);
    if (decided.isErr()) return libraryError(c, decided.error);
    return c.redirect(`/intake/${id}`, 303);
  });

  app.get("/intake/:id", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    return intakePage(c, c.req.param("id"));
  });
  app.post("/intake/:id/oneoff", async (c) => {
    const g = await guard(c, "triage.override");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const mentorId = field(body, "mentorId");
    const minutes = field(body, "minutes");
    const logged = await logSession(
      ctx,
      {
        id: `session-${randomUUID().slice(0, 8)}`,
        kind: "oneOff",
        intakeId: c.req.param("id"),
        on: field(body, "on"),
        minutes: minutes === "" ? undefined : Number(minutes),
        mode: field(body, "mode"),
        mentors: [mentorId],
        menteePresent: true,
        noteAuthor: mentorId,
      },
      g,
    );
    if (logged.isErr()) return libraryError(c, logged.error);
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
  app.post("/intake/:id/link", async (c) => {
    const g = await guard(c, "triage.override");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const linked = await linkPreviousCase(
      ctx,
      c.req.param("id") as IntakeId,
      field(body, "caseId") as CaseId,
      g,
    );
    if (linked.isErr()) return libraryError(c, linked.error);
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
  app.post("/intake/:id/triage", async (c) => {
    const g = await guard(c, "intake.submit");
    if (g instanceof Response) return g;
    const decided = await decideTriage(ctx, c.req.param("id") as IntakeId, g);
    if (decided.isErr()) return libraryError(c, decided.error);
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
  app.post("/intake/:id/override", async (c) => {
    const g = await guard(c, "triage.override");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const kind = field(body, "kind");
    const outcome =
      kind === "refer"
        ? { kind, partnerId: field(body, "partner") }
        : kind === "notReady"
          ? { kind, advice: field(body, "advice") }
          : { kind };
    const values = {
      kind,
      partner: field(body, "partner"),
      advice: field(body, "advice"),
      reason: field(body, "reason"),
    };
    const override = parseManagerOverride({ outcome, reason: values.reason });
    if (override.isErr()) return intakePage(c, c.req.param("id"), { error: override.error, values });
    const decided = await decideTriage(ctx, c.req.param("id") as IntakeId, g, override.value);
    if (decided.isErr())
      return decided.error.type === "StoreUnavailable"
        ? libraryError(c, decided.error)
        : intakePage(c, c.req.param("id"), { error: decided.error, values });
    return c.redirect(`/intake/${c.req.param("id")}`, 303);
  });
}
