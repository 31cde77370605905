// API errors in words, placed next to the form field they concern.
import type { CombinedError } from "@urql/core";

export interface FormErrors {
  /** Messages by field name (the names a form passes in). */
  fields: Record<string, string>;
  /** What concerns no single field: credentials, the network, the server. */
  general: string[];
}

interface Problem {
  path?: string;
  message?: string;
}

const HINTS: Record<string, string> = {
  UNAUTHENTICATED: "Enter an editor API key or token (Editor key, at the top of the page) and try again.",
  FORBIDDEN: "This token lacks the editor role.",
  UNAVAILABLE: "The database is unavailable; try again in a moment.",
};

/** The field a problem path names: `input.source.id` -> `source.id`, matched to the longest known field. */
export function fieldOf(path: string, fields: readonly string[]): string | null {
  const bare = path.replace(/^input\./, "");
  let best: string | null = null;
  for (const field of fields) {
    if ((bare === field || bare.startsWith(`${field}.`)) && (best === null || field.length > best.length)) best = field;
  }
  return best;
}

function add(out: FormErrors, field: string | null, message: string): void {
  if (field === null) out.general.push(message);
  else out.fields[field] = out.fields[field] ? `${out.fields[field]}; ${message}` : message;
}

/** Sort a mutation's error into per-field messages and general ones. */
export function formErrors(error: CombinedError | undefined | null, fields: readonly string[]): FormErrors {
  const out: FormErrors = { fields: {}, general: [] };
  if (!error) return out;
  if (error.networkError) {
    out.general.push(`The API could not be reached (${error.networkError.message}). Check that it is running, then retry.`);
  }
  for (const gqlError of error.graphQLErrors) {
    const ext = gqlError.extensions ?? {};
    const code = typeof ext["code"] === "string" ? ext["code"] : "";
    const problems = Array.isArray(ext["problems"]) ? (ext["problems"] as Problem[]) : [];
    if (problems.length > 0) {
      for (const p of problems) add(out, fieldOf(p.path ?? "", fields), p.message ?? "is not valid");
      continue;
    }
    // Our API names the argument first ("speaker: no Actor with id ..."), so the message finds its field.
    const match = /^([A-Za-z.]+): (.*)$/s.exec(gqlError.message);
    const field = match ? fieldOf(match[1]!, fields) : null;
    if (match && field) add(out, field, match[2]!);
    else add(out, null, HINTS[code] ? `${gqlError.message}. ${HINTS[code]}` : gqlError.message);
  }
  return out;
}

/** One sentence for a failed query (views show it in their error state). */
export function errorText(error: CombinedError): string {
  if (error.networkError) return `The API could not be reached (${error.networkError.message}).`;
  return error.graphQLErrors.map((e) => e.message).join("; ") || error.message;
}
