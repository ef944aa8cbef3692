/**
 * Walk a month of sample intakes through triage with the Friesland profile and print each decision
 * with its reasons, in the profile's language. Run with `npm start`.
 *
 * The meeting has three places; every accepted intake takes one, so the month's later intakes see
 * a full meeting and are routed to a partner or a one-off conversation — never a waiting list.
 */
import { readFileSync } from "node:fs";
import {
  describeError,
  describeOutcome,
  describeReason,
  evaluateTriage,
  friesland,
  message,
  type ProgrammeProfile,
  parseIntake,
} from "venture-mentoring";
import { say } from "./shared/messages.js";

const profile: ProgrammeProfile = friesland;
const raw: unknown = JSON.parse(readFileSync(new URL("./data/sample-intakes.json", import.meta.url), "utf8"));
const intakes = Array.isArray(raw) ? raw : [];

let placesLeft = profile.meeting.newCasesPerMeeting;
console.log(
  say(profile.locale, "walkthrough.heading", {
    programme: profile.name,
    month: "2026-11",
    places: placesLeft,
  }),
);

for (const item of intakes) {
  const parsed = parseIntake(item, profile);
  if (parsed.isErr()) {
    console.log(`✗ ${describeError(parsed.error, profile.locale)}\n`);
    continue;
  }
  const intake = parsed.value;
  const decision = evaluateTriage({
    intake,
    profile,
    context: { placesLeft, network: { canStaff: true, shortTopics: [] } },
    now: intake.submittedAt,
  });
  if (decision.outcome.kind === "accept") placesLeft -= 1;
  console.log(
    `• ${intake.venture.name} (${message(profile.locale, `stage.${intake.venture.stage}`, {})}, ${intake.venture.region})`,
  );
  console.log(`  ${describeOutcome(decision.outcome, profile)}`);
  for (const r of decision.reasons) console.log(`    – ${describeReason(r, profile.locale, profile)}`);
  console.log("");
}
console.log(say(profile.locale, "walkthrough.placesLeft", { places: placesLeft }));
