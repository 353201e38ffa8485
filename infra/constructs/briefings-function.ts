import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, type PolicyStatementProps, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ENV } from '#functions/commons/env.ts';
import { INDEX_PARTITIONS, PARTITIONS, type Partition } from '#functions/commons/table/keys.ts';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';
import type { TableUse } from '#functions/manifest.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The service name Powertools stamps on every log line and trace; the function name tells them apart. */
export const SERVICE_NAME = 'signal-briefings';

/**
 * Whether API functions bundle the Powertools tracer (functions/commons/http.ts reads this name, and
 * esbuild replaces it with a constant, so when off the tracer is not in the bundle at all).
 */
export const apiTracingDefine = (on: boolean) => ({ 'process.env.API_TRACING': JSON.stringify(on ? 'on' : 'off') });

/** How every function is bundled; exported so that `npm run bench` bundles exactly the same way. */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require(); an ESM bundle has none unless we make one.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings, not the sources; leaving them out keeps the bundle small.
  sourcesContent: false,
  // Bundle the SDK in: one file to load is a faster cold start than the runtime's SDK, and the version is ours.
  externalModules: [],
  forceDockerBundling: false,
  // Warnings and errors only: the per-bundle size report is noise in every synth and test run.
  logLevel: LogLevel.WARNING,
  // Off by default: the tracer's X-Ray SDK is ~120 KB, and an API function's cold-start budget is 1.3× the floor.
  define: apiTracingDefine(false),
  // The feed generator imports all of xml-js and calls only its writer: the rest (a parser and sax) stays out.
  esbuildArgs: { '--alias': 'xml-js=./functions/briefings/xml-writer.ts' },
};

/** How long a caller can wait: a person on HTTP, or a bus event / stream batch. */
export type FunctionKind = 'api' | 'consumer';

const TIMEOUTS: Record<FunctionKind, Duration> = {
  api: Duration.seconds(10),
  consumer: Duration.seconds(30),
};

/** Props of {@link BriefingsFunction}: only what differs between functions. */
export interface BriefingsFunctionProps {
  /** Handler module from the project root (the manifest's `entry`); it exports `handler`. */
  entry: string;
  description: string;
  kind: FunctionKind;
  /** Of the function's log group; DESTROY in throwaway stages so logs do not outlive them. */
  removalPolicy?: RemovalPolicy;
  /** How long its logs are kept (the stage's `logRetentionDays`). Default a month. */
  logRetention?: RetentionDays;
  /** Reserved concurrency: caps (and guarantees) how many instances run at once. Unset: the account's shared pool. */
  reservedConcurrency?: number;
  /** Bundle the Powertools tracer into an API function too (bus consumers always have it). Default false. */
  apiTracing?: boolean;
}

/** What {@link BriefingsFunction.bindTable} grants: exactly the function's declared use of the table (functions/manifest.ts). */
export interface TableBinding {
  table: ITableV2;
  use: TableUse;
}

/** Issuer and audience a function checks optional bearer tokens against itself. */
export interface TokenTrust {
  issuer: string;
  audience: string;
}

/**
 * A Lambda function with this project's defaults: Node 22 on arm64, X-Ray tracing,
 * its own log group with a retention, 256 MB, and a minified ESM bundle that
 * carries the AWS SDK. Its role starts empty but for writing to that log group
 * (no managed policy); resources are attached with the `bind*` methods, each of
 * which grants only what that use needs.
 */
