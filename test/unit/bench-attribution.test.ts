/**
 * Spec: the bench attributes each DynamoDB request to the handler module on its call stack, so every
 * function of the manifest must be recognised from its module's path, and no shared module may be.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handlerOf } from '#bench/capacity.ts';
import { FUNCTIONS } from '#functions/manifest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the bench attributes a request', () => {
  it.each(Object.entries(FUNCTIONS).map(([name, spec]) => [name, spec.entry]))('to %s from its module %s', (name, entry) => {
    expect(handlerOf(`${ROOT}${entry}`)).toBe(name);
  });

  it('to no function from a shared module', () => {
    expect(handlerOf(`${ROOT}functions/commons/consumer.ts`)).toBeUndefined();
    expect(handlerOf(`${ROOT}functions/commons/table/briefings.ts`)).toBeUndefined();
    expect(handlerOf(`${ROOT}domain/briefing.ts`)).toBeUndefined();
  });
});
