// Loading, empty and error states, the same everywhere.
import type { CombinedError } from "@urql/core";
import type { ComponentChildren } from "preact";
import { errorText } from "../errors";

export function Loading({ what }: { what: string }) {
  return (
    <p class="state loading" role="status">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

export function ErrorBox({ error, retry }: { error: CombinedError; retry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <p>
        <strong>Could not load this.</strong> {errorText(error)}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function NotFound({ what, id }: { what: string; id: string }) {
  return (
    <section class="state empty">
      <h1 tabIndex={-1}>No {what} “{id}”</h1>
      <p>
        It may have been merged or renamed. <a href={`/search?q=${encodeURIComponent(id.replace(/-/g, " "))}`}>Search for it</a> or
        go back to the <a href="/">start page</a>.
      </p>
    </section>
  );
}
