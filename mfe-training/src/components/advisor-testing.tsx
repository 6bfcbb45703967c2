/** Test helpers of the advisors' screens (never imported by production code). */
import { ConsoleRoot, createGraphqlClient, type Viewer } from '@couronne/console-kit';
import { fakeGraphqlFetch, schemaErrors } from '@couronne/console-kit/testing';
import { toastQueue, UiProvider } from '@couronne/ui';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { ReactNode } from 'react';
import schemaSdl from '../../../schema.graphql?raw';

/** The documents schema.graphql cannot run, by operation name, with why: `{}` when the API runs them all. */
export function documentsOffContract(documents: readonly DocumentNode[]): Record<string, string[]> {
  const errors = documents.map((document) => [getOperationAST(document)?.name?.value ?? 'anonymous', schemaErrors(document, schemaSdl)] as const);
  return Object.fromEntries(errors.filter(([, messages]) => messages.length > 0));
}

/** One answer per operation name: a `{ data }` or `{ errors }` body, or a thrown error (network failure). */
export type Answers = Record<string, (variables: Record<string, unknown>) => unknown>;

/**
 * Renders `ui` in the providers the shell gives a module (console, urql with a real client, French ui kit),
 * the client's fetch answering each operation by its name; records the requests.
 */
export function renderWithApi(ui: ReactNode, answers: Answers, viewer: Viewer | null = null) {
  const { fetch, requests } = fakeGraphqlFetch((request) => {
    const answer = answers[request.operationName ?? ''];
    if (!answer) throw new Error(`The test has no answer for ${request.operationName}`);
    return answer(request.variables ?? {});
  });
  render(
    <UiProvider locale="fr">
      <ConsoleRoot client={createGraphqlClient({ url: '/graphql', fetch })} viewer={viewer}>
        {ui}
      </ConsoleRoot>
    </UiProvider>,
  );
  return {
    requests,
    /** The variables of each request of one operation, in order. */
    variablesOf: (operationName: string) => requests.filter((request) => request.operationName === operationName).map((request) => request.variables),
  };
}

/** Titles of the toasts shown (the shell renders them; tests read the queue). */
export const toastTitles = () => toastQueue.visibleToasts.map((toast) => toast.content.title);

export function clearToasts() {
  act(() => toastQueue.clear());
}

/**
 * For the tests of one describe block: the page's clock reads `now` (only Date is faked, timers run), and
 * toasts are cleared after each test. Call at the top of the block.
 */
export function atParisTime(now: Date) {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
    clearToasts();
  });
}
