// Add an alias to an actor (addAlias); merge another actor into it (mergeActors).
import { useState } from "preact/hooks";
import { AddAlias, MergeActors } from "../documents";
import { navigate } from "../router";
import { Field, GeneralErrors, Saved } from "./Field";
import { useMutationForm } from "./useMutationForm";
import { ActorOptions } from "./Pickers";

export function AliasForm({ actorId }: { actorId: string }) {
  const [alias, setAlias] = useState("");
  const form = useMutationForm(AddAlias, ["alias", "actorId"]);
  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!alias.trim()) problems["alias"] = "Type the name this actor is also known by.";
    const done = await form.submit({ id: actorId, alias: alias.trim() }, problems, `Alias “${alias.trim()}” added.`);
    if (done) setAlias("");
  };
  return (
    <form class="edit-form" onSubmit={onSubmit} aria-labelledby="alias-title" noValidate>
      <h3 id="alias-title">Add an alias</h3>
      <GeneralErrors messages={form.errors.general} />
      <Field id="alias" label="Alias" error={form.errors.fields["alias"]}>
        {(describedBy, invalid) => <input id="alias" value={alias} onInput={(e) => setAlias(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} />}
      </Field>
      <button type="submit" class="primary" disabled={form.busy}>
        Add alias
      </button>
      <Saved message={form.saved} />
    </form>
  );
}

export function MergeForm({ actorId, name }: { actorId: string; name: string }) {
  const [mergeId, setMergeId] = useState("");
  const [reason, setReason] = useState("");
  const [sure, setSure] = useState(false);
  const form = useMutationForm(MergeActors, ["mergeId", "keepId", "reason", "confirm"]);
  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!mergeId.trim()) problems["mergeId"] = "Give the id of the actor to merge into this one.";
    if (!reason.trim()) problems["reason"] = "Say why they are the same: the history keeps it.";
    if (!sure) problems["confirm"] = "Tick this to confirm: the other actor disappears into this one.";
    const done = await form.submit({ keep: actorId, merge: mergeId.trim(), reason: reason.trim() }, problems, `Merged ${mergeId.trim()} into ${name}.`);
    if (done) {
      setMergeId("");
      setReason("");
      setSure(false);
      navigate(`/actor/${encodeURIComponent(actorId)}`, { replace: true });
    }
  };
  return (
    <form class="edit-form" onSubmit={onSubmit} aria-labelledby="merge-title" noValidate>
      <h3 id="merge-title">Merge another actor into {name}</h3>
      <GeneralErrors messages={form.errors.general} />
      <Field id="merge-id" label="Actor to merge (id)" error={form.errors.fields["mergeId"]} hint="Its statements, aliases and relationships move here; its id then leads nowhere.">
        {(describedBy, invalid) => (
          <input id="merge-id" list="actor-options" value={mergeId} onInput={(e) => setMergeId(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} />
        )}
      </Field>
      <ActorOptions />
      <Field id="merge-reason" label="Why (kept in the history)" error={form.errors.fields["reason"]} hint="A merge can be undone (unmergeActors); the reason says why it was made.">
        {(describedBy, invalid) => (
          <input id="merge-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-describedby={describedBy || undefined} aria-invalid={invalid} />
        )}
      </Field>
      <Field id="merge-confirm" label="" error={form.errors.fields["confirm"]}>
        {(describedBy, invalid) => (
          <label class="check">
            <input id="merge-confirm" type="checkbox" checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} aria-describedby={describedBy || undefined} aria-invalid={invalid} /> The
            other actor is the same as {name}
          </label>
        )}
      </Field>
      <button type="submit" class="primary" disabled={form.busy}>
        Merge
      </button>
      <Saved message={form.saved} />
    </form>
  );
}
