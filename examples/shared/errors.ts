/**
 * What a host answers for each of the library's errors. The library sorts every error into a class
 * (`errorClass`, exhaustive over its error types); each table here must name every class, so a new
 * class is a compile error until someone decides.
 */
import { type ErrorClass, errorClass, type VentureMentoringError } from "venture-mentoring";

/** The command line's exit codes (README, "The command line"). */
export const exitCodes = {
  ok: 0,
  usage: 1,
  invalidInput: 2,
  refused: 3,
  notFound: 4,
  storeUnavailable: 5,
  defect: 70,
} as const;

const exitCodeByClass: { readonly [C in ErrorClass]: number } = {
  invalid: exitCodes.invalidInput,
  refused: exitCodes.refused,
  notFound: exitCodes.notFound,
  unavailable: exitCodes.storeUnavailable,
  defect: exitCodes.defect,
};

/** Invalid input 422, refused by a rule 409, not found 404, store unavailable 503, a defect 500. */
const statusByClass = {
  invalid: 422,
  refused: 409,
  notFound: 404,
  unavailable: 503,
  defect: 500,
} as const satisfies {
  readonly [C in ErrorClass]: number;
};

export const exitCodeOf = (e: VentureMentoringError): number => exitCodeByClass[errorClass(e)];

export const httpStatusOf = (e: VentureMentoringError): (typeof statusByClass)[ErrorClass] =>
  statusByClass[errorClass(e)];
