/** Partners: API clients with scoped keys and query-cost budgets. */
import "./api-client.schema.js";

export { isApiKey, viewerFromApiKey, type PartnerScope } from "./api-client.service.js";
