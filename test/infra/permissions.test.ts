/**
 * Spec: each function's role grants what its manifest entry declares and
 * nothing more; its environment names exactly the resources it was bound to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '#functions/commons/env.ts';
import { INDEX_PARTITIONS, PARTITIONS } from '#functions/commons/table/keys.ts';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';
import { EMAIL, FUNCTIONS, type FunctionName, type FunctionSpec, STREAM_CONSUMER } from '#functions/manifest.ts';
import { actionsOf, functionId, idsOfType, refId, type Synthesized, statementsOf, synthesize } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
});

const entries = Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][];
const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
/** The consumers of the table stream: the relay, and the email capability's consumer of new alerts. */
const STREAM_READERS: FunctionName[] = [STREAM_CONSUMER, EMAIL.newAlertStreamConsumer];
const WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'];

const tableId = () => idsOfType(synth.resources, 'AWS::DynamoDB::GlobalTable')[0]!;
const busId = () => idsOfType(synth.resources, 'AWS::Events::EventBus')[0]!;
const envOf = (name: FunctionName) =>
  synth.resources[functionId(synth.resources, name)]!['Properties']['Environment']['Variables'] as Record<string, unknown>;
const tableArn = () => ({ 'Fn::GetAtt': [tableId(), 'Arn'] });
const indexArn = () => ({ 'Fn::Join': ['', [tableArn(), `/index/${TABLE_SCHEMA.gsi1.indexName}`]] });
const byPrefix = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([name, prefix]) => [`${prefix}*`, name]));

/** A function's table grants read back from the template, in the manifest's terms (partitions, index partitions, scan). */
function grantedUse(name: FunctionName): Record<string, string[] | true> {
  const partitions = byPrefix(PARTITIONS);
  const indexPartitions = byPrefix(INDEX_PARTITIONS);
  const use: Record<string, string[] | true> = {};
  for (const s of statementsOf(synth.resources, functionId(synth.resources, name))) {
    const actions = s.actions.filter((a) => a.startsWith('dynamodb:')).map((a) => a.slice('dynamodb:'.length));
    if (actions.length === 0 || (STREAM_READERS.includes(name) && actions.every((a) => STREAM_READ.includes(`dynamodb:${a}`)))) continue;
    const keys = [s.condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? []].flat() as string[];
    if (JSON.stringify(s.resource) === JSON.stringify(indexArn())) {
      expect(actions, name).toEqual(['Query']);
      use['index'] = [...((use['index'] as string[]) ?? []), ...keys.map((k) => indexPartitions[k]!)];
      continue;
    }
    expect(s.resource, name).toEqual(tableArn());
    if (actions.includes('Scan')) {
      expect([actions, s.condition], name).toEqual([['Scan'], undefined]);
      use['scan'] = true;
      continue;
    }
    // Every item grant names its partitions: none is on the whole table.
    expect(keys.length, `${name}: ${actions.join(', ')} without dynamodb:LeadingKeys`).toBeGreaterThan(0);
    for (const key of keys) use[partitions[key]!] = [...((use[partitions[key]!] as string[]) ?? []), ...actions];
  }
  return use;
}

/** The manifest's declaration, in the same order-free form. */
const declaredUse = (spec: FunctionSpec): Record<string, unknown> =>
  Object.fromEntries(Object.entries(spec.table ?? {}).map(([k, v]) => [k, v === true ? true : [...new Set(v as string[])].sort()]));

