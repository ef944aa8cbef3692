/**
 * `npm start`: the partner portal on an embedded SQLite file, seeded with the demo programme (a
 * year of Friesland) when the file is empty. Prints the URL. Set VMENTOR_DB for another file or a
 * postgres:// URL, VMENTOR_PROGRAMME for another programme in it, PORT for another port.
 *
 * The demo (the default `./programme.db`, or PORTAL_DEMO=1) lets anyone pick who they are from a
 * list. Any other store is a real programme: it needs PORTAL_SECRET (32+ characters, the key that
 * signs the session cookie) and a sign-in — PORTAL_USER_HEADER names the header a trusted proxy in
 * front of the portal (an OIDC login such as oauth2-proxy) sets to the signed-in person's id.
 * Sign-ins live in this process's memory: a restart signs everyone out. SMTP_URL (and MAIL_FROM)
 * let the portal send the programme's reminders by e-mail.
 */
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import { addMonths, monthKey } from "venture-mentoring";
import { demoManager, runDemoYear } from "../demo/friesland-year.js";
import { smtpSender } from "../shared/mail.js";
import { displayDb, openStore } from "../shared/store.js";
import { createPortal } from "./app.js";

const db = process.env.VMENTOR_DB ?? "./programme.db";
const port = Number(process.env.PORT ?? 3000);
const demo =
  process.env.PORTAL_DEMO === "1" ||
  (process.env.PORTAL_DEMO !== "0" && process.env.VMENTOR_DB === undefined);
const userHeader = process.env.PORTAL_USER_HEADER;
if (!demo && (process.env.PORTAL_SECRET ?? "").length < 32) {
  console.error("A real programme's portal needs PORTAL_SECRET: 32 or more random characters.");
  process.exit(1);
}
if (!demo && userHeader === undefined)
  console.error("No sign-in set up: set PORTAL_USER_HEADER to the header your sign-in proxy sets.");
const secret = process.env.PORTAL_SECRET ?? randomBytes(32).toString("hex");

const opened = await openStore(db, process.env.VMENTOR_PROGRAMME);
if (opened.isErr()) {
  console.error(`Cannot open ${displayDb(db)}: ${opened.error.cause}`);
  process.exit(5);
}
const store = opened.value;
const existing = await store.get("settings", "programme");
if (existing.isOk() && existing.value === undefined) {
  console.error(`Seeding ${displayDb(db)} with the demo programme (a year of Friesland)…`);
  // The twelve months before this one, so the portal opens on a meeting still to plan.
  const now = new Date();
  const start = monthKey(addMonths(now, -12));
  const year = await runDemoYear(store, {
    start,
    onMonth: ({ month }) => process.stderr.write(`  ${month}\n`),
  });
  if (!year.ok) {
    console.error(`The demo stopped at ${year.failure.step}: ${year.failure.error.type}`);
    process.exit(3);
  }
}

// Reminders by e-mail when a mail server is set up; otherwise they wait in the outbox.
const smtp = process.env.SMTP_URL;
const portal = await createPortal({
  store,
  secret,
  ...(smtp === undefined
    ? {}
    : { sendMail: smtpSender(smtp, process.env.MAIL_FROM ?? "programme@localhost") }),
  managers: [{ ...demoManager, role: "manager" }],
  ...(demo
    ? { signIn: "demo" as const }
    : userHeader === undefined
      ? {}
      : { signIn: (request: Request) => request.headers.get(userHeader) ?? undefined }),
});
if (portal.isErr()) {
  console.error(`Cannot start the portal: ${portal.error.type}`);
  process.exit(3);
}
const server = serve({ fetch: portal.value.fetch, port, hostname: "127.0.0.1" }, (info) => {
  console.log(`Partner portal: http://localhost:${info.port}/  (store: ${displayDb(db)}; Ctrl+C stops)`);
});
const stop = () => {
  server.close();
  void store.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
