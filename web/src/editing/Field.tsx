// A labelled form field with its hint and its error right below it (announced when it appears).
import type { ComponentChildren } from "preact";

export interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (describedBy: string, invalid: boolean) => ComponentChildren;
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={`field${error ? " invalid" : ""}`}>
      {label && <label for={id}>{label}</label>}
      {children(describedBy, Boolean(error))}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function GeneralErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="form-errors" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

export function Saved({ message }: { message: string | null }) {
  return (
    <p class="saved" role="status" aria-live="polite">
      {message ?? ""}
    </p>
  );
}
