// Where an editor enters an API key or a bearer token; kept in this tab only (sessionStorage).
import { useRef, useState } from "preact/hooks";
import { credentialFrom, saveCredential, useCredential } from "../credential";

export function CredentialButton() {
  const credential = useCredential();
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState("");
  const open = (): void => {
    setValue("");
    dialog.current?.showModal();
  };
  const save = (event: Event): void => {
    event.preventDefault();
    saveCredential(credentialFrom(value));
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" class={`credential${credential ? " set" : ""}`} onClick={open} aria-haspopup="dialog">
        {credential ? `Editing with ${credential.kind === "token" ? "a token" : "an API key"}` : "Editor key"}
      </button>
      <dialog ref={dialog} aria-labelledby="credential-title" class="credential-dialog">
        <form method="dialog" onSubmit={save}>
          <h2 id="credential-title">Editor credentials</h2>
          <p>
            Recording statements, setting verdicts and editing actors need an API key (from <code>ACTORGRAPH_API_KEYS</code>) or
            a bearer token with the <code>editor</code> role. It is kept in this browser tab only and sent with every request.
          </p>
          <label for="credential-value">API key or bearer token</label>
          <input id="credential-value" type="password" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
          <div class="buttons">
            <button type="submit" class="primary">
              Use it
            </button>
            {credential && (
              <button
                type="button"
                onClick={() => {
                  saveCredential(null);
                  dialog.current?.close();
                }}
              >
                Forget it
              </button>
            )}
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
