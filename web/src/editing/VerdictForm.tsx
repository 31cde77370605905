// Set an analyst's verdict on an allegation (setVerdict).
import { useState } from "preact/hooks";
import { SetVerdict } from "../documents";
import { VERDICTS, words } from "../format";
import type { Verdict } from "../gql/graphql";
import { Field, GeneralErrors, Saved } from "./Field";
import { useMutationForm } from "./useMutationForm";

export function VerdictForm({ allegationId, current }: { allegationId: string; current: Verdict | null }) {
  const [verdict, setVerdict] = useState<Verdict>(current ?? "UNPROVEN");
  const [rationale, setRationale] = useState("");
  const [source, setSource] = useState("");
  const form = useMutationForm(SetVerdict, ["verdict", "rationale", "source", "allegationId"]);
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!rationale.trim()) problems["rationale"] = "Say why: a verdict needs a rationale.";
    void form.submit({ id: allegationId, verdict, rationale: rationale.trim(), source: source.trim() || null }, problems, `Verdict set: ${words(verdict)}.`);
  };
  return (
    <form class="edit-form" onSubmit={onSubmit} aria-labelledby="verdict-title" noValidate>
      <h3 id="verdict-title">Set a verdict</h3>
      <GeneralErrors messages={form.errors.general} />
      <Field id="verdict" label="Verdict" error={form.errors.fields["verdict"]}>
        {(describedBy, invalid) => (
          <select id="verdict" value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as Verdict)} aria-describedby={describedBy || undefined} aria-invalid={invalid}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {words(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="verdict-rationale" label="Rationale" error={form.errors.fields["rationale"]} hint="Why: the evidence for or against.">
        {(describedBy, invalid) => (
          <textarea id="verdict-rationale" rows={3} value={rationale} onInput={(e) => setRationale(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} />
        )}
      </Field>
      <Field id="verdict-source" label="Source of the verdict (optional)" error={form.errors.fields["source"]}>
        {(describedBy, invalid) => (
          <input id="verdict-source" value={source} onInput={(e) => setSource(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} />
        )}
      </Field>
      <button type="submit" class="primary" disabled={form.busy}>
        Set verdict
      </button>
      <Saved message={form.saved} />
    </form>
  );
}
