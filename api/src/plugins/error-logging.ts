/**
 * Apollo plugin: logs every unexpected (INTERNAL) error with its stack and the request id, since
 * the client only receives a masked message. Errors the client caused are not logged as errors.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Context } from "../builder.js";
import { classifyError } from "../errors.js";

export function createErrorLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (classifyError(error) !== "INTERNAL") continue;
            contextValue.logger.error(
              { err: unwrapResolverError(error), path: error.path, operationName },
              "unexpected error in a GraphQL request",
            );
          }
        },
      };
    },
  };
}
