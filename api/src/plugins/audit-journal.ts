/**
 * Completes the audit journal: a mutation refused before its resolver ran (by scope-auth or argument
 * validation), or one that did not go through runMutation, still gets its one row. Rows are written
 * before the response is sent, so a client never sees an answer to an unjournaled mutation.
 */
import type { ApolloServerPlugin } from "@apollo/server";
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
      return {
        async executionDidStart({ operation }) {
          if (operation?.operation !== "mutation") return;
          return {
            willResolveField({ info, contextValue: ctx }) {
              if (info.parentType.name !== "Mutation") return;
              return (error, result) => {
                if (ctx.audited.has(mutationKey(info))) return;
                ctx.audited.add(mutationKey(info));
                const code = error ? classifyError(error) : declaredErrorCode(result);
                pending.push(
                  recordAuditEvent(ctx.prisma, {
                    viewer: ctx.viewer,
                    operation: info.fieldName,
                    targetIds: [],
                    outcome: code ? outcomeOfError(code) : "SUCCESS",
                    errorCode: code,
                    requestId: ctx.requestId,
                    clientAddress: ctx.clientAddress,
                  }).catch((e: unknown) => ctx.logger.error({ err: e, operation: info.fieldName }, "audit row could not be written")),
                );
              };
            },
          };
        },
        async willSendResponse() {
          await Promise.all(pending);
        },
      };
    },
  };
}
