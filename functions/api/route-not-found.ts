/** Every request no route matches: 405 (with Allow) on a known path, 404 otherwise. */
import { httpRoute } from '#functions/commons/http.ts';
import { problem } from '#functions/commons/problem.ts';
import { ROUTES } from '#functions/manifest.ts';

const template = (path: string) => new RegExp(`^${path.replace(/\{[^/}]+\}/g, '[^/]+')}/?$`);
const KNOWN = ROUTES.map((r) => ({ ...r, re: template(r.path) }));

export const handler = httpRoute({ access: 'public', viewer: 'ignored' }, async ({ event }) => {
  const { method, path } = event.requestContext.http;
  const allowed = KNOWN.filter((r) => r.re.test(path)).map((r) => r.method);
  if (allowed.length > 0) {
    return problem(405, `${method} is not allowed on ${path}`, {}, { allow: [...new Set(allowed)].join(', ') });
  }
  return problem(404, `no route for ${method} ${path}`);
});
