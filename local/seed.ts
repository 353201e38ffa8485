/**
 * Seeds the demo data of demo-data.ts through the real API and pipeline, as
 * an analyst and an editor would: write the entity profiles (and have demo
 * members follow some), create the drafts, post their sources, let
 * scoring (and the auto-publish rule) run, publish the rest by hand. Nothing
 * is written to the table directly, so a seeded stack also proves the path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiClient, type ApiSchemas, apiClient, describeAnswer } from '#contracts/client.ts';
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
  const analyst = apiClient(stack.apiUrl, { token: await tokenOf(stack, 'analysts') });
  const editor = apiClient(stack.apiUrl, { token: await tokenOf(stack, 'editors') });
  const ids: Record<string, string> = {};

  // Entity profiles first (each relationship's target is listed before it), published by the editor (a profile
  // is public only once an editor publishes it or a published briefing names it), then the demo members follow
  // some of them, before any briefing is published, so Briefing Published leaves them alerts. The draft's entity
  // has no profile here: it stays unknown to readers.
  for (const { entityId, profile } of DEMO_ENTITIES) {
    const body = { ...profile, publish: true as const };
    await expecting(editor.PUT('/entities/{entityId}', { params: { path: { entityId } }, body }), [200], `PUT /entities/${entityId}`);
  }
  for (const [userKey, entityIds] of Object.entries(DEMO_WATCHLISTS)) {
    const member = apiClient(stack.apiUrl, { token: await tokenOfUser(stack, userKey) });
    for (const entityId of entityIds)
      await expecting(member.PUT('/me/watchlist/{entityId}', { params: { path: { entityId } } }), [200], `${userKey} follows ${entityId}`);
  }

  for (const demo of DEMO_BRIEFINGS) {
    const { relatedKeys, ...input } = demo.input;
    const { data } = await expecting(analyst.POST('/briefings', { body: input }), [201], `POST /briefings (${demo.key})`);
    ids[demo.key] = data!.briefingId;
  }
  const path = (key: string) => ({ params: { path: { briefingId: ids[key]! } } });
  /**
   * A PATCH as a client of If-Match sends it: read the ETag, write on it, and read again when the
   * pipeline changed the briefing in between (a 412: an edit is re-scored through Briefing Edited).
   */
  const patch = async (as: ApiClient, key: string, body: ApiSchemas['BriefingPatch'], what: string) => {
    for (let attempt = 1; ; attempt++) {
      const read = await expecting(as.GET('/briefings/{briefingId}', path(key)), [200], `GET ${key}`);
      const header = { 'if-match': read.response.headers.get('etag') ?? '' };
      const written = await expecting(as.PATCH('/briefings/{briefingId}', { params: { ...path(key).params, header }, body }), [200, 412], what);
      if (written.response.status === 200) return;
      if (attempt === 3) throw new SeedError(`${describeAnswer(what, written.response, written.error)} three times: the briefing kept changing`);
    }
  };
  for (const demo of DEMO_BRIEFINGS.filter((d) => d.input.relatedKeys.length > 0)) {
    const related = demo.input.relatedKeys.map((key) => ids[key]!);
    await patch(analyst, demo.key, { related }, `PATCH ${demo.key} (related)`);
  }
  // The analyst's auto-publish rules are proposals: the demo editor approves them (after the analyst's last edit, which would
  // send an approved rule back to proposed), once the edits above are re-scored.
  await stack.settled();
  for (const demo of DEMO_BRIEFINGS.filter((d) => d.input.autoPublish)) {
    await patch(editor, demo.key, { autoPublish: demo.input.autoPublish! }, `PATCH ${demo.key} (rule approved)`);
  }

  // One chain per briefing, in parallel; within a chain each source is scored before the next is sent,
  // so a briefing's score climbs through its grades as the demo data intends (and auto-publish fires on the way).
  await Promise.all(
    DEMO_BRIEFINGS.map(async (demo) => {
      for (const { expectDuplicate, ...source } of demo.sources) {
        const body = { ...source, briefingId: ids[demo.key]! };
        await expecting(analyst.POST('/sources', { body }), expectDuplicate ? [409] : [201], `POST /sources (${demo.key}, ${source.url})`);
        await stack.settled();
      }
    }),
  );
  await stack.settled();

  for (const demo of DEMO_BRIEFINGS.filter((d) => d.publish === 'editor')) {
    await expecting(editor.POST('/briefings/{briefingId}/publish', path(demo.key)), [200], `publish ${demo.key}`);
  }
  await stack.settled();

  for (const demo of DEMO_BRIEFINGS) {
    const { data: briefing } = await expecting(editor.GET('/briefings/{briefingId}', path(demo.key)), [200], `GET ${demo.key}`);
    const confidence = briefing!.sections.find((s) => s.name === 'confidence');
    const { score, grade } = (confidence && !confidence.locked ? confidence.content : {}) as { score?: number; grade?: string };
    const expected = demo.publish === 'draft' ? 'draft' : 'published';
    if (briefing!.status !== expected) {
      throw new SeedError(
        `${demo.key} is ${briefing!.status} after seeding, expected ${expected}` +
          (demo.publish === 'auto' ? ` (auto-publish at ${demo.input.autoPublish?.minGrade}; grade reached: ${grade})` : ''),
      );
    }
    log.info(`  ${demo.key.padEnd(22)} ${String(briefing!.status).padEnd(10)} score ${score} grade ${grade}  ${ids[demo.key]}`);
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

/** The call's answer when its status is one the seed expects; a SeedError naming the call and its answer otherwise. */
async function expecting<T extends { response: Response; error?: unknown }>(call: Promise<T>, expected: number[], what: string): Promise<T> {
  const answer = await call;
  if (!expected.includes(answer.response.status))
    throw new SeedError(`${describeAnswer(what, answer.response, answer.error)}, expected ${expected.join(' or ')}`);
  return answer;
}
