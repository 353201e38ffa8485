/**
 * Seeds the demo data of demo-data.ts through the real API and pipeline, as
 * an analyst and an editor would: write the entity profiles (and have demo
 * members follow some), create the drafts, post their sources, let
 * scoring (and the auto-publish rule) run, publish the rest by hand. Nothing
 * is written to the table directly, so a seeded stack also proves the path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_BRIEFINGS, DEMO_ENTITIES, DEMO_PASSWORD, DEMO_USERS, DEMO_WATCHLISTS } from './demo-data.ts';
import type { Tokens } from './identity.ts';
import type { Log } from './log.ts';

/** `<dataDir>/seed.json`: demo key → briefingId. Its presence means "already seeded". */
export function seedFile(dataDir: string): string {
  return join(dataDir, 'seed.json');
}

/** Thrown when the API does not answer as the seed expects; says which call and what came back. */
export class SeedError extends Error {
  override name = 'SeedError';
}

/** What seeding needs of the running stack (local/stack.ts): its API, its data directory, sign-in, and a wait for the pipeline. */
interface SeedStack {
  apiUrl: string;
  dataDir: string;
  signIn(email: string, password: string): Promise<Tokens>;
  settled(timeoutMs?: number): Promise<void>;
}

/**
 * Runs the whole seed and writes seed.json. Briefings link to each other
 * ("see also"), so all are created first and then linked with a conditional
 * PATCH (If-Match: the ETag an analyst reads), as a client would.
 */
export async function seedDemoData(stack: SeedStack, log: Log): Promise<Record<string, string>> {
  const analyst = await tokenOf(stack, 'analysts');
  const editor = await tokenOf(stack, 'editors');
  const ids: Record<string, string> = {};

  // Entity profiles first (each relationship's target is listed before it), published by the editor (a profile
  // is public only once an editor publishes it or a published briefing names it), then the demo members follow
  // some of them, before any briefing is published, so Briefing Published leaves them alerts. The draft's entity
  // has no profile here: it stays unknown to readers.
  for (const entity of DEMO_ENTITIES) {
    const body = { ...entity.profile, publish: true };
    await call(stack, 'PUT', `/entities/${entity.entityId}`, { token: editor, body }, [200], `entity ${entity.entityId}`);
  }
  for (const [userKey, entityIds] of Object.entries(DEMO_WATCHLISTS)) {
    const member = await tokenOfUser(stack, userKey);
    for (const entityId of entityIds)
      await call(stack, 'PUT', `/me/watchlist/${entityId}`, { token: member }, [200], `${userKey} follows ${entityId}`);
  }

  for (const demo of DEMO_BRIEFINGS) {
    const { relatedKeys, ...input } = demo.input;
    const created = await call(stack, 'POST', '/briefings', { token: analyst, body: input }, [201], demo.key);
    const briefingId = (created.json as { briefingId?: unknown } | undefined)?.briefingId;
    if (typeof briefingId !== 'string')
      throw new SeedError(`POST /briefings (${demo.key}) answered 201 without a briefingId: ${created.text.slice(0, 300)}`);
    ids[demo.key] = briefingId;
  }
  for (const demo of DEMO_BRIEFINGS.filter((d) => d.input.relatedKeys.length > 0)) {
    const path = `/briefings/${ids[demo.key]}`;
    const read = await call(stack, 'GET', path, { token: analyst }, [200], demo.key);
    const related = demo.input.relatedKeys.map((key) => ids[key]);
    const headers = { 'if-match': read.etag ?? '' };
    await call(stack, 'PATCH', path, { token: analyst, body: { related }, headers }, [200], `${demo.key}, related`);
  }
  // The analyst's auto-publish rules are proposals: the demo editor approves them (after the analyst's last edit, which would
  // send an approved rule back to proposed).
  for (const demo of DEMO_BRIEFINGS.filter((d) => d.input.autoPublish)) {
    const path = `/briefings/${ids[demo.key]}`;
    const read = await call(stack, 'GET', path, { token: editor }, [200], demo.key);
    const body = { autoPublish: demo.input.autoPublish };
    await call(stack, 'PATCH', path, { token: editor, body, headers: { 'if-match': read.etag ?? '' } }, [200], `${demo.key}, rule approved`);
  }

  // One chain per briefing, in parallel; within a chain each source is scored before the next is sent,
  // so a briefing's score climbs through its grades as the demo data intends (and auto-publish fires on the way).
  await Promise.all(
    DEMO_BRIEFINGS.map(async (demo) => {
      for (const { expectDuplicate, ...source } of demo.sources) {
        const body = { ...source, briefingId: ids[demo.key] };
        await call(stack, 'POST', '/sources', { token: analyst, body }, expectDuplicate ? [409] : [201], `${demo.key}, ${source.url}`);
        await stack.settled();
      }
    }),
  );
  await stack.settled();

  for (const demo of DEMO_BRIEFINGS.filter((d) => d.publish === 'editor')) {
    await call(stack, 'POST', `/briefings/${ids[demo.key]}/publish`, { token: editor }, [200], demo.key);
  }
  await stack.settled();

  for (const demo of DEMO_BRIEFINGS) {
    const view = await call(stack, 'GET', `/briefings/${ids[demo.key]}`, { token: editor }, [200], demo.key);
    const briefing = view.json as { status?: string; sections?: Array<{ name: string; content?: { score?: number; grade?: string } }> };
    const confidence = briefing.sections?.find((s) => s.name === 'confidence')?.content;
    const expected = demo.publish === 'draft' ? 'draft' : 'published';
    if (briefing.status !== expected) {
      throw new SeedError(
        `${demo.key} is ${briefing.status} after seeding, expected ${expected}` +
          (demo.publish === 'auto' ? ` (auto-publish at ${demo.input.autoPublish?.minGrade}; grade reached: ${confidence?.grade})` : ''),
      );
    }
    log.info(
      `  ${demo.key.padEnd(22)} ${String(briefing.status).padEnd(10)} score ${confidence?.score} grade ${confidence?.grade}  ${ids[demo.key]}`,
    );
  }

  writeFileSync(seedFile(stack.dataDir), `${JSON.stringify(ids, null, 2)}\n`);
  return ids;
}

async function tokenOf(stack: SeedStack, group: string): Promise<string> {
  const user = DEMO_USERS.find((u) => (u.groups as readonly string[]).includes(group));
  if (!user) throw new SeedError(`demo-data.ts has no user in the ${group} group`);
  return (await stack.signIn(user.email, DEMO_PASSWORD)).accessToken;
}

async function tokenOfUser(stack: SeedStack, key: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new SeedError(`demo-data.ts has no user ${key}`);
  return (await stack.signIn(user.email, DEMO_PASSWORD)).accessToken;
}

async function call(
  stack: SeedStack,
  method: string,
  path: string,
  opts: { token: string; body?: unknown; headers?: Record<string, string> },
  expected: number[],
  what: string,
): Promise<{ status: number; text: string; json: unknown; etag: string | null }> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${opts.token}`,
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new SeedError(
      `${method} ${path} (${what}) answered ${response.status}, expected ${expected.join(' or ')}: ${text.slice(0, 500) || '(empty body)'}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, etag: response.headers.get('etag') };
}
