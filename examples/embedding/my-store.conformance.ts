import { runStoreConformance } from "venture-mentoring/testing";
import { it } from "vitest";
import { createMyStore } from "./my-store.js";

runStoreConformance(it, () => createMyStore());
