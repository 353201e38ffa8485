/**
 * Spec: the typed client's types (contracts/openapi-types.ts) are what openapi-typescript generates
 * from the OpenAPI document the API serves today, so a route or schema changed without
 * `npm run client:types` fails here; and the client built on them refuses, at the type-check, a call
 * the contract does not allow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ApiClient, type ApiSchemas, apiClient } from '#contracts/client.ts';
import { CLIENT_TYPES_FILE, clientTypes } from '#tools/client-types.ts';

describe('the typed client', () => {
  it('has the types the served OpenAPI document generates (run `npm run client:types` after changing a route or schema)', async () => {
    // Act
    const generated = await clientTypes();
    // Assess
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(generated);
  }, 60_000);

  it('types paths, parameters, bodies and answers from the contract', () => {
    // Prepare
    const api: ApiClient = apiClient('http://127.0.0.1:3000');
    const briefingId = 'b-1';
    // Assess (checked by tsc: each @ts-expect-error must be an error, or the type-check fails)
    const read = () => api.GET('/briefings/{briefingId}', { params: { path: { briefingId } } });
    expectTypeOf<Awaited<ReturnType<typeof read>>['data']>().toEqualTypeOf<ApiSchemas['BriefingView'] | undefined>();
    // @ts-expect-error: no such route
    const unknownRoute = () => api.GET('/briefing/{briefingId}', { params: { path: { briefingId } } });
    // @ts-expect-error: the path parameter is required
    const missingParameter = () => api.GET('/briefings/{briefingId}', {});
    // @ts-expect-error: a source's kind is one of the documented kinds
    const badBody = () => api.POST('/sources', { body: { briefingId, url: 'https://example.com', publisher: 'x', kind: 'rumour', title: 't' } });
    expect([read, unknownRoute, missingParameter, badBody].every((call) => typeof call === 'function')).toBe(true);
  });
});
