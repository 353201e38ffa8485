/**
 * The deploy guide (docs/deploy.md) is run by hand against a real account, so
 * what it sends must not go stale: its request bodies pass the API's own
 * schemas, and every route it calls is one the API has.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingInput } from '#domain/briefing.ts';
import { SourceInput } from '#domain/source.ts';
import { ROUTES } from '#functions/manifest.ts';

const guide = readFileSync('docs/deploy.md', 'utf8');
const smoke = (name: string) => JSON.parse(readFileSync(`docs/smoke/${name}`, 'utf8')) as Record<string, unknown>;

/** `curl … -X METHOD $API/path` calls in the guide, with shell variables as path parameters. */
function calls(): { method: string; path: string }[] {
  return [...guide.matchAll(/curl -s (?:-X (\w+) )?\$API(\/[^\s"]*)/g)].map((m) => ({ method: m[1] ?? 'GET', path: m[2]! }));
}

const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.replace(/\$\w+/g, 'x'));

describe('the deploy guide', () => {
  it('sends a briefing that POST /briefings accepts', () => {
    expect(BriefingInput.safeParse(smoke('briefing.json')).error).toBeUndefined();
  });

  it('sends a source that POST /sources accepts once the briefing id is filled in', () => {
    expect(SourceInput.safeParse({ ...smoke('source.json'), briefingId: 'b-1' }).error).toBeUndefined();
  });

  it('smoke-tests with the command npm test runs against the local stack (test/integration/smoke.test.ts)', () => {
    expect(guide).toContain('npm run smoke -- --api $API --client-id $CLIENT --username $EMAIL --password "$PASSWORD"');
  });

  it('calls only routes the API has (a typo would be a 404 in front of an operator)', () => {
    const found = calls();
    expect(found.length).toBeGreaterThanOrEqual(1);
    const unknown = found.filter(({ method, path }) => !ROUTES.some((r) => r.method === method && matches(r.path, path)));
    expect(unknown).toEqual([]);
  });
});
