/**
 * Limits every operation before it runs, and reports its cost on every response (`extensions.cost`):
 * - variables of the wrong type are refused here (pricing reads them), before anything runs;
 * - at most maxAliases aliases and maxMutations mutations per operation;
 * - depth ≤ maxDepth and cost ≤ maxCost, from the per-field costs declared in the schema (complexity plugin);
 * - a partner key's cost budget is charged first; an operation it cannot pay is refused with RATE_LIMITED;
 * - an operation still resolving fields after executionTimeoutMs is stopped.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode } from "graphql";
import type { Context } from "../builder.js";
import { BadUserInputError, classifyError } from "../errors.js";

export interface CostReport {
  /** Cost of the operation, computed before it ran. */
  requested: number;
  /** Highest cost accepted for one operation. */
  maxCost: number;
  /** Partner keys: points left in the budget after this operation, and the budget's size and refill rate. */
  remaining?: number;
  budget?: number;
  refillPerSecond?: number;
}

function refused(message: string, code: "BAD_USER_INPUT" | "RATE_LIMITED", status: number, retryAfterSeconds?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      http: {
        status,
        headers: new Map(retryAfterSeconds && Number.isFinite(retryAfterSeconds) ? [["retry-after", String(retryAfterSeconds)]] : []),
      },
    },
  });
}

function countAliasesAndMutations(document: DocumentNode, operation: OperationDefinitionNode): { aliases: number; mutations: number } {
  let aliases = 0;
  visit(document, { Field: (field) => void (field.alias && (aliases += 1)) });
  const mutations =
    operation.operation === "mutation" ? operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length : 0;
  return { aliases, mutations };
}

/**
 * Pricing reads every argument (a page size multiplies a cost), so malformed arguments — an ID of the
 * wrong type, an input the field's validation refuses — surface here, and the operation is refused
 * whole, before anything runs.
 */
function priceOperation(price: () => { complexity: number; depth: number }): { complexity: number; depth: number } {
  try {
    return price();
  } catch (error) {
    const code = classifyError(error);
    if (code === "INTERNAL") throw error;
    throw refused(error instanceof Error ? error.message : String(error), code === "BAD_USER_INPUT" ? code : "BAD_USER_INPUT", 400);
  }
}

export function createOperationLimitsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue: ctx }) {
      const { limits, costBudgets } = ctx.platform;
      let cost: CostReport = { requested: 0, maxCost: limits.maxCost };
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          // Only the operation that runs is priced, with the fragments it may use.
          const selected: DocumentNode = {
            kind: Kind.DOCUMENT,
            definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
          };
          // complexityFromQuery coerces the variables itself and throws a bare error on a bad one: check them first.
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
          if (variables.errors) {
            throw refused(variables.errors.map((e) => e.message).join("; "), "BAD_USER_INPUT", 400);
          }
          const { aliases, mutations } = countAliasesAndMutations(selected, operation);
          if (aliases > limits.maxAliases) {
            throw refused(`Too many aliases: ${aliases}, at most ${limits.maxAliases}`, "BAD_USER_INPUT", 400);
          }
          if (mutations > limits.maxMutations) {
            throw refused(`Too many mutations in one operation: ${mutations}, at most ${limits.maxMutations}`, "BAD_USER_INPUT", 400);
          }
          const { complexity, depth } = priceOperation(() => complexityFromQuery(selected, { schema, ctx, variables: request.variables ?? {} }));
          cost = { requested: complexity, maxCost: limits.maxCost };
          if (depth > limits.maxDepth) {
            throw refused(`Query too deep: ${depth} levels, at most ${limits.maxDepth}`, "BAD_USER_INPUT", 400);
          }
          if (complexity > limits.maxCost) {
            throw refused(`Query too costly: ${complexity} points, at most ${limits.maxCost}; ask for fewer items`, "BAD_USER_INPUT", 400);
          }
          const viewer = ctx.viewer;
          if (viewer.kind === "partner") {
            const rule = { capacity: viewer.costCapacity, refillPerSecond: viewer.costRefillPerSecond };
            const charge = await costBudgets.charge(viewer.clientId, complexity, rule);
            cost = { ...cost, remaining: Math.floor(charge.remaining), budget: rule.capacity, refillPerSecond: rule.refillPerSecond };
            if (!charge.allowed) {
              const when = Number.isFinite(charge.retryAfterSeconds)
                ? `retry in ${charge.retryAfterSeconds} s`
                : `it exceeds the budget of ${rule.capacity} points`;
              throw refused(`Query-cost budget spent: this operation costs ${complexity} points, ${Math.floor(charge.remaining)} left; ${when}`, "RATE_LIMITED", 429, charge.retryAfterSeconds);
            }
          }
        },
        async executionDidStart() {
          const deadline = Date.now() + limits.executionTimeoutMs;
          return {
            willResolveField() {
              if (Date.now() > deadline) {
                throw new BadUserInputError(`The operation took longer than ${limits.executionTimeoutMs} ms and was stopped; ask for less`);
              }
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}
