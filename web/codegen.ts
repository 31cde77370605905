// Types for every GraphQL document in src/, generated from the API's committed schema: a query that asks for
// a field the API no longer has fails here, and a changed type fails `tsc`, so an API change breaks the build.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { Date: "string", DateTime: "string", ID: "string", JSON: "unknown" },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
  silent: false,
};

export default config;
