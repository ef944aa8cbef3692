/**
 * Sending the programme's reminders by e-mail: the library queues them and says them in words; this
 * is the one place the examples talk SMTP (nodemailer). `SMTP_URL` (e.g.
 * `smtp://user:password@mail.example.nl:587`) and `MAIL_FROM` set it up for `npm start`.
 */
import nodemailer from "nodemailer";

/** One e-mail to one person. */
export interface OutgoingMail {
  readonly to: { readonly name: string; readonly email: string };
  readonly subject: string;
  readonly text: string;
}

/** Deliver one e-mail; a rejection means it was not delivered (it stays in the outbox). */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** A sender through the SMTP server at `url`, from `from`. */
export function smtpSender(url: string, from: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({
      from,
      to: { name: mail.to.name, address: mail.to.email },
      subject: mail.subject,
      text: mail.text,
    });
  };
}
