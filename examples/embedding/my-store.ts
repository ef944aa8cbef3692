/** Stands in for your own adapter in the README's conformance snippet. */
import type { ProgrammeStore } from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";

export function createMyStore(): ProgrammeStore {
  return createMemoryStore();
}