describe('table access', () => {
  it.each(entries.map(([name]) => [name]))("%s's role may do to the table exactly what its manifest entry declares", (name) => {
    // Act
    const granted = grantedUse(name);
    // Assess
    expect(Object.fromEntries(Object.entries(granted).map(([k, v]) => [k, v === true ? v : [...new Set(v)].sort()]))).toEqual(
      declaredUse(FUNCTIONS[name]),
    );
  });

  it('lets only the entitlement functions write to the users partition (entitlement records)', () => {
    // Act
    const writers = entries.filter(([name]) => ((grantedUse(name)['user'] as string[] | undefined) ?? []).some((a) => WRITES.includes(a)));
    // Assess: the access-request steps move the member's entitlement record and history with the request
    // (request-access, member-facing: IAM cannot narrow USER# to the caller's own id, the code writes only the caller's).
    expect(writers.map(([name]) => name).sort()).toEqual([
      'confirm-sign-up',
      'decide-access-request',
      'grant-entitlement',
      'request-access',
      'revoke-entitlement',
    ]);
  });

  it('lets a member-facing watchlist function touch only the member partition, entity profiles and the caller entitlement', () => {
    for (const name of ['follow-entity', 'unfollow-entity', 'get-watchlist'] as const) {
      // Act
      const use = grantedUse(name);
      // Assess
      expect(use['user'], name).toEqual(['GetItem']);
      expect(
        Object.keys(use).filter((p) => !['user', 'member', 'entity'].includes(p)),
        name,
      ).toEqual([]);
      expect((use['entity'] as string[] | undefined) ?? [], name).not.toEqual(expect.arrayContaining(WRITES.slice(0, 1)));
    }
  });

  it('grants a Scan to rescore-briefings only', () => {
    expect(entries.filter(([name]) => grantedUse(name)['scan']).map(([name]) => name)).toEqual(['rescore-briefings']);
  });

  it.each(entries.filter(([, spec]) => !spec.table).map(([name]) => [name]))(
    '%s (no table use) has no table actions; a stream consumer only reads the stream',
    (name) => {
      // Prepare
      const fnId = functionId(synth.resources, name);
      const allowed = STREAM_READERS.includes(name) ? STREAM_READ : [];
      // Act
      const dynamo = statementsOf(synth.resources, fnId).filter((s) => s.actions.some((a) => a.startsWith('dynamodb:')));
      // Assess
      expect(dynamo.flatMap((s) => s.actions).sort()).toEqual(allowed);
      for (const statement of dynamo) expect(statement.resource).toEqual({ 'Fn::GetAtt': [tableId(), 'StreamArn'] });
    },
  );

  it('scopes every table grant to the table and its indexes', () => {
    for (const [name] of entries) {
      // Act
      const grants = statementsOf(synth.resources, functionId(synth.resources, name)).filter((s) => s.actions.some((a) => a.startsWith('dynamodb:')));
      // Assess
      for (const { resource } of grants) expect(JSON.stringify(resource), name).toContain(`"${tableId()}"`);
    }
  });
});

describe('event publishing', () => {
  it.each(entries.map(([name, spec]) => [name, Boolean(spec.putsEvents)] as const))('%s may put events on the bus: %s', (name, putsEvents) => {
    // Act
    const puts = statementsOf(synth.resources, functionId(synth.resources, name)).filter((s) => s.actions.includes('events:PutEvents'));
    // Assess
    expect(puts.map((s) => refId(s.resource))).toEqual(putsEvents ? [busId()] : []);
  });
});

describe('least privilege overall', () => {
  const XRAY = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

  it('grants no wildcard actions, attaches no managed policy, and lets a function write only its own log group', () => {
    for (const [name] of entries) {
      // Prepare
      const fnId = functionId(synth.resources, name);
      const fn = synth.resources[fnId]!['Properties'];
      const roleId = fn['Role']['Fn::GetAtt'][0] as string;
      // Act
      const actions = actionsOf(synth.resources, fnId);
      const logs = statementsOf(synth.resources, fnId).filter((s) => s.actions.some((a) => a.startsWith('logs:')));
      // Assess
      expect(
        actions.filter((a) => a.includes('*')),
        name,
      ).toEqual([]);
      expect(synth.resources[roleId]!['Properties']['ManagedPolicyArns'] ?? [], name).toEqual([]);
      expect(logs.flatMap((s) => s.actions).sort(), name).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      for (const { resource } of logs) expect(resource, name).toEqual({ 'Fn::GetAtt': [refId(fn['LoggingConfig']['LogGroup']), 'Arn'] });
    }
  });

  it('grants nothing on "*" but X-Ray tracing, which has no resource-level permissions (the acknowledged IAM5 finding)', () => {
    for (const [name] of entries) {
      // Act
      const onEverything = statementsOf(synth.resources, functionId(synth.resources, name)).filter((s) => [s.resource].flat().includes('*'));
      // Assess
      expect(onEverything.flatMap((s) => s.actions).sort(), name).toEqual(XRAY);
    }
  });

  it('names the table index a function may query instead of granting index/*', () => {
    for (const [name] of entries) {
      const grants = JSON.stringify(statementsOf(synth.resources, functionId(synth.resources, name)).map((s) => s.resource));
      expect(grants, name).not.toContain('/index/*');
    }
  });
});

describe('environment', () => {
  it.each(entries.map(([name]) => [name]))('%s is told exactly the resources it is bound to', (name) => {
    // Prepare
    const spec: FunctionSpec = FUNCTIONS[name];
    // Act
    const env = envOf(name);
    // Assess
    expect(env[ENV.tableName]).toEqual(spec.table ? { Ref: tableId() } : undefined);
    // Making partners' rules needs the bus too (functions/webhooks/destinations.ts).
    expect(env[ENV.eventBusName]).toEqual(spec.putsEvents || spec.managesWebhookDestinations ? { Ref: busId() } : undefined);
    expect(ENV.jwtIssuer in env).toBe(Boolean(spec.verifiesTokens));
    expect(ENV.jwtAudience in env).toBe(Boolean(spec.verifiesTokens));
    expect(env).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'signal-briefings', NODE_OPTIONS: '--enable-source-maps' });
  });
});
