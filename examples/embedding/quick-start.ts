import { readFileSync } from "node:fs";
import { describeError, describeReason, evaluateTriage, friesland, parseIntake } from "venture-mentoring";

const requestBody: unknown = JSON.parse(readFileSync("examples/data/sample-intakes.json", "utf8"))[0];
const parsed = parseIntake(requestBody, friesland); // Result<IntakeRequest, ValidationFailed>
if (parsed.isErr()) {
  console.error(describeError(parsed.error, "en")); // names every bad field
} else {
  const decision = evaluateTriage({
    intake: parsed.value,
    profile: friesland,
    context: { placesLeft: 2, network: { canStaff: true, shortTopics: [] } },
    now: new Date(),
  });
  console.log(
    decision.outcome,
    decision.reasons.map((r) => describeReason(r, "en", friesland)),
  );
}
