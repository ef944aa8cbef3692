declare const brand: unique symbol;

/** A string that has passed its schema; the brand keeps a mentor id from being used as a case id. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type MentorId = Brand<string, "MentorId">;
export type VentureId = Brand<string, "VentureId">;
export type IntakeId = Brand<string, "IntakeId">;
export type CaseId = Brand<string, "CaseId">;
export type PartnerId = Brand<string, "PartnerId">;
export type ReferralId = Brand<string, "ReferralId">;
export type SessionId = Brand<string, "SessionId">;
export type RuleId = Brand<string, "RuleId">;
/** A topic of a question or of a mentor's expertise, from the profile's vocabulary (`export`, `financing`…). */
export type TopicId = Brand<string, "TopicId">;
/** A sector from the profile's vocabulary (`agrifood`, `maritime`…). */
export type SectorId = Brand<string, "SectorId">;
