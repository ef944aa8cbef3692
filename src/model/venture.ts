import { z } from "zod";
import type { SectorId, VentureId } from "./brand.js";
import { dateSchema, idSchema, listOf, nameSchema } from "./common.js";

export const ventureStages = ["idea", "startup", "scaleup", "established"] as const;
/** Where the venture stands: an idea, a young company, a growing one, an established SME. */
export type VentureStage = (typeof ventureStages)[number];

export const exportAmbitions = ["none", "exploring", "active"] as const;
export type ExportAmbition = (typeof exportAmbitions)[number];

/** The entrepreneur's company as the programme sees it at intake. */
export interface Venture {
  readonly id: VentureId;
  readonly name: string;
  readonly sector: SectorId;
  readonly stage: VentureStage;
  /** Number of people working in the venture (founders included). */
  readonly employees: number;
  /** Region code from the profile's vocabulary (`friesland`, `groningen`…). */
  readonly region: string;
  readonly founded?: Date;
  readonly exportAmbition: ExportAmbition;
  /** A technology or business-model innovation aimed at scale (routing to start-up partners). */
  readonly innovative: boolean;
  /** Organisations a mentor must not be tied to (conflict-of-interest checks in matching). */
  readonly competitors: readonly string[];
  readonly suppliers: readonly string[];
}

export const ventureSchema = z.object({
  id: idSchema<"VentureId">(),
  name: nameSchema,
  sector: idSchema<"SectorId">(),
  stage: z.enum(ventureStages),
  employees: z.int().min(0).max(1_000_000),
  region: idSchema<"Region">().transform((r): string => r),
  founded: dateSchema.exactOptional(),
  exportAmbition: z.enum(exportAmbitions),
  innovative: z.boolean(),
  competitors: listOf(nameSchema),
  suppliers: listOf(nameSchema),
}) satisfies z.ZodType<Venture>;
