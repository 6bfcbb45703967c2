/**
 * urql keeps the previous variables' data while a query with new variables loads: true only when
 * `result` answers these `variables` (a week's agenda is never shown under the next week's title).
 */
export function answers(result: { data?: unknown; operation?: { variables?: unknown } }, variables: unknown): boolean {
  return result.data !== undefined && JSON.stringify(result.operation?.variables) === JSON.stringify(variables);
}
