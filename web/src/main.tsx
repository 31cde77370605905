// Entry point: one GraphQL client for the app, links handled in-app, the shell rendered into #app.
import { Provider } from "@urql/preact";
import { render } from "preact";
import { App } from "./app";
import { createApiClient } from "./client";
import { interceptLinks } from "./router";
import "./styles.css";

const root = document.getElementById("app")!;
interceptLinks(document.body);
render(
  <Provider value={createApiClient()}>
    <App />
  </Provider>,
  root,
);
