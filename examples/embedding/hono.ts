import { Hono } from "hono";
import { describeError, errorClass, type ProgrammeContext, programmeReport } from "venture-mentoring";

const status = { invalid: 422, refused: 409, notFound: 404, unavailable: 503, defect: 500 } as const;

/** The monthly report as JSON for a hono portal (put your own sign-in in front of it). */
export function reportRoutes(ctx: ProgrammeContext): Hono {
  const app = new Hono();
  app.get("/reports/current", async (c) => {
    const report = await programmeReport(ctx, ctx.clock());
    return report.match(
      (r) => c.json(r),
      (error) =>
        c.json({ error, message: describeError(error, ctx.profile.locale) }, status[errorClass(error)]),
    );
  });
  return app;
}
