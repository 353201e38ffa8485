/**
 * Spec: each function's role grants what its manifest entry declares and
 * nothing more; its environment names exactly the resources it was bound to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/commons/env.ts';
import { FUNCTIONS, type FunctionName, type FunctionSpec, STREAM_CONSUMER } from '../../functions/manifest.ts';
import { actionsOf, functionId, idsOfType, refId, type Synthesized, statementsOf, synthesize } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
});

const entries = Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][];
const withTable = (access: FunctionSpec['table']) => entries.filter(([, spec]) => spec.table === access).map(([name]) => [name]);

const WRITE = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWrite|PartiQL(Insert|Update|Delete)|\*)/;
const READ = ['dynamodb:GetItem', 'dynamodb:Query'];
const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

const tableId = () => idsOfType(synth.resources, 'AWS::DynamoDB::GlobalTable')[0]!;
const busId = () => idsOfType(synth.resources, 'AWS::Events::EventBus')[0]!;
const envOf = (name: FunctionName) =>
  synth.resources[functionId(synth.resources, name)]!['Properties']['Environment']['Variables'] as Record<string, unknown>;

describe('table access', () => {
  it.each(withTable('RO'))('%s (RO) can read and query the table but not write it', (name) => {
    // Act
    const actions = actionsOf(synth.resources, functionId(synth.resources, name));
    // Assess
    expect(actions).toEqual(expect.arrayContaining(READ));
    expect(actions.filter((a) => WRITE.test(a))).toEqual([]);
  });

  it.each(withTable('RW'))('%s (RW) can read and write the table', (name) => {
    // Act
    const actions = actionsOf(synth.resources, functionId(synth.resources, name));
    // Assess
    expect(actions).toEqual(expect.arrayContaining([...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
  });

  it.each(withTable('none'))('%s (none) has no table actions; a stream consumer only reads the stream', (name) => {
    // Prepare
    const fnId = functionId(synth.resources, name);
    const allowed = name === STREAM_CONSUMER ? STREAM_READ : [];
    // Act
    const dynamo = statementsOf(synth.resources, fnId).filter((s) => s.actions.some((a) => a.startsWith('dynamodb:')));
    // Assess
    expect(dynamo.flatMap((s) => s.actions).sort()).toEqual(allowed);
    for (const statement of dynamo) expect(statement.resource).toEqual({ 'Fn::GetAtt': [tableId(), 'StreamArn'] });
  });

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
    expect(env[ENV.tableName]).toEqual(spec.table === 'none' ? undefined : { Ref: tableId() });
    expect(env[ENV.eventBusName]).toEqual(spec.putsEvents ? { Ref: busId() } : undefined);
    expect(ENV.jwtIssuer in env).toBe(Boolean(spec.verifiesTokens));
    expect(ENV.jwtAudience in env).toBe(Boolean(spec.verifiesTokens));
    expect(env).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'signal-briefings', NODE_OPTIONS: '--enable-source-maps' });
  });
});
