// Record a statement from the source view: the quote and its offsets come from the text the editor selected.
import { useEffect, useState } from "preact/hooks";
import { RecordStatement } from "../documents";
import { PREDICATES, words } from "../format";
import type { Predicate, Stance } from "../gql/graphql";
import type { Picked } from "../selection";
import { findQuote } from "../text";
import { Field, GeneralErrors, Saved } from "./Field";
import { ActorOptions } from "./Pickers";
import { useMutationForm } from "./useMutationForm";

const FIELDS = ["quote", "start", "end", "speaker", "onBehalfOf", "stance", "subject", "predicate", "object", "summary", "statedOn", "medium", "source.id"];

interface Props {
  sourceId: string;
  sourceText: string;
  picked: Picked | null;
  onRecorded: (statementId: string) => void;
}

export function RecordStatementForm({ sourceId, sourceText, picked, onRecorded }: Props) {
  const [quote, setQuote] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [speaker, setSpeaker] = useState("");
  const [onBehalfOf, setOnBehalfOf] = useState("");
  const [stance, setStance] = useState<Stance>("AFFIRMS");
  const [subject, setSubject] = useState("");
  const [predicate, setPredicate] = useState<Predicate>("CARRIED_OUT");
  const [object, setObject] = useState("");
  const [summary, setSummary] = useState("");
  const [statedOn, setStatedOn] = useState("");
  const [medium, setMedium] = useState("");
  const form = useMutationForm(RecordStatement, FIELDS);

  useEffect(() => {
    if (!picked) return;
    setQuote(picked.quote);
    setStart(String(picked.start));
    setEnd(String(picked.end));
  }, [picked]);

  const locate = (): void => {
    const found = findQuote(sourceText, quote);
    if (found) {
      setStart(String(found.start));
      setEnd(String(found.end));
    }
  };

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const need = (name: string, value: string, message: string): void => {
      if (!value.trim()) problems[name] = message;
    };
    need("quote", quote, "Select the quote in the text above, or type it exactly as in the source.");
    need("speaker", speaker, "Who said it (an actor id).");
    need("subject", subject, "Whom the allegation is about (an actor id).");
    need("object", object, "The other end of the allegation (an actor or event id).");
    need("summary", summary, "One sentence saying what is alleged.");
    const startN = start === "" ? null : Number(start);
    const endN = end === "" ? null : Number(end);
    if (startN !== null && !Number.isInteger(startN)) problems["start"] = "A character offset: a whole number.";
    if (endN !== null && !Number.isInteger(endN)) problems["end"] = "A character offset: a whole number.";
    const done = await form.submit(
      {
        input: {
          quote, start: startN, end: endN, speaker: speaker.trim(), onBehalfOf: onBehalfOf.trim() || null, stance,
          subject: subject.trim(), predicate, object: object.trim(), summary: summary.trim(),
          statedOn: statedOn || null, medium: medium.trim() || null, source: { id: sourceId },
        },
      },
      problems,
      "Statement recorded.",
    );
    if (done?.data) onRecorded(done.data.recordStatement.id);
  };

  const input = (id: string, name: string, value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <Field id={id} label={LABELS[name] ?? name} error={form.errors.fields[name]} hint={HINTS[name]}>
      {(describedBy, invalid) => (
        <input id={id} value={value} onInput={(e) => set(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} {...extra} />
      )}
    </Field>
  );

  return (
    <form class="edit-form record-form" onSubmit={onSubmit} aria-labelledby="record-title" noValidate>
      <h3 id="record-title">Record a statement</h3>
      <p class="hint">Select the quote in the text: it and its offsets are filled in here. Or type the quote and press “Find in text”.</p>
      <GeneralErrors messages={form.errors.general} />
      <Field id="record-quote" label="Quote" error={form.errors.fields["quote"]}>
        {(describedBy, invalid) => (
          <textarea id="record-quote" rows={3} value={quote} onInput={(e) => setQuote(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} />
        )}
      </Field>
      <div class="row offsets">
        {input("record-start", "start", start, setStart, { inputMode: "numeric" })}
        {input("record-end", "end", end, setEnd, { inputMode: "numeric" })}
        <button type="button" onClick={locate}>
          Find in text
        </button>
      </div>
      <div class="row">
        {input("record-speaker", "speaker", speaker, setSpeaker, { list: "actor-options" })}
        {input("record-on-behalf-of", "onBehalfOf", onBehalfOf, setOnBehalfOf, { list: "actor-options" })}
      </div>
      <fieldset class="stance">
        <legend>Stance</legend>
        {(["AFFIRMS", "DENIES"] as const).map((s) => (
          <label key={s} class="check">
            <input type="radio" name="record-stance" value={s} checked={stance === s} onChange={() => setStance(s)} /> {s === "AFFIRMS" ? "affirms" : "denies"}
          </label>
        ))}
      </fieldset>
      <div class="row">
        {input("record-subject", "subject", subject, setSubject, { list: "actor-options" })}
        <Field id="record-predicate" label="Predicate" error={form.errors.fields["predicate"]}>
          {(describedBy, invalid) => (
            <select id="record-predicate" value={predicate} onChange={(e) => setPredicate(e.currentTarget.value as Predicate)} aria-describedby={describedBy || undefined} aria-invalid={invalid}>
              {PREDICATES.map((p) => (
                <option key={p} value={p}>
                  {words(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input("record-object", "object", object, setObject, { list: "object-options" })}
      </div>
      {input("record-summary", "summary", summary, setSummary)}
      <div class="row">
        {input("record-stated-on", "statedOn", statedOn, setStatedOn, { type: "date" })}
        {input("record-medium", "medium", medium, setMedium)}
      </div>
      <ActorOptions withEvents />
      <button type="submit" class="primary" disabled={form.busy}>
        Record statement
      </button>
      <Saved message={form.saved} />
    </form>
  );
}

const LABELS: Record<string, string> = {
  start: "Start offset",
  end: "End offset",
  speaker: "Speaker (actor id)",
  onBehalfOf: "On behalf of (optional)",
  subject: "Subject (actor id)",
  object: "Object (actor or event id)",
  summary: "Allegation summary",
  statedOn: "Stated on (optional)",
  medium: "Medium (optional)",
};

const HINTS: Record<string, string> = {
  summary: "Used only when the allegation (subject, predicate, object) is new.",
  onBehalfOf: "The institution a spokesperson spoke for.",
};
