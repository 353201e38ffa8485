/**
 * Spec: the table follows TABLE_SCHEMA, the user pool carries the groups of
 * domain/access.ts, prod keeps its state, and the stack publishes what clients need.
 */
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUP_DESCRIPTIONS, GROUP_NAMES, type GROUPS } from '#domain/access.ts';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';
import { Identity } from '#infra/constructs/identity.ts';
import { stageSettings } from '#infra/stage.ts';
import { STAGE_CONFIG } from '#infra/stage-config.ts';
import { idsOfType, refId, render, type Synthesized, synthesize } from './synth.ts';

let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synthesize({ stage: 'dev', bundle: false });
  prod = synthesize({ stage: 'prod', bundle: false });
});

const only = (synth: Synthesized, type: string) => {
  const [id, ...others] = idsOfType(synth.resources, type);
  expect(others, `more than one ${type}`).toEqual([]);
  return { id: id!, resource: synth.resources[id!]! };
};

describe('table', () => {
  it('has the keys and index of TABLE_SCHEMA, projecting only the listed attributes', () => {
    // Prepare
    const { gsi1 } = TABLE_SCHEMA;
    // Act
    const table = only(dev, 'AWS::DynamoDB::GlobalTable').resource['Properties'];
    // Assess
    expect(table['KeySchema']).toEqual([
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table['GlobalSecondaryIndexes']).toEqual([
      {
        IndexName: gsi1.indexName,
        KeySchema: [
          { AttributeName: gsi1.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi1.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...gsi1.projectedAttributes] },
      },
    ]);
  });

  it('is on-demand, point-in-time recoverable, expires items by TTL and streams new images', () => {
    // Act
    const table = only(dev, 'AWS::DynamoDB::GlobalTable').resource['Properties'];
    // Assess
    expect(table['BillingMode']).toBe('PAY_PER_REQUEST');
    expect(table['Replicas'][0]['PointInTimeRecoverySpecification']).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table['TimeToLiveSpecification']).toEqual({ AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true });
    expect(table['StreamSpecification']).toEqual({ StreamViewType: TABLE_SCHEMA.streamView });
  });
});

describe('user pool', () => {
  it('signs in by email and lets readers sign themselves up', () => {
    expect(only(dev, 'AWS::Cognito::UserPool').resource['Properties']).toMatchObject({
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
  });

  it('states its password policy and offers authenticator-app MFA without requiring it', () => {
    expect(only(dev, 'AWS::Cognito::UserPool').resource['Properties']).toMatchObject({
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('has exactly the groups of domain/access.ts', () => {
    // Act
    const groups = idsOfType(dev.resources, 'AWS::Cognito::UserPoolGroup').map((id) => dev.resources[id]!['Properties']);
    // Assess
    expect(groups.map((g) => g['GroupName']).sort()).toEqual([...GROUP_NAMES].sort());
    for (const group of groups) {
      expect(group['Description']).toBe(GROUP_DESCRIPTIONS[group['GroupName'] as keyof typeof GROUPS]);
    }
  });

  it('has an app client for password and SRP sign-in with 15-minute tokens and no secret', () => {
    // Act
    const client = only(dev, 'AWS::Cognito::UserPoolClient').resource['Properties'];
    // Assess
    expect(client['ExplicitAuthFlows']).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    expect(client).toMatchObject({
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
    });
    expect(client['GenerateSecret']).not.toBe(true);
  });
});

describe('user pool mail', () => {
  it("sends through SES in prod, from the stage's address and as its verified identity", () => {
    // Prepare
    const email = STAGE_CONFIG.prod.email;
    // Act
    const config = only(prod, 'AWS::Cognito::UserPool').resource['Properties']['EmailConfiguration'];
    // Assess
    expect(config['EmailSendingAccount']).toBe('DEVELOPER');
    expect(config['From']).toBe(`${email.fromName} <${email.fromAddress}>`);
    expect(render(config['SourceArn'])).toBe(`arn:\${AWS::Partition}:ses:${email.sesRegion}:\${AWS::AccountId}:identity/${email.sesVerifiedDomain}`);
  });

  it("uses Cognito's own sender in dev, and no SES identity", () => {
    // Act
    const config = only(dev, 'AWS::Cognito::UserPool').resource['Properties']['EmailConfiguration'];
    // Assess
    expect(config).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });

  it('refuses a from-address off the verified domain', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'MailCheck', {});
    // Act
    const build = () =>
      new Identity(stack, 'Identity', {
        removalPolicy: RemovalPolicy.DESTROY,
        deletionProtection: false,
        email: { ...STAGE_CONFIG.prod.email, fromAddress: 'no-reply@elsewhere.example' },
      });
    // Assess
    expect(build).toThrow(/different domain/);
  });
});

describe('stages', () => {
  it('retains the table and user pool in prod and protects them from deletion', () => {
    // Act
    const table = only(prod, 'AWS::DynamoDB::GlobalTable').resource;
    const pool = only(prod, 'AWS::Cognito::UserPool').resource;
    // Assess
    expect(table).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(table['Properties']['Replicas'][0]['DeletionProtectionEnabled']).toBe(true);
    expect(pool).toMatchObject({ DeletionPolicy: 'Retain', Properties: { DeletionProtection: 'ACTIVE' } });
  });

  it('removes the table, user pool and logs with a dev stack', () => {
    // Act
    const stateful = [
      only(dev, 'AWS::DynamoDB::GlobalTable').resource,
      only(dev, 'AWS::Cognito::UserPool').resource,
      ...idsOfType(dev.resources, 'AWS::Logs::LogGroup').map((id) => dev.resources[id]!),
    ];
    // Assess
    for (const resource of stateful) expect(resource['DeletionPolicy']).toBe('Delete');
    expect(only(dev, 'AWS::DynamoDB::GlobalTable').resource['Properties']['Replicas'][0]['DeletionProtectionEnabled']).toBe(false);
  });

  it("allows each stage's own CORS origins: prod its web origins, dev the local web client", () => {
    // Act
    const originsOf = (synth: Synthesized) => only(synth, 'AWS::ApiGatewayV2::Api').resource['Properties']['CorsConfiguration']['AllowOrigins'];
    // Assess
    expect(originsOf(prod)).toEqual([...STAGE_CONFIG.prod.corsOrigins]);
    expect(originsOf(dev)).toEqual([...STAGE_CONFIG.dev.corsOrigins]);
  });

  it('refuses a stage name that cannot be part of a stack name', () => {
    expect(() => stageSettings('Prod_1')).toThrow(/stage must be/);
    expect(() => stageSettings('')).toThrow(/stage must be/);
  });
});

describe('outputs', () => {
  it('publishes the API URL, user pool, client, bus and table for clients and scripts', () => {
    // Prepare
    const outputs = dev.template.toJSON()['Outputs'] as Record<string, { Value: unknown }>;
    // Act
    const pointsAt = (output: string) => refId(outputs[output]?.Value);
    // Assess
    expect(JSON.stringify(outputs['ApiUrl']?.Value)).toContain(only(dev, 'AWS::ApiGatewayV2::Api').id);
    expect(pointsAt('UserPoolId')).toBe(only(dev, 'AWS::Cognito::UserPool').id);
    expect(pointsAt('UserPoolClientId')).toBe(only(dev, 'AWS::Cognito::UserPoolClient').id);
    expect(pointsAt('EventBusName')).toBe(only(dev, 'AWS::Events::EventBus').id);
    expect(pointsAt('TableName')).toBe(only(dev, 'AWS::DynamoDB::GlobalTable').id);
  });
});
