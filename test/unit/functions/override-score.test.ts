/** PUT and DELETE /briefings/{briefingId}/score/override: analysts and editors, If-Match, a reason; announced as Briefing Edited. */
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore, setOverride } from '#domain/briefing.ts';
import { BriefingEdited } from '#events/index.ts';
import { handler as lift } from '#functions/briefings/lift-score-override.ts';
import { handler as override } from '#functions/briefings/override-score.ts';
import { primeEntitlements } from '#test/support/entitlements.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';
import { claimsFor, context, httpEvent, parseBody } from '#test/support/lambda.ts';
import { eventsPut, putAt, storeBriefing } from './stored-briefing.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const analyst = claimsFor('a-1', ['analysts']);
const editor = claimsFor('e-1', ['editors']);
const member = claimsFor('m-1', ['strategy-circle']);
const sources = [source('direct', 1), source('reporting', 2)];
const scored = rescore(draft(), sources, NOW).briefing;

const call = (method: 'PUT' | 'DELETE', body: unknown, headers: Record<string, string>, claims: Record<string, string>) =>
  (method === 'PUT' ? override : lift)(
    httpEvent({
      method,
      path: '/briefings/b-1/score/override',
      routeKey: `${method} /briefings/{briefingId}/score/override`,
      pathParameters: { briefingId: 'b-1' },
      ...(body === undefined ? {} : { body }),
      headers,
      claims,
    }),
    context,
  );
const ifMatch = (v: number) => ({ 'if-match': `"v${v}-staff"` });

beforeEach(() => primeEntitlements(ddb, [analyst, editor, member]));

describe('PUT /briefings/{briefingId}/score/override', () => {
  it('stores the override with a reason as a new version, its snapshot "assessed", and announces Briefing Edited (override): 202', async () => {
    storeBriefing(ddb, scored, sources);
    ddb.on(TransactWriteCommand).resolves({});
    const res = await call('PUT', { score: 0.97, reason: 'confirmed with the regulator' }, ifMatch(scored.version), editor);
    expect(res.statusCode).toBe(202);
    expect(parseBody(res)).toMatchObject({ briefingId: 'b-1', version: scored.version + 1, override: { score: 0.97, grade: 'A', by: 'e-1' } });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const [event] = eventsPut(items);
    expect(event).toMatchObject({ detailType: 'Briefing Edited', detail: { changes: ['override'], briefingVersion: scored.version + 1 } });
    expect(BriefingEdited.detail.safeParse(event!['detail']).success).toBe(true);
    expect(putAt(items, `V#${String(scored.version + 1).padStart(9, '0')}`)).toMatchObject({ Item: { action: 'assessed', by: 'e-1' } });
  });

  it('refuses without a reason (400, #/reason), without If-Match (428), and to readers (403)', async () => {
    storeBriefing(ddb, scored, sources);
    const noReason = await call('PUT', { score: 0.9 }, ifMatch(scored.version), analyst);
    expect(noReason.statusCode).toBe(400);
    expect(parseBody(noReason).errors.map((e: { pointer: string }) => e.pointer)).toContain('#/reason');
    expect((await call('PUT', { score: 0.9, reason: 'x' }, {}, analyst)).statusCode).toBe(428);
    expect((await call('PUT', { score: 0.9, reason: 'x' }, ifMatch(scored.version), member)).statusCode).toBe(403);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('DELETE /briefings/{briefingId}/score/override', () => {
  it('lifts a standing override (202, snapshot "unassessed")', async () => {
    const assessed = rescore(setOverride(scored, { score: 0.97, reason: 'x' }, { by: 'a-1', now: NOW, sources }), sources, NOW).briefing;
    storeBriefing(ddb, assessed, sources);
    ddb.on(TransactWriteCommand).resolves({});
    const res = await call('DELETE', undefined, ifMatch(assessed.version), analyst);
    expect(res.statusCode).toBe(202);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(eventsPut(items)[0]).toMatchObject({ detailType: 'Briefing Edited', detail: { changes: ['override'] } });
    expect(putAt(items, `V#${String(assessed.version + 1).padStart(9, '0')}`)).toMatchObject({ Item: { action: 'unassessed' } });
  });

  it('answers 404 when no override stands, and writes nothing', async () => {
    storeBriefing(ddb, scored, sources);
    expect((await call('DELETE', undefined, ifMatch(scored.version), analyst)).statusCode).toBe(404);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
