/**
 * Who verifies bearer tokens: routes behind the API's JWT authorizer take its
 * claims; only the public routes whose function has `verifiesTokens` in the
 * manifest verify an optional token themselves (publicRoute, with jose). The
 * others never read the Authorization header, which keeps jose out of their
 * bundles (test/unit/bundles.test.ts).
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UnauthorizedError } from '#domain/errors.ts';
import { handler as notFound } from '#functions/api/route-not-found.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { FALLBACK_FUNCTION, FUNCTIONS, ROUTES } from '#functions/manifest.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { loadRoutes } from '#tools/openapi.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ANALYST = claimsFor('a-1', ['analysts']);

beforeEach(() => primeEntitlements(ddb, [ANALYST]));

describe('the manifest and the handlers agree on who verifies tokens', () => {
  it('gives a verifier to exactly the functions with verifiesTokens, all on optional-auth routes', async () => {
    const loaded = await loadRoutes();

    const actual = loaded.map(({ route, spec, loadError }) => [route.fn, loadError ?? Boolean(spec?.verifyToken)]);

    expect(actual).toEqual(ROUTES.map((r) => [r.fn, Boolean((FUNCTIONS[r.fn] as { verifiesTokens?: boolean }).verifiesTokens)]));
    for (const r of ROUTES) if ((FUNCTIONS[r.fn] as { verifiesTokens?: boolean }).verifiesTokens) expect(r.auth).toBe('optional');
    expect((FUNCTIONS[FALLBACK_FUNCTION] as { verifiesTokens?: boolean }).verifiesTokens).toBeUndefined();
  });
});

describe('a public route with a verifier', () => {
  const verifyToken = vi.fn(async (token: string): Promise<Record<string, unknown>> => {
    if (token !== 'good') throw new UnauthorizedError('the bearer token is invalid or expired');
    return ANALYST;
  });
  const route = httpRoute({ access: 'public', verifyToken }, async ({ viewer }) => json(200, { userId: viewer.userId ?? null, roles: viewer.roles }));
  const call = (headers: Record<string, string>) => route(httpEvent({ method: 'GET', path: '/public', headers }), context);

  beforeEach(() => {
    verifyToken.mockClear();
  });

  it('verifies a sent token and serves its holder as their entitlement allows', async () => {
    const res = await call({ authorization: 'Bearer good' });

    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toEqual({ userId: 'a-1', roles: ['analyst'] });
    expect(verifyToken).toHaveBeenCalledWith('good');
  });

  it('answers 401 to a bad or malformed token instead of serving the public view', async () => {
    const bad = await call({ authorization: 'Bearer forged' });
    const malformed = await call({ authorization: 'Token abc' });

    expect([bad.statusCode, malformed.statusCode]).toEqual([401, 401]);
    expect(bad.headers!['www-authenticate']).toBe('Bearer');
  });

  it('serves an anonymous caller without verifying anything', async () => {
    const res = await call({});

    expect(parseBody(res)).toEqual({ userId: null, roles: [] });
    expect(verifyToken).not.toHaveBeenCalled();
  });
});

describe('routes without a verifier', () => {
  it('take the claims of the JWT authorizer, whatever the Authorization header says', async () => {
    const route = httpRoute({ access: ['analyst'] }, async ({ viewer }) => json(200, { userId: viewer.userId }));

    const res = await route(
      httpEvent({ method: 'GET', path: '/staff', headers: { authorization: 'Token not-even-bearer' }, claims: ANALYST }),
      context,
    );

    expect(res.statusCode).toBe(200);
    expect(parseBody(res)).toEqual({ userId: 'a-1' });
  });

  it('route-not-found answers everyone alike: a token, even a malformed one, changes nothing', async () => {
    const event = (headers: Record<string, string>) => httpEvent({ method: 'GET', path: '/no-such-route', headers });

    const statuses = [
      (await notFound(event({}), context)).statusCode,
      (await notFound(event({ authorization: 'Bearer forged' }), context)).statusCode,
    ];

    expect(statuses).toEqual([404, 404]);
  });

  it('refuse to be built for restricted access with a verifier: those routes sit behind the authorizer', () => {
    expect(() => httpRoute({ access: 'member', verifyToken: async () => ({}) }, async () => json(200, {}))).toThrow(/JWT authorizer/);
  });
});
