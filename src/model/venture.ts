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
  /**
   * The venture's registration number where it has one — in the Netherlands its KvK number — so
   * intake recognises a venture seen before. Optional: a venture at the idea stage has none.
   */
  readonly registrationNumber?: string;
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
  registrationNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,31}$/, {
      message: "letters, digits, spaces, dots and dashes, at most 32",
    })
    .exactOptional(),
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

/** A 64-bit FNV-1a hash of a string's UTF-16 code units, as 16 hex digits: a key, not a secret. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let k = 0; k < text.length; k++) {
    h ^= BigInt(text.charCodeAt(k));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

/** Legal forms that do not tell two ventures apart ("Jansen B.V." is "Jansen"). */
const LEGAL_FORMS = new Set(["bv", "nv", "vof", "cv", "holding", "eenmanszaak", "ltd", "gmbh", "inc"]);

/** A venture's name as recognition compares it: no accents, case, punctuation or legal form. */
export function normaliseVentureName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(\p{L})\.(?=\p{L}\.)/gu, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && !LEGAL_FORMS.has(w))
    .join(" ");
}

/**
 * Keys that recognise a venture seen before (rule 18): its registration number, and its normalised
 * name together with the mentee's e-mail address — each hashed, so no name, address or number is
 * kept in an index in the clear. Two intakes share a key when they are, by these marks, one venture.
 */
export function ventureKeys(venture: Venture, menteeEmail: string): readonly string[] {
  const keys: string[] = [];
  const number = venture.registrationNumber?.replace(/[ .-]/g, "").toUpperCase();
  if (number !== undefined && number !== "") keys.push(`r${fnv1a64(number)}`);
  const name = normaliseVentureName(venture.name);
  if (name !== "") keys.push(`n${fnv1a64(`${name}|${menteeEmail.trim().toLowerCase()}`)}`);
  return keys;
}
