import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ENV } from '../../functions/manifest.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The service name Powertools stamps on every log line and trace; the function name tells them apart. */
const SERVICE_NAME = 'signal-briefings';

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
}

/** What {@link BriefingsFunction.bindTable} grants: read-only or read-write data access. */
export interface TableBinding {
  table: ITableV2;
  access: 'RO' | 'RW';
}

/** Issuer and audience a function checks optional bearer tokens against itself. */
export interface TokenTrust {
  issuer: string;
  audience: string;
}

/**
 * A Lambda function with this project's defaults: Node 22 on arm64, X-Ray tracing,
 * its own log group with a retention, 256 MB, and a minified ESM bundle that
 * carries the AWS SDK. Resources are attached with the `bind*` methods, each of
 * which grants only what that use needs.
 */
export class BriefingsFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: BriefingsFunctionProps) {
    // The log group is explicit so its retention and removal are ours, not Lambda's implicit never-expiring group.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
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
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
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
      },
    });
  }

  /** Gives the function the table's name and least-privilege data access (RO: reads and queries only). */
  bindTable({ table, access }: TableBinding): void {
    this.addEnvironment(ENV.tableName, table.tableName);
    if (access === 'RO') table.grantReadData(this);
    else table.grantReadWriteData(this);
  }

  /** Gives the function the bus name and `events:PutEvents` on that bus only. */
  bindBus(bus: IEventBus): void {
    this.addEnvironment(ENV.eventBusName, bus.eventBusName);
    bus.grantPutEventsTo(this);
  }

  /** For handlers that verify optional tokens themselves (routes without an authorizer). */
  trustTokens({ issuer, audience }: TokenTrust): void {
    this.addEnvironment(ENV.jwtIssuer, issuer);
    this.addEnvironment(ENV.jwtAudience, audience);
  }
}
