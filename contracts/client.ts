/**
 * A typed client of the HTTP API: openapi-fetch over the types openapi-typescript generates from the
 * served OpenAPI document (contracts/openapi-types.ts, `npm run client:types`). Paths, path and query
 * parameters, request bodies and response bodies are checked by the type-check against the contract.
 * The seed, the smoke test and the integration tests call the API through it, so a client that
 * compiles against the contract exercises it.
 *
 *   const api = apiClient('http://127.0.0.1:3000', { token });
 *   const { data, error, response } = await api.GET('/briefings/{briefingId}', { params: { path: { briefingId } } });
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './openapi-types.ts';

export type ApiClient = Client<paths>;
export type ApiSchemas = components['schemas'];

/** A client of the API at `baseUrl`, sending `Authorization: Bearer <token>` when a token is given. */
export function apiClient(baseUrl: string, opts: { token?: string } = {}): ApiClient {
  return createClient<paths>({ baseUrl, headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {} });
}

/** What a call answered, for messages: method, path, status and the start of a problem's detail. */
export function describeAnswer(what: string, response: Response, error: unknown): string {
  const detail = error === undefined ? '' : `: ${JSON.stringify(error).slice(0, 500)}`;
  return `${what} answered ${response.status}${detail}`;
}
