import { createMemoryStore } from "venture-mentoring/memory";
import { runStoreConformance } from "venture-mentoring/testing";
import { it } from "vitest";

runStoreConformance(it, () => createMemoryStore());
