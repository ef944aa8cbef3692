import express from "express";
import {
  decideTriage,
  describeError,
  errorClass,
  type ProgrammeContext,
  submitIntake,
} from "venture-mentoring";

const status = { invalid: 422, refused: 409, notFound: 404, unavailable: 503, defect: 500 } as const;

/** Intake for an existing Express portal: submit, triage, answer with the decision and its reasons. */
export function intakeRoutes(ctx: ProgrammeContext): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: "64kb" }));
  router.post("/intakes", async (req, res) => {
    const actor = { id: "partner-portal" };
    const result = await submitIntake(ctx, req.body, req.get("Idempotency-Key") ?? "", actor).andThen(
      ({ intake }) => decideTriage(ctx, intake.id, actor),
    );
    result.match(
      (decided) => res.status(201).json(decided),
      (error) =>
        res
          .status(status[errorClass(error)])
          .json({ error, message: describeError(error, ctx.profile.locale) }),
    );
  });
  return router;
}
