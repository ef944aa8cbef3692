/**
 * What must hold in a store after any mix of use-cases, crashes and races: every audited document's
 * version equals the number of audit entries about it (no write without its audit line, no audit
 * line without its write), every intake has its request record and vice versa, and no mentor holds
 * more running cases than their capacity.
 */
import { collections, mentorCaseCounts, type ProgrammeStore } from "venture-mentoring";

export async function violations(store: ProgrammeStore): Promise<string[]> {
  const problems: string[] = [];
  const audit = await store.audit();
  if (audit.isErr()) return [`audit unreadable: ${audit.error.cause}`];
  const entries = new Map<string, number>();
  for (const e of audit.value) {
    const k = `${e.subject.collection}/${e.subject.id}`;
    entries.set(k, (entries.get(k) ?? 0) + 1);
  }
  const docs = new Map<string, readonly unknown[]>();
  for (const c of collections) {
    const list = await store.list(c);
    if (list.isErr()) return [`${c} unreadable: ${list.error.cause}`];
    docs.set(c, list.value);
    if (c === "requests") continue; // idempotency records are written with their intake's audit line
    for (const d of list.value) {
      const v = d.value as { id?: string; intakeId?: string };
      const id = (c === "decisions" ? v.intakeId : v.id) ?? "";
      const n = entries.get(`${c}/${id}`) ?? 0;
      if (n !== d.version) problems.push(`${c}/${id}: version ${d.version} but ${n} audit entries`);
      entries.delete(`${c}/${id}`);
    }
  }
  for (const [k, n] of entries)
    if (!k.startsWith("requests/")) problems.push(`${n} audit entries about ${k}, which does not exist`);
  const intakes = (docs.get("intakes") ?? []) as { value: { id: string } }[];
  const requests = (docs.get("requests") ?? []) as { value: { intakeId: string } }[];
  const requested = new Set(requests.map((r) => r.value.intakeId));
  for (const i of intakes)
    if (!requested.has(i.value.id)) problems.push(`intake ${i.value.id} has no request record`);
  const ids = new Set(intakes.map((i) => i.value.id));
  for (const r of requests)
    if (!ids.has(r.value.intakeId)) problems.push(`request for ${r.value.intakeId}, which does not exist`);
  const mentors = (docs.get("mentors") ?? []) as { value: { id: string; capacity: { maxCases: number } } }[];
  const load = mentorCaseCounts(((docs.get("cases") ?? []) as { value: never }[]).map((c) => c.value));
  for (const m of mentors) {
    const n = load.get(m.value.id) ?? 0;
    if (n > m.value.capacity.maxCases)
      problems.push(`mentor ${m.value.id} holds ${n} cases, capacity ${m.value.capacity.maxCases}`);
  }
  return problems;
}
