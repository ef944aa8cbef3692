import { match } from "ts-pattern";
import type { Locale } from "../model/profile.js";
import type { NotificationRecord } from "../store/contract.js";
import { message } from "./catalogue.js";
import { idsOnly, type Naming } from "./describe-proposal.js";
import { formatDate } from "./format.js";

/** A reminder in words: a subject line and a text, addressed to the mentor it is for. */
export interface NotificationText {
  readonly subject: string;
  readonly text: string;
}

/**
 * A queued reminder in the reader's language, with today's names (`Naming`: the mentor, the case
 * as the reader knows it) — for an e-mail, a portal's inbox or a text message.
 *
 * @example
 * const { subject, text } = describeNotification(n, "nl", { ...naming, case: (id) => ventures.get(id) ?? id });
 */
export function describeNotification(
  n: NotificationRecord,
  locale: Locale,
  naming: Naming = idsOnly,
): NotificationText {
  const mentor = naming.mentor(n.to);
  const kase = n.caseId === undefined ? "" : (naming.case?.(n.caseId) ?? n.caseId);
  const on = n.on === undefined ? "" : formatDate(locale, n.on);
  return match(n.kind)
    .with("proposalToAnswer", () => ({
      subject: message(locale, "notification.proposalToAnswer.subject", { case: kase }),
      text: message(locale, "notification.proposalToAnswer.text", { mentor, case: kase }),
    }))
    .with("caseQuiet", () => ({
      subject: message(locale, "notification.caseQuiet.subject", { case: kase }),
      text: message(locale, "notification.caseQuiet.text", { mentor, case: kase, on }),
    }))
    .with("ethicsExpiring", () => ({
      subject: message(locale, "notification.ethicsExpiring.subject", { on }),
      text: message(locale, "notification.ethicsExpiring.text", { mentor, on }),
    }))
    .exhaustive();
}
