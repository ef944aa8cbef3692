import type { Result } from "neverthrow";
import {
  type Actor,
  answerProposal,
  type CaseId,
  type ConfirmTeamError,
  confirmTeam,
  type MentorId,
  type MentoringCase,
  type ProgrammeContext,
} from "venture-mentoring";

/**
 * Each mentor says yes to the case for themselves (rule 24), as they would at the meeting. An answer
 * the library refuses (a closed case) is left for the use-case under test to report.
 */
export async function agree(
  ctx: ProgrammeContext,
  caseId: CaseId,
  mentorIds: readonly string[],
): Promise<void> {
  for (const mentorId of mentorIds) {
    const r = await answerProposal(
      ctx,
      { caseId, mentorId: mentorId as MentorId, answer: "yes" },
      { id: mentorId },
    );
    if (
      r.isErr() &&
      r.error.type !== "ConsentRefused" &&
      r.error.type !== "NotFound" &&
      r.error.type !== "ValidationFailed"
    )
      throw new Error(`answerProposal failed: ${JSON.stringify(r.error)}`);
  }
}

/** The mentors of `team` say yes, then the manager confirms it: the path every confirmed team takes. */
export async function confirmAgreed(
  ctx: ProgrammeContext,
  caseId: CaseId,
  team: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[],
  actor: Actor,
): Promise<Result<MentoringCase, ConfirmTeamError>> {
  await agree(
    ctx,
    caseId,
    team.map((s) => s.mentorId),
  );
  return confirmTeam(ctx, caseId, team, actor);
}
