/**
 * Completes the audit journal so that every mutation call leaves exactly one row:
 * - a mutation refused before its resolver ran (scope-auth, argument validation) or one that did not go
 *   through runMutation gets its row when the field settles;
 * - a mutation operation refused before execution (bad credentials, bad arguments, limits, budget) gets
 *   one row per mutation it named, up to the per-operation limit; beyond it (the operation was refused for
 *   naming too many), one row per distinct mutation: a thousand aliases must not write a thousand rows.
 * Rows are written before the response is sent, so a client never sees an answer to an unjournaled call.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind } from "graphql";
import type { Context } from "../builder.js";
import { classifyError, errorCodes, type ErrorCode } from "../errors.js";
import { mutationKey } from "../mutation.js";
import { outcomeOfError, recordAuditEvent } from "../modules/audit/audit.service.js";

/**
 * An error declared on a mutation comes back as its result, not thrown: the errors plugin returns a
 * proxy of the DomainError (so `instanceof` does not hold), which still carries its code.
 */
function declaredErrorCode(result: unknown): ErrorCode | null {
  const code = typeof result === "object" && result !== null ? (result as { code?: unknown }).code : undefined;
  return typeof code === "string" && (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : null;
}

export function createAuditJournalPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const pending: Promise<void>[] = [];
      let executed = false;
      const journal = (ctx: Context, operation: string, code: ErrorCode | null) =>
        pending.push(
          recordAuditEvent(ctx.prisma, {
            viewer: ctx.viewer,
            operation,
            targetIds: [],
            outcome: code ? outcomeOfError(code) : "SUCCESS",
            errorCode: code,
            requestId: ctx.requestId,
            clientAddress: ctx.clientAddress,
          }).catch((e: unknown) => ctx.logger.error({ err: e, operation }, "audit row could not be written")),
        );
      return {
        async executionDidStart({ operation }) {
          if (operation?.operation !== "mutation") return;
          executed = true;
          return {
            willResolveField({ info, contextValue: ctx }) {
              if (info.parentType.name !== "Mutation") return;
              return (error, result) => {
                if (ctx.audited.has(mutationKey(info))) return;
                ctx.audited.add(mutationKey(info));
                journal(ctx, info.fieldName, error ? classifyError(error) : declaredErrorCode(result));
              };
            },
          };
        },
        async willSendResponse({ operation, contextValue: ctx, response }) {
          if (!executed && operation?.operation === "mutation") {
            const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
            const code = errors?.[0] ? classifyError(errors[0]) : "INTERNAL";
            const named = operation.selectionSet.selections.flatMap((s) =>
              s.kind === Kind.FIELD && s.name.value !== "__typename" ? [s.name.value] : [],
            );
            const calls = named.length <= ctx.platform.limits.maxMutations ? named : [...new Set(named)];
            for (const name of calls) journal(ctx, name, code);
          }
          await Promise.all(pending);
        },
      };
    },
  };
}
