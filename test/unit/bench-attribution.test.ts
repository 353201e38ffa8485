/**
 * Spec: the bench attributes each DynamoDB request to the function the local runtime is running it for,
 * a consumer's confirmation of its event to the shared consumer edge, and anything outside an invocation
 * (the bench itself, the seed) to no function.
 */
import { describe, expect, it } from 'vitest';
import { CONSUMER_EDGE, requestingFunction } from '#bench/capacity.ts';
import { outboxKey } from '#functions/commons/table/keys.ts';
import { FUNCTIONS, type FunctionName, SUBSCRIPTIONS } from '#functions/manifest.ts';
import { runningFunction } from '#local/lambda-runtime.ts';

const briefingKey = { Key: { pk: 'BRIEFING#b1', sk: 'P' } };
const confirmation = { Key: outboxKey('e1') };
const subscribed = new Set<string>(SUBSCRIPTIONS.map((s) => s.fn));

describe('the bench attributes a request', () => {
  it.each(Object.keys(FUNCTIONS) as FunctionName[])('to %s while the runtime runs it', (name) => {
    expect(runningFunction.run(name, () => requestingFunction('GetItem', briefingKey))).toBe(name);
    expect(runningFunction.run(name, () => requestingFunction('DeleteItem', briefingKey))).toBe(name);
  });

  it("to the consumer edge when a bus consumer deletes an outbox record (its event's confirmation)", () => {
    for (const name of subscribed)
      expect(runningFunction.run(name as FunctionName, () => requestingFunction('DeleteItem', confirmation))).toBe(CONSUMER_EDGE);
  });

  it('to the function itself when one no rule invokes deletes an outbox record', () => {
    const other = (Object.keys(FUNCTIONS) as FunctionName[]).find((name) => !subscribed.has(name))!;
    expect(runningFunction.run(other, () => requestingFunction('DeleteItem', confirmation))).toBe(other);
  });

  it('to no function outside an invocation', () => {
    expect(requestingFunction('GetItem', briefingKey)).toBe('other');
    expect(requestingFunction('DeleteItem', confirmation)).toBe('other');
  });
});
