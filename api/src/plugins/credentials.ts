/**
 * Refuses a request whose credentials are wrong (unknown, expired or revoked session or key) with 401,
 * once its operation is known: deciding here rather than while building the context lets the audit
 * journal record a refused mutation like any other.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { Context } from "../builder.js";

export function createCredentialsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue: ctx }) {
      return {
        async didResolveOperation() {
          if (ctx.credentialError) {
            throw new GraphQLError(ctx.credentialError.message, {
              extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", "Bearer"]]) } },
            });
          }
        },
      };
    },
  };
}
