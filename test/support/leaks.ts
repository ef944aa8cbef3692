/**
 * What a text for people must never contain: a raw code, an unrendered placeholder, a wrong plural,
 * a list joined in the other language, or words of the other language. Used on the catalogue's
 * texts and on everything the CLI prints and the portal shows.
 */
import type { Locale } from "venture-mentoring";

/** Words that are English and never Dutch (and the reverse), common enough to catch a leak. */
const english =
  /\b(the|and|with|which|cases|from|should|would|there|this|please|none|yet|only|needed|refused|meeting|mentors'|hours|not|were|no longer|proposed|accepted|referred)\b/i;
const dutch =
  /\b(het|een|van|niet|met|voor|dat|bij|naar|casus|casussen|uur|mentoren|overleg|geen|nog|wordt|zijn|heeft|aangenomen|doorverwezen|teamleider|maand|gesprek)\b/i;

/** Plural nouns that must not follow a count of one. */
const plural =
  /(?<![\d.,])\b1 (mentoren|plaatsen|teamplaatsen|dagen|casussen|aanvragen|besluiten|sessies|gesprekken|eenmalige gesprekken|nieuwe casussen|vrije plaatsen|mentors|places|team places|days|cases|new cases|requests|decisions|sessions|conversations|one-off conversations|free places)\b/;

/**
 * Text people typed or named in `value` (strings with a space or a capital: names, questions, notes,
 * reasons) — theirs, in whatever language, so a leak check leaves it out. Codes (lower camel case,
 * no space) are not taken, so a leaked code is still found.
 */
export function typedStrings(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (/\s|^[A-Z]/.test(v)) found.add(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return [...found];
}

/**
 * The leaks in `text` for a reader of `locale`, as short descriptions (empty when clean). `names`
 * are proper names (people, ventures, partners, the programme) taken out before the words are read.
 */
export function leaks(text: string, locale: Locale, names: readonly string[] = []): string[] {
  let plain = text;
  for (const n of [...names].sort((a, b) => b.length - a.length))
    if (n.length > 1) plain = plain.split(n).join(" ");
  // Web addresses and e-mail addresses are not words.
  plain = plain.replace(/\b[\w.+-]+@[\w.-]+\b/g, " ").replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, " ");
  const found: string[] = [];
  const hit = (why: string, m: RegExpMatchArray | null) => {
    if (m !== null)
      found.push(
        `${why}: "${m[0]}" in "${text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}"`,
      );
  };
  hit("placeholder", plain.match(/\$\{|«|»|\{\{|\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/));
  hit("raw code", plain.match(/\b[a-z]+[A-Z][A-Za-z]*\b/));
  hit(
    "message key",
    plain.match(/\b(?:error|issue|field|report|portal|cli|state|refusal|exclusion)\.[a-zA-Z.]+/),
  );
  hit("plural", plain.match(plural));
  if (locale === "nl") {
    hit("English word in Dutch", plain.match(english));
    hit("English list in Dutch", plain.match(/, and\b/));
    hit("decimal point in Dutch", plain.match(/\b\d+\.\d\b(?! ?%)/));
  } else {
    hit("Dutch word in English", plain.match(dutch));
    hit("Dutch list in English", plain.match(/\w, \w+ en \w/));
  }
  return found;
}
