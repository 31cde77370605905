import type { Predicate, Verdict } from "./gql/graphql";
// Words and colours for the API's codes, in one place.

export function words(code: string): string {
  return code.toLowerCase().replace(/_/g, " ");
}

export const STATUS_HELP: Record<string, string> = {
  SELF_CLAIMED: "claimed by its own subject",
  UNVERIFIED: "affirmed, nobody denies it, no second source",
  CORROBORATED: "affirmed by independent speakers",
  CONTESTED: "affirmed and denied",
  DENIED: "only denied",
};

/** Node colours by actor kind (readable on white, distinct for the common kinds). */
export const KIND_COLORS: Record<string, string> = {
  ARMED_GROUP: "#b42318",
  GOVERNMENT: "#6d28d9",
  STATE: "#7e22ce",
  MILITARY: "#9a3412",
  INTELLIGENCE_AGENCY: "#1e3a8a",
  PERSON: "#0f766e",
  ORGANIZATION: "#475467",
  MEDIA: "#a16207",
  INTERNATIONAL_ORGANIZATION: "#0369a1",
  UNKNOWN: "#667085",
};

export const CAMP_COLORS: Record<string, string> = { A: "#c2410c", B: "#1d4ed8", none: "#98a2b3" };

/** Edge colours by derived relationship type: hostile warm, cooperative green, structural grey, reporting muted. */
export const RELATION_COLORS: Record<string, string> = {
  ACCUSES: "#d92d20",
  REPORTS: "#7f8c8d",
  CONTRADICTS: "#f79009",
  OPPOSES: "#b54708",
  DENIES_INVOLVEMENT: "#7a5af8",
  CLAIMS_RESPONSIBILITY: "#dd2590",
  SUPPORTS: "#039855",
  ALLIED_WITH: "#12b76a",
  PART_OF: "#667085",
  SPEAKS_FOR: "#98a2b3",
  LEADS: "#475467",
};

export const RELATION_TYPES = Object.keys(RELATION_COLORS);

export function kindColor(kind: string | null | undefined): string {
  return KIND_COLORS[kind ?? "UNKNOWN"] ?? KIND_COLORS["UNKNOWN"]!;
}

export function campColor(camp: string | null | undefined): string {
  return CAMP_COLORS[camp ?? "none"] ?? CAMP_COLORS["none"]!;
}

export function formatScore(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? "not computed" : value.toFixed(digits);
}

/** The controlled vocabulary, for pickers (a predicate the API drops fails `tsc` here). */
export const PREDICATES = [
  "CARRIED_OUT", "INVOLVED_IN", "CONTROLLED_BY", "SUPPORTS", "ALLIED_WITH", "OPPOSES", "ATTACKED", "THREATENED",
  "WARNED", "SUBVERTED", "CRITICIZED", "PRAISED", "PROVIDED_MILITARY_AID", "SHARED_INTELLIGENCE", "OCCUPIED",
  "PART_OF", "SPEAKS_FOR", "LEADS",
] as const satisfies readonly Predicate[];

export const VERDICTS = ["CONFIRMED", "REFUTED", "UNPROVEN"] as const satisfies readonly Verdict[];

/** "1 event", "3 events". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
