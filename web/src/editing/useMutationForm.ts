// A mutation form's state: values, client-side checks, then the API's errors sorted onto fields.
import type { AnyVariables, DocumentInput, OperationResult } from "@urql/core";
import { useMutation } from "@urql/preact";
import { useState } from "preact/hooks";
import { type FormErrors, formErrors } from "../errors";

export function useMutationForm<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  fields: readonly string[],
) {
  const [state, run] = useMutation<Data, Variables>(document);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: [] });
  const [saved, setSaved] = useState<string | null>(null);

  /** Runs the mutation unless ``problems`` (client-side) holds any; returns the result when it succeeded. */
  async function submit(variables: Variables, problems: Record<string, string>, success: string): Promise<OperationResult<Data, Variables> | null> {
    setSaved(null);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, general: [] });
      return null;
    }
    const result = await run(variables);
    const sorted = formErrors(result.error, fields);
    setErrors(sorted);
    if (result.error || !result.data) return null;
    setSaved(success);
    return result;
  }

  return { submit, errors, saved, busy: state.fetching };
}
