/**
 * The reminders' outbox for the programme manager: queue what is due today (the library decides
 * what is due), see every pending reminder as it will be sent — to whom, the subject, the text, in
 * the programme's language — and send them by e-mail when the portal has a mail server
 * (`PortalOptions.sendMail`), or mark them sent when they went another way. A reminder to a mentor
 * without an e-mail address stays in the outbox, said so.
 */
import { html } from "hono/html";
import {
  describeNotification,
  markNotificationsSent,
  type NotificationRecord,
  pendingNotifications,
  queueNotifications,
} from "venture-mentoring";
import type { SendMail } from "../../shared/mail.js";
import { type App, type C, fields, type Kit } from "../kit.js";
import { t } from "../views.js";

export function outboxRoutes(app: App, kit: Kit, sendMail: SendMail | undefined): void {
  const { ctx, profile, store, clock, page, libraryError, guard, naming, names, caseLabels } = kit;

  /** Each pending reminder with its words (the programme's language) and its recipient's address. */
  const rendered = async (pending: readonly NotificationRecord[]) => {
    const [who, labels, mentors] = [
      await names(),
      await caseLabels(pending.flatMap((n) => (n.caseId === undefined ? [] : [n.caseId]))),
      await store.getMany(
        "mentors",
        pending.map((n) => n.to),
      ),
    ];
    const email = new Map(
      mentors.isOk() ? mentors.value.map((m) => [m.value.id as string, m.value.email]) : [],
    );
    const reader = { ...naming(profile.locale, who), case: (id: string) => labels.get(id) ?? id };
    return pending.map((n) => ({
      n,
      name: who.get(n.to) ?? n.to,
      email: email.get(n.to),
      words: describeNotification(n, profile.locale, reader),
    }));
  };

  const outboxPage = async (c: C, notice?: string) => {
    const l = c.var.locale;
    const pending = await pendingNotifications(store);
    if (pending.isErr()) return libraryError(c, pending.error);
    const items = await rendered(pending.value);
    return page(
      c,
      t(l, "portal.outbox.heading"),
      html`<section>
        <h1>${t(l, "portal.outbox.heading")}</h1>
        <p>${t(l, "portal.outbox.explain")}</p>
        <form method="post" action="/outbox/queue"><button type="submit">${t(l, "portal.outbox.queue")}</button></form>
        <p role="status" data-testid="outbox-count">${t(l, "portal.outbox.pending", { count: items.length })}</p>
        ${items.map(
          (x) => html`<div class="card" data-testid="reminder">
            <p><strong>${x.words.subject}</strong></p>
            <p class="muted">${t(l, "portal.outbox.to", { name: x.name })}: ${x.email ?? t(l, "portal.outbox.noEmail")}</p>
            <p>${x.words.text}</p>
          </div>`,
        )}
        ${
          items.length === 0
            ? ""
            : sendMail === undefined
              ? html`<p>${t(l, "portal.outbox.noMail")}</p>
                <form method="post" action="/outbox/mark">
                  ${items.map((x) => html`<input type="hidden" name="id" value="${x.n.id}" />`)}
                  <button type="submit">${t(l, "portal.outbox.mark")}</button>
                </form>`
              : html`<form method="post" action="/outbox/send"><button class="primary" type="submit">${t(l, "portal.outbox.send")}</button></form>`
        }
      </section>`,
      200,
      notice === undefined ? {} : { notice },
    );
  };

  app.get("/outbox", async (c) => {
    const g = await guard(c, "outbox.send");
    if (g instanceof Response) return g;
    const done = c.req.query("sent");
    const queued = c.req.query("queued");
    return outboxPage(
      c,
      done !== undefined
        ? t(c.var.locale, "portal.outbox.sent", {
            count: Number(done),
            failed: Number(c.req.query("failed") ?? 0),
          })
        : queued !== undefined
          ? t(c.var.locale, "portal.outbox.queued", {
              count: Number(queued),
              withdrawn: Number(c.req.query("withdrawn") ?? 0),
            })
          : undefined,
    );
  });
  app.post("/outbox/queue", async (c) => {
    const g = await guard(c, "outbox.send");
    if (g instanceof Response) return g;
    const done = await queueNotifications(ctx, clock(), g);
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect(
      `/outbox?queued=${done.value.queued.length}&withdrawn=${done.value.withdrawn.length}`,
      303,
    );
  });
  app.post("/outbox/send", async (c) => {
    const g = await guard(c, "outbox.send");
    if (g instanceof Response) return g;
    if (sendMail === undefined) return outboxPage(c);
    const pending = await pendingNotifications(store);
    if (pending.isErr()) return libraryError(c, pending.error);
    const delivered: string[] = [];
    let failed = 0;
    for (const x of await rendered(pending.value)) {
      if (x.email === undefined) continue;
      try {
        await sendMail({ to: { name: x.name, email: x.email }, ...x.words });
        delivered.push(x.n.id);
      } catch (e) {
        // Not delivered: it stays in the outbox; why goes to the log, not to the page.
        console.error(`reminder ${x.n.id} not sent: ${(e as Error).message}`);
        failed++;
      }
    }
    const marked = await markNotificationsSent(ctx, delivered, g);
    if (marked.isErr()) return libraryError(c, marked.error);
    return c.redirect(`/outbox?sent=${marked.value.length}&failed=${failed}`, 303);
  });
  app.post("/outbox/mark", async (c) => {
    const g = await guard(c, "outbox.send");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const marked = await markNotificationsSent(ctx, fields(body, "id"), g);
    if (marked.isErr()) return libraryError(c, marked.error);
    return c.redirect(`/outbox?sent=${marked.value.length}`, 303);
  });
}
