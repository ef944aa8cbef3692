import { match, P } from "ts-pattern";
import type { IntakeRequest } from "../model/intake.js";
import type { TriageCondition } from "../model/triage.js";

/** Share (0–1) of the question's total topic weight that falls on `topics`. */
export function topicShare(intake: IntakeRequest, topics: readonly string[]): number {
  const wanted = new Set(topics);
  let total = 0;
  let hit = 0;
  for (const t of intake.question.topics) {
    total += t.weight;
    if (wanted.has(t.topic)) hit += t.weight;
  }
  return total === 0 ? 0 : hit / total;
}

/** Whether a condition holds for an intake. Pure and total over validated conditions. */
export function holds(condition: TriageCondition, intake: IntakeRequest): boolean {
  const v = intake.venture;
  return match(condition)
    .with({ all: P.array() }, (c) => c.all.every((x) => holds(x, intake)))
    .with({ any: P.array() }, (c) => c.any.some((x) => holds(x, intake)))
    .with({ not: P.nonNullable }, (c) => !holds(c.not, intake))
    .with({ fact: "stage" }, (c) => c.in.includes(v.stage))
    .with({ fact: "sector" }, (c) => c.in.includes(v.sector))
    .with({ fact: "region" }, (c) => c.in.includes(v.region))
    .with(
      { fact: "employees" },
      (c) => (c.min ?? 0) <= v.employees && v.employees <= (c.max ?? Number.POSITIVE_INFINITY),
    )
    .with({ fact: "exportAmbition" }, (c) => c.in.includes(v.exportAmbition))
    .with({ fact: "urgency" }, (c) => c.in.includes(intake.urgency))
    .with({ fact: "innovative" }, (c) => v.innovative === c.is)
    .with({ fact: "returning" }, (c) => (intake.previousCaseId !== undefined) === c.is)
    .with({ fact: "seeks" }, (c) => c.in.includes(intake.seeks ?? "sparring"))
    .with({ fact: "topics" }, (c) => topicShare(intake, c.anyOf) >= c.minShare - 1e-9)
    .exhaustive();
}
