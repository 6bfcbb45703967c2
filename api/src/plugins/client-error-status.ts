/**
 * Apollo answers HTTP 500 when the request names an operation the document does not have; that is the
 * client's mistake, so it gets 400 like every other malformed request.
 */
import type { ApolloServerPlugin } from "@apollo/server";

export function createClientErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (errors.some((error) => error.extensions.code === "OPERATION_RESOLUTION_FAILURE")) {
            response.http.status = 400;
          }
        },
      };
    },
  };
}
