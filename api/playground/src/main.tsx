/** GraphiQL bundled with the API: no CDN, the editor's workers included (the partners' documentation). */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./playground.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

// Relative to the page's origin: the same build works behind the shell's proxy and on the API itself.
const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });

const defaultQuery = `# Explorateur de l'API GraphQL de Couronne. La documentation du schéma est
# dans le panneau « Docs » (icône de livre, à gauche).
# Accès authentifié : dans l'onglet « Headers », saisissez
# {"Authorization": "Bearer <votre jeton>"}

query Communes {
  communes(first: 50) {
    totalCount
    edges {
      node {
        inseeCode
        name
        population
      }
    }
  }
}
`;

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      // Passing `plugins` replaces GraphiQL's defaults: history is added back explicitly.
      plugins={[HISTORY_PLUGIN]}
      defaultQuery={defaultQuery}
      // Empty by default: a placeholder token would be sent, and refused, with every query.
      defaultHeaders="{}"
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
    />
  </StrictMode>,
);
