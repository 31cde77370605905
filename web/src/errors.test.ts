import { CombinedError } from "@urql/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { errorText, fieldOf, formErrors } from "./errors";

const FIELDS = ["quote", "speaker", "source.id", "start"];

function graphQLError(message: string, extensions: Record<string, unknown>): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

describe("fieldOf", () => {
  it("matches a problem path to the longest known field", () => {
    expect(fieldOf("input.source.id", FIELDS)).toBe("source.id");
    expect(fieldOf("input.quote", FIELDS)).toBe("quote");
    expect(fieldOf("speakerX", FIELDS)).toBeNull();
  });
});

describe("formErrors", () => {
  it("puts each validation problem next to its field", () => {
    const error = graphQLError("quote: not found; start: too big", {
      code: "BAD_USER_INPUT",
      problems: [
        { path: "quote", message: "not found in the source" },
        { path: "input.start", message: "must be below end" },
        { path: "confidence", message: "between 0 and 1" },
      ],
    });
    expect(formErrors(error, FIELDS)).toEqual({
      fields: { quote: "not found in the source", start: "must be below end" },
      general: ["between 0 and 1"],
    });
  });

  it("reads the field from a message that names it first", () => {
    const error = graphQLError("speaker: no Actor with id 'x': create it first or fix the id", { code: "NOT_FOUND" });
    expect(formErrors(error, FIELDS).fields).toEqual({ speaker: "no Actor with id 'x': create it first or fix the id" });
  });

  it("says what to do when the key is missing, and when the API is unreachable", () => {
    const refused = formErrors(graphQLError("mutations need an API key (X-API-Key)", { code: "UNAUTHENTICATED" }), FIELDS);
    expect(refused.general[0]).toMatch(/^mutations need an API key .*Enter an editor API key or token/);
    const offline = formErrors(new CombinedError({ networkError: new Error("Failed to fetch") }), FIELDS);
    expect(offline.general[0]).toContain("could not be reached (Failed to fetch)");
    expect(errorText(new CombinedError({ networkError: new Error("boom") }))).toBe("The API could not be reached (boom).");
  });

  it("is empty without an error", () => {
    expect(formErrors(undefined, FIELDS)).toEqual({ fields: {}, general: [] });
  });
});