export class BriefingsFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: BriefingsFunctionProps) {
    // The log group is explicit so its retention and removal are ours, not Lambda's implicit never-expiring group.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs:CreateLogGroup and writes to every log group): its own group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // 256 MB: Lambda scales CPU with memory, and 128 MB roughly doubles the cold start
      // of a ~0.5 MB bundle (SDK + zod) for little saving on invocations this short.
      memorySize: 256,
      timeout: TIMEOUTS[props.kind],
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: props.apiTracing ? { ...BUNDLING, define: { ...BUNDLING.define, ...apiTracingDefine(true) } } : BUNDLING,
    });
    // Lambda checks the role's permissions when the function is created, so the function waits for the role's
    // policy. CDK also lists the role itself, which `Role: !GetAtt` already orders (cfn-lint W3005): the policy only.
    const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild as CfnResource | undefined;
    if (policy) (this.node.defaultChild as CfnResource).addOverride('DependsOn', [Stack.of(this).getLogicalId(policy)]);
    // The policy hangs off the role, which is a sibling of the function, so the acknowledgement goes on the role.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The only statement on "*" is X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords), which has no ' +
        'resource-level permissions; test/infra/permissions.test.ts fails if any other action is granted on "*".',
    });
    for (const id of ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']) {
      Validations.of(this).acknowledge({
        id,
        reason:
          'Pinned to nodejs22.x on purpose: the handlers, bundling target and local stack are built and tested on Node 20-22, ' +
          'and nodejs22.x is an LTS runtime patched by Lambda until 2027-04-30. nodejs24.x is an upgrade to test, not a lint fix.',
      });
    }
  }

  /**
   * Gives the function the table's name and the item actions its manifest entry
   * declares, each only on the partitions it names (`dynamodb:LeadingKeys`, by
   * key prefix): one statement per set of actions. Queries of the index are
   * granted on that index only, for the index partitions named. No table
   * management, no stream reads, no `index/*`, and a Scan only if declared.
   */
  bindTable({ table, use }: TableBinding): void {
    this.addEnvironment(ENV.tableName, table.tableName);
    for (const statement of tableStatements(use, table.tableArn, `${table.tableArn}/index/${TABLE_SCHEMA.gsi1.indexName}`)) {
      this.addToRolePolicy(new PolicyStatement(statement));
    }
  }

  /** Gives the function the bus name and `events:PutEvents` on that bus only. */
  bindBus(bus: IEventBus): void {
    this.addEnvironment(ENV.eventBusName, bus.eventBusName);
    bus.grantPutEventsTo(this);
  }

  /**
   * Gives the function the key it signs feed cursors with, as a dynamic
   * reference CloudFormation resolves at deploy: the handler makes no Secrets
   * Manager call on a cold start and its role needs no permission on the secret.
   * The price: the value is readable in the function's configuration by anyone
   * allowed lambda:GetFunctionConfiguration, and a new key needs a deploy.
   */
  signCursorsWith(secret: ISecret): void {
    this.addEnvironment(ENV.cursorSigningKey, secret.secretValue.unsafeUnwrap());
  }

  /** For handlers that verify optional tokens themselves (routes without an authorizer). */
  trustTokens({ issuer, audience }: TokenTrust): void {
    this.addEnvironment(ENV.jwtIssuer, issuer);
    this.addEnvironment(ENV.jwtAudience, audience);
  }
}

/** IAM statements for a table use (the table and index ARNs given): what {@link BriefingsFunction.bindTable} attaches. */
export function tableStatements(use: TableUse, tableArn: string, indexArn: string): PolicyStatementProps[] {
  const byActions = new Map<string, string[]>();
  for (const partition of Object.keys(PARTITIONS) as Partition[]) {
    const actions = use[partition];
    if (!actions?.length) continue;
    const key = [...new Set(actions)].sort().join(',');
    byActions.set(key, [...(byActions.get(key) ?? []), `${PARTITIONS[partition]}*`]);
  }
  const leadingKeys = (prefixes: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes } });
  const statements: PolicyStatementProps[] = [...byActions].map(([actions, prefixes]) => ({
    actions: actions.split(',').map((action) => `dynamodb:${action}`),
    resources: [tableArn],
    conditions: leadingKeys(prefixes),
  }));
  // On a query of an index, IAM compares the index's partition key; ForAllValues holds if a key is not compared at all.
  if (use.index?.length) {
    statements.push({ actions: ['dynamodb:Query'], resources: [indexArn], conditions: leadingKeys(use.index.map((p) => `${INDEX_PARTITIONS[p]}*`)) });
  }
  // A Scan names no key; rescore-briefings reads every item once after a model change.
  if (use.scan) statements.push({ actions: ['dynamodb:Scan'], resources: [tableArn] });
  return statements;
}
