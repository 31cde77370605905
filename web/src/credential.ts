// The editor's credential: an API key (X-API-Key) or a bearer token (a JWT), kept for this tab only.
import { useEffect, useState } from "preact/hooks";

export interface Credential {
  kind: "key" | "token";
  value: string;
}

const STORAGE_KEY = "actorgraph.credential";
const listeners = new Set<(credential: Credential | null) => void>();

/** A JWT (three base64url parts) is sent as a bearer token; anything else as an API key. */
export function credentialFrom(value: string): Credential | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed) ? { kind: "token", value: trimmed } : { kind: "key", value: trimmed };
}

export function headersFor(credential: Credential | null): Record<string, string> {
  if (!credential) return {};
  return credential.kind === "token" ? { Authorization: `Bearer ${credential.value}` } : { "X-API-Key": credential.value };
}

export function loadCredential(): Credential | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === "object" && "kind" in parsed && "value" in parsed) {
      const { kind, value } = parsed as Credential;
      if ((kind === "key" || kind === "token") && typeof value === "string") return { kind, value };
    }
  } catch {
    // storage unavailable or garbled: no credential
  }
  return null;
}

export function saveCredential(credential: Credential | null): void {
  try {
    if (credential) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(credential));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: the credential lasts until reload
  }
  current = credential;
  for (const listener of listeners) listener(credential);
}

let current: Credential | null = typeof sessionStorage === "undefined" ? null : loadCredential();

export function currentCredential(): Credential | null {
  return current;
}

export function useCredential(): Credential | null {
  const [value, setValue] = useState(current);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
