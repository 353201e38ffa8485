/**
 * The whole system on one machine, with real engines and unchanged handlers:
 * DynamoDB Local and cognito-local as child processes, the local event bus,
 * the stream relay and the HTTP API in this process, all wired from the
 * shared definitions in functions/manifest.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { provisionedEntitlement, renewedSeedGrant } from '#domain/entitlement.ts';
import { EMAIL_ENV, ENV, WEBHOOK_ENV } from '#functions/commons/env.ts';
import { NEW_ALERT_STREAM_FILTER, RELAY_STREAM_FILTERS } from '#functions/commons/table/schema.ts';
import { EMAIL, FALLBACK_FUNCTION, FUNCTIONS, type FunctionName, ROUTES, SCHEDULES, STREAM_CONSUMER, SUBSCRIPTIONS } from '#functions/manifest.ts';
import { MAX_RECEIVE_COUNT, PLAN_MAX_CONCURRENCY, SEND_BATCH_SIZE, SEND_MAX_CONCURRENCY } from '#infra/email-settings.ts';
import { RESERVED_CONCURRENCY } from '#infra/reserved-concurrency.ts';
import { STAGE_CONFIG } from '#infra/stage-config.ts';
import { apiDocsPages } from '#tools/api-docs.ts';
import { LocalCognitoFront } from './cognito-front.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import {
  assertJavaAvailable,
  type Engine,
  isPortFree,
  LOCAL_AWS,
  startCognitoLocal,
  startDynamoDbLocal,
  startOnAFreePort,
  startSesLocal,
} from './engines.ts';
import { LocalEventBus, type RetryPolicy } from './event-bus.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { LocalHttpApi } from './http-api.ts';
import { cognitoClient, ensureUser, ensureUserPool, signIn, type Tokens, writeCognitoLocalConfig } from './identity.ts';
import { LocalLambdaEndpoint } from './lambda-endpoint.ts';
import { type InvocationStats, loadFunctions } from './lambda-runtime.ts';
import { type LocalDetails, type LocalUser, readLocalDetails, writeLocalDetails } from './local-file.ts';
import { type IamMode, LocalIam } from './local-iam.ts';
import { createLog } from './log.ts';
import { LOCAL_QUEUES } from './queue-names.ts';
import { LocalQueues } from './queues.ts';
import { localRoleArn, synthesizeRoles } from './role-policies.ts';
import { seedDemoData, seedFile } from './seed.ts';
import { StreamRelay } from './stream-relay.ts';
import { ensureTable } from './table.ts';

export interface LocalStackOptions {
  /** Where the engines keep their data, plus local.json, seed.json, the checkpoint and dead letters. */
  dataDir: string;
  /** 0 (the default) picks a free port, for each of these. */
  apiPort?: number;
  dynamoPort?: number;
  cognitoPort?: number;
  busPort?: number;
  /** aws-ses-v2-local's port (its web page shows the emails sent). */
  sesPort?: number;
  /** Seed the demo data through the API on first start (when `<dataDir>/seed.json` is absent). */
  seed?: boolean;
  /** Create the demo users (default true; seeding needs them). */
  demoUsers?: boolean;
  /** No per-request or progress lines; warnings and errors still print. */
  quiet?: boolean;
  /** Bus delivery attempts per target (default 3, as Lambda's async invoke with 2 retries; 100 ms doubling instead of minutes). */
  busRetry?: Partial<RetryPolicy>;
  /** Stream relay attempts before dead-lettering (default 6, the mapping's first try and 5 retries; 200 ms doubling). */
  streamRetry?: Partial<RetryPolicy>;
  /** The feed's first month (`FEED_START_MONTH`, `yyyy-mm`); the default of domain/feed.ts when absent. */
  feedStartMonth?: string;
  /**
   * How handlers' SDK calls are checked against their roles (local/local-iam.ts): `enforce` (the
   * default; `LOCAL_IAM=audit` in the environment) denies what IAM would deny, `audit` only warns.
   */
  iam?: IamMode;
}

/** A running local stack. */
export interface LocalStack extends Omit<LocalDetails, 'pid' | 'startedAt'> {
  dataDir: string;
  /** The local EventBridge: `received` and `waitFor()` observe every event and its deliveries. */
  bus: LocalEventBus;
  relay: StreamRelay;
  /** The table stream's new alerts → queue-instant-emails (NEW_ALERT_STREAM_FILTER), as the deployed mapping. */
  alertRelay: StreamRelay;
  /** The email queues (plan, send) and their consumers. */
  queues: LocalQueues;
  /** Starts a daily digest run now, as the schedule does at DIGEST_HOUR_UTC (`day`: the digest's day, default today, UTC). */
  startDigest(input?: { day?: string }): void;
  api: LocalHttpApi;
  /** Per function: invocations, errors and summed duration since start (the bench's breakdown reads them). */
  invocations: Partial<Record<FunctionName, InvocationStats>>;
  /** Calls `listener` after every invocation with its duration (ms, a wait for a free instance not included); returns a function that stops it. */
  observeInvocations(listener: (fn: FunctionName, ms: number) => void): () => void;
  /** Admin access to the local user pool (create users, groups), through `cognitoFront`. */
  cognito: CognitoIdentityProviderClient;
  /** The Cognito endpoint handlers use: cognito-local plus AdminUserGlobalSignOut (`globalSignOuts` records them). */
  cognitoFront: LocalCognitoFront;
  /** The Lambda Invoke endpoint cognito-local calls the user pool triggers through (`invocations` records them). */
  lambda: LocalLambdaEndpoint;
  /** Evaluates each handler's SDK calls against its function's synthesized role. */
  iam: LocalIam;
  /** Signs a user in with USER_PASSWORD_AUTH. */
  signIn(email: string, password: string): Promise<Tokens>;
  /**
   * Creates (or updates) a confirmed user with a permanent password in the given groups,
   * and gives it the entitlement record those groups stand for if it has none (as an admin
   * would; Leadership Alliance for a year). Returns the user's `sub`.
   */
  ensureUser(user: { email: string; password: string; groups: readonly string[] }): Promise<{ sub: string }>;
  /**
   * Resolves once the asynchronous pipeline is quiet: no bus delivery in
   * flight and a full stream poll found nothing new.
   */
  settled(timeoutMs?: number): Promise<void>;
  /**
   * Runs the reconciler now, as its timer does every 5 minutes (functions/pipeline/reconcile.ts); `olderThanSeconds`
   * shortens its wait (default 300 s). Resolves with its report.
   */
  reconcile(input?: { olderThanSeconds?: number }): Promise<unknown>;
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const REGION = LOCAL_AWS.region;
/** The account id of local ARNs (the Lambda context's too). */
const LOCAL_ACCOUNT = '000000000000';
const TABLE_NAME = 'signal-briefings';
const BUS_NAME = 'signal-briefings';

export { LOCAL_QUEUES };

/** Leadership Alliance of demo and test users ends a year after they are provisioned. */
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

let active = false;

/**
 * Starts the local stack. Handlers run in this process and read their
 * configuration from process.env, so only one stack may run per process.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  if (active) throw new Error('a local stack is already running in this process (handlers share process.env); stop it first');
  assertJavaAvailable(); // before anything starts, so a missing JVM costs nothing to report
  active = true;
  // `log` is the servers' (access log, deliveries); `progress` reports startup and seeding.
  const log = createLog({ quiet: opts.quiet });
  const progress = createLog({ quiet: opts.quiet });
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const recorded = readLocalDetails(dataDir);
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const stop of cleanups.splice(0).reverse()) await stop().catch((error: unknown) => log.error('local stack: stopping failed', error));
  };

  try {
    const started = Date.now();
    // Checked first: finding a busy port after ten seconds of engine start-up would waste them.
    if (opts.apiPort && !(await isPortFree(opts.apiPort))) throw new Error(`port ${opts.apiPort} is already in use; set PORT to another port`);
    const bus = new LocalEventBus({ busName: BUS_NAME, region: REGION, dataDir, log, retry: opts.busRetry });
    const queues = new LocalQueues({ dataDir, region: REGION, log });
    // Before cognito-local starts: its config names this endpoint for the user pool triggers.
    const lambda = new LocalLambdaEndpoint({ log });
    await lambda.start();
    cleanups.push(() => lambda.stop());
    writeCognitoLocalConfig(join(dataDir, 'cognito'), { lambdaEndpoint: lambda.url });

    // The slow part (a JVM and a Node child) runs in parallel; a failure stops whatever did start.
    const engines = await Promise.allSettled([
      startOnAFreePort(opts.dynamoPort, (port) => startDynamoDbLocal({ dir: join(dataDir, 'dynamodb'), port })),
      startOnAFreePort(opts.cognitoPort, (port) => startCognitoLocal({ dir: join(dataDir, 'cognito'), port })),
      bus.start(opts.busPort ?? 0).then(() => ({ endpoint: bus.url, port: 0, stop: () => bus.stop() }) satisfies Engine),
      startOnAFreePort(opts.sesPort, (port) => startSesLocal({ port })),
      queues.start().then(() => ({ endpoint: queues.url, port: 0, stop: () => queues.stop() }) satisfies Engine),
    ]);
    for (const engine of engines) if (engine.status === 'fulfilled') cleanups.push(() => engine.value.stop());
    const failure = engines.find((e) => e.status === 'rejected');
    if (failure) throw failure.reason;
    const [dynamodb, cognito, , ses] = engines.map((e) => (e as PromiseFulfilledResult<Engine>).value) as [Engine, Engine, Engine, Engine];
    progress.info(
      `engines up in ${Date.now() - started} ms: DynamoDB Local ${dynamodb.endpoint}, cognito-local ${cognito.endpoint}, event bus ${bus.url}, ` +
        `SES ${ses.endpoint}, queues ${queues.url}`,
    );

    // The CDK app's roles (cached; a synthesis otherwise), read once the engines are up: a synthesis is seconds of
    // CPU that would compete with the JVM's start. Caught here and awaited below, so a failure is not unhandled.
    const synthesized = synthesizeRoles().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const cognitoFront = new LocalCognitoFront({ upstream: cognito.endpoint, log });
    await cognitoFront.start();
    cleanups.push(() => cognitoFront.stop());
    // Stopped before the engines and the Cognito front the consumers use: running deliveries finish first
    // (the later engine stop of the bus finds it stopped already).
    cleanups.push(() => bus.stop());
    const ddb = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamodb.endpoint });
    const idp = cognitoClient(cognitoFront.url);
    cleanups.push(async () => {
      ddb.destroy();
      idp.destroy();
    });
    const users: LocalUser[] = DEMO_USERS.map((u) => ({ key: u.key, name: u.name, email: u.email, password: DEMO_PASSWORD, groups: [...u.groups] }));
    const recordedIds = recorded?.userPoolId && recorded.clientId ? { userPoolId: recorded.userPoolId, clientId: recorded.clientId } : undefined;
    const demoSubs: Array<{ sub: string; groups: readonly string[] }> = [];
    const [{ streamArn }, pool] = await Promise.all([
      ensureTable(ddb, TABLE_NAME),
      ensureUserPool(idp, recordedIds).then(async (ids) => {
        // One at a time, for the reason given at `serially` below.
        if (opts.demoUsers ?? true) for (const u of users) demoSubs.push({ ...(await ensureUser(idp, ids.userPoolId, u)), groups: u.groups });
        return ids;
      }),
    ]);
    const jwtIssuer = `${cognito.endpoint}/${pool.userPoolId}`;
    // cognito-local updates a group's member list read-modify-write: concurrent adds (tests creating users
    // with Promise.all) could lose members, so user changes through the stack run one at a time.
    let userQueue: Promise<unknown> = Promise.resolve();
    const serially = <T>(fn: () => Promise<T>): Promise<T> => {
      const next = userQueue.then(fn, fn);
      userQueue = next.catch(() => undefined);
      return next;
    };

    // Before any handler module is imported: they create SDK clients and loggers at module scope.
    configureHandlerEnvironment({
      dynamodb: dynamodb.endpoint,
      eventbridge: bus.url,
      cognito: cognitoFront.url,
      ses: ses.endpoint,
      sqs: queues.url,
      emailTokenKey: emailTokenKey(dataDir),
      queueUrls: { plan: queues.urlOf(LOCAL_QUEUES.plan), send: queues.urlOf(LOCAL_QUEUES.send) },
      jwtIssuer,
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      quiet: opts.quiet ?? false,
      ...(opts.feedStartMonth ? { feedStartMonth: opts.feedStartMonth } : {}),
    });
    const invocations: LocalStack['invocations'] = {};
    const invocationListeners = new Set<(fn: FunctionName, ms: number) => void>();
    const roles = await synthesized;
    if ('error' in roles) throw roles.error;
    configureWebhookEnvironment(roles.value.webhooks);
    const iam = new LocalIam({
      ...roles.value,
      local: { region: REGION, account: LOCAL_ACCOUNT, tableName: TABLE_NAME, busName: BUS_NAME, userPoolId: pool.userPoolId },
      mode: opts.iam ?? (process.env['LOCAL_IAM'] === 'audit' ? 'audit' : 'enforce'),
      onDenied: (fn, { action, resource, leadingKeys }) =>
        log.warn(`${fn}: its role does not allow ${action} on ${resource}${leadingKeys ? ` (keys ${leadingKeys.join(', ')})` : ''}`),
      ...(process.env['LOCAL_IAM_TRACE'] ? { traceFile: process.env['LOCAL_IAM_TRACE'] } : {}),
    });
    // The clients every handler shares (functions/commons/clients/), imported now that their endpoints are set.
    const [{ ddb: handlerDdb }, { eventBridge }, { cognito: handlerCognito }, { eventBridgeAdmin }] = await Promise.all([
      import('#functions/commons/clients/dynamodb.ts'),
      import('#functions/commons/clients/eventbridge.ts'),
      import('#functions/commons/clients/cognito.ts'),
      import('#functions/commons/clients/eventbridge-admin.ts'),
    ]);
    iam.install(handlerDdb, 'dynamodb');
    iam.install(eventBridge, 'events');
    iam.install(eventBridgeAdmin, 'events');
    iam.install(handlerCognito, 'cognito-idp');
    const functions = await loadFunctions(REPO_ROOT, {
      region: REGION,
      stats: invocations,
      reservedConcurrency: RESERVED_CONCURRENCY,
      onInvoked: (fn, ms) => {
        for (const listener of invocationListeners) listener(fn, ms);
      },
      onInitError: (fn, error) => log.error(`${FUNCTIONS[fn].entry} failed to load; calls to ${fn} will fail`, error),
    });
    lambda.attach(functions);
    // Imported only now, like the handlers: the table module's client reads the endpoint from the environment.
    const { getEntitlement, provisionEntitlement, saveEntitlement } = await import('#functions/commons/table/entitlements.ts');
    // A year from now, renewed near its end on a later start: the demo users outlive any one year of `.data/`.
    const provision = async (sub: string, groups: readonly string[]) => {
      const now = new Date();
      const fresh = provisionedEntitlement(sub, groups, { now, validUntil: new Date(now.getTime() + YEAR_MS) });
      if (await provisionEntitlement(fresh, now)) return;
      const current = await getEntitlement(sub, { consistent: true });
      const renewed = current && renewedSeedGrant(current, fresh, now);
      if (renewed) await saveEntitlement({ ...renewed, change: 'provisioned', changedBy: renewed.grantedBy }, current.version, [], now);
    };
    for (const { sub, groups } of demoSubs) await provision(sub, groups);

    for (const { rule, fn, pattern } of SUBSCRIPTIONS) {
      bus.subscribe({ rule, target: fn, pattern, invoke: (event: EventEnvelope) => functions[fn](event) });
    }
    const relay = new StreamRelay({
      endpoint: dynamodb.endpoint,
      streamArn,
      region: REGION,
      dataDir,
      target: STREAM_CONSUMER,
      invoke: (event) => functions[STREAM_CONSUMER](event),
      filters: RELAY_STREAM_FILTERS,
      log,
      retry: opts.streamRetry,
    });
    relay.start();
    cleanups.push(() => relay.stop());

    // The email capability (infra/constructs/email.ts): new alerts on the stream, the two queues, SES feedback.
    // SES puts its events on the account's default bus in AWS; locally the one bus stands for both.
    const alertRelay = new StreamRelay({
      endpoint: dynamodb.endpoint,
      streamArn,
      region: REGION,
      dataDir,
      target: EMAIL.newAlertStreamConsumer,
      checkpointName: 'stream-checkpoint-new-alerts.json',
      invoke: (event) => functions[EMAIL.newAlertStreamConsumer](event),
      filters: [NEW_ALERT_STREAM_FILTER],
      log,
      retry: opts.streamRetry,
    });
    alertRelay.start();
    cleanups.push(() => alertRelay.stop());
    queues.add({
      name: LOCAL_QUEUES.plan,
      target: EMAIL.planQueueConsumer,
      invoke: (event) => functions[EMAIL.planQueueConsumer](event),
      batchSize: 1,
      maxConcurrency: PLAN_MAX_CONCURRENCY,
      maxReceiveCount: MAX_RECEIVE_COUNT,
    });
    queues.add({
      name: LOCAL_QUEUES.send,
      target: EMAIL.sendQueueConsumer,
      invoke: (event) => functions[EMAIL.sendQueueConsumer](event),
      batchSize: SEND_BATCH_SIZE,
      maxConcurrency: SEND_MAX_CONCURRENCY,
      maxReceiveCount: MAX_RECEIVE_COUNT,
    });
    bus.subscribe({
      rule: 'SuppressOnBounceOrComplaint',
      target: EMAIL.feedbackConsumer,
      pattern: EMAIL.feedbackPattern as unknown as Parameters<LocalEventBus['subscribe']>[0]['pattern'],
      invoke: (event: EventEnvelope) => functions[EMAIL.feedbackConsumer](event),
    });

    // The schedules of functions/manifest.ts, on timers (EventBridge runs them in AWS). A run that fails is logged;
    // the next one tries again, as a scheduled Lambda whose retries are spent.
    const timers = SCHEDULES.map(({ fn, everyMinutes }) =>
      setInterval(() => {
        functions[fn]({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} }).catch((error: unknown) =>
          log.error(`scheduled ${fn} failed`, error),
        );
      }, everyMinutes * 60_000).unref(),
    );
    // Stopped before the bus and the stream relay (cleanups run in reverse), so no run starts against stopping parts.
    cleanups.push(async () => {
      for (const timer of timers) clearInterval(timer);
    });

    const api = new LocalHttpApi({
      routes: ROUTES,
      fallback: FALLBACK_FUNCTION,
      functions,
      authorizer: { issuer: jwtIssuer, audience: pool.clientId },
      region: REGION,
      log,
      pages: apiDocsPages({ dataDir, apiUrl: (): string => api.url }),
      corsOrigins: STAGE_CONFIG.dev.corsOrigins,
    });
    await api.start(opts.apiPort ?? 0);
    cleanups.push(() => api.stop());
    // Emails link to the API; its URL is known only now (a free port).
    process.env[EMAIL_ENV.publicApiUrl] = api.url;

    const stack: LocalStack = {
      dataDir,
      apiUrl: api.url,
      region: REGION,
      endpoints: {
        dynamodb: dynamodb.endpoint,
        cognito: cognito.endpoint,
        eventbridge: bus.url,
        lambda: lambda.url,
        ses: ses.endpoint,
        sqs: queues.url,
      },
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      jwtIssuer,
      tableName: TABLE_NAME,
      busName: BUS_NAME,
      users: opts.demoUsers === false ? [] : users,
      briefings: readSeeded(dataDir),
      bus,
      relay,
      alertRelay,
      queues,
      startDigest: (input = {}) => {
        queues.send(LOCAL_QUEUES.plan, { kind: 'start', ...(input.day ? { day: input.day } : {}) });
      },
      api,
      invocations,
      observeInvocations: (listener) => {
        invocationListeners.add(listener);
        return () => invocationListeners.delete(listener);
      },
      cognito: idp,
      cognitoFront,
      lambda,
      iam,
      signIn: (email, password) => signIn(idp, pool.clientId, email, password),
      ensureUser: (user) =>
        serially(async () => {
          const { sub } = await ensureUser(idp, pool.userPoolId, user);
          await provision(sub, user.groups);
          return { sub };
        }),
      settled: (timeoutMs) => settled(bus, [relay, alertRelay], queues, timeoutMs),
      reconcile: (input = {}) => functions.reconcile(input),
      stop: async () => {
        await cleanup();
        const details = readLocalDetails(dataDir);
        if (details?.pid === process.pid) writeLocalDetails(dataDir, { ...(details as LocalDetails), pid: 0 });
        active = false;
      },
    };
    const record = () => writeLocalDetails(dataDir, { ...detailsOf(stack), pid: process.pid, startedAt: new Date(started).toISOString() });
    record();
    progress.info(`local stack ready in ${Date.now() - started} ms`);

    if (opts.seed && !existsSync(seedFile(dataDir))) {
      const seedStarted = Date.now();
      progress.info('seeding the demo data through the API (first start only)...');
      stack.briefings = await log.muted(() => seedDemoData(stack, progress));
      record();
      progress.info(`demo data seeded in ${Date.now() - seedStarted} ms`);
    }
    return stack;
  } catch (error) {
    await cleanup();
    active = false;
    throw error;
  }
}

/** The serialisable part of the stack, as written to local.json. */
function detailsOf(stack: LocalStack): Omit<LocalDetails, 'pid' | 'startedAt'> {
  const { apiUrl, region, endpoints, userPoolId, clientId, jwtIssuer, tableName, busName, users, briefings } = stack;
  return { apiUrl, region, endpoints, userPoolId, clientId, jwtIssuer, tableName, busName, users, briefings };
}

function configureHandlerEnvironment(c: {
  dynamodb: string;
  eventbridge: string;
  cognito: string;
  ses: string;
  sqs: string;
  emailTokenKey: string;
  queueUrls: { plan: string; send: string };
  jwtIssuer: string;
  userPoolId: string;
  clientId: string;
  quiet: boolean;
  feedStartMonth?: string;
}): void {
  const env = process.env;
  // Dummy credentials, and no profile: a developer's real AWS setup must never be picked up by local handlers.
  delete env['AWS_PROFILE'];
  delete env['AWS_SESSION_TOKEN'];
  Object.assign(env, {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: c.dynamodb,
    AWS_ENDPOINT_URL_EVENTBRIDGE: c.eventbridge,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: c.cognito,
    AWS_ENDPOINT_URL_SESV2: c.ses,
    AWS_ENDPOINT_URL_SQS: c.sqs,
    [EMAIL_ENV.from]: 'Signal Briefings <no-reply@signalbriefings.example>',
    [EMAIL_ENV.configurationSet]: 'signal-briefings-local',
    [EMAIL_ENV.tokenKey]: c.emailTokenKey,
    [EMAIL_ENV.planQueueUrl]: c.queueUrls.plan,
    [EMAIL_ENV.sendQueueUrl]: c.queueUrls.send,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    [ENV.tableName]: TABLE_NAME,
    [ENV.eventBusName]: BUS_NAME,
    [ENV.jwtIssuer]: c.jwtIssuer,
    [ENV.jwtAudience]: c.clientId,
    [ENV.userPoolId]: c.userPoolId,
    // A new key on every start: cursors handed out before a restart answer 400 and the client starts from page one.
    [ENV.cursorSigningKey]: randomBytes(32).toString('base64url'),
  });
  if (c.feedStartMonth) env[ENV.feedStartMonth] = c.feedStartMonth;
  else delete env[ENV.feedStartMonth];
  // As the deployed functions' environment (infra/constructs/briefings-function.ts keeps this name private).
  env['POWERTOOLS_SERVICE_NAME'] ??= 'signal-briefings';
  // Handlers log JSON for CloudWatch; locally only warnings and errors, readable. An explicit setting wins.
  env['POWERTOOLS_LOG_LEVEL'] ??= c.quiet ? 'ERROR' : 'WARN';
  env['POWERTOOLS_DEV'] ??= 'true';
  // No EMF metric lines locally (nothing reads them); POWERTOOLS_METRICS_DISABLED=false prints them.
  env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
  // No X-Ray daemon locally: the consumers' and the relay's tracer stays off (it is off outside Lambda anyway).
  env['POWERTOOLS_TRACE_ENABLED'] = 'false';
  // With tracing off, the X-Ray SDK (imported by the consumers' tracer) would still install its automatic-mode context: an
  // async hook that tracks every promise of this one process, the API's and the bus's included, where in Lambda only each
  // consumer's own process carries it. Manual mode installs none; nothing locally reads a segment.
  env['AWS_XRAY_MANUAL_MODE'] ??= 'true';
}

/**
 * What the webhook functions read (functions/commons/env.ts WEBHOOK_ENV), as the template sets it: the name
 * prefix and delivery role the grants name; dead letters go to `<dataDir>/dead-letters.jsonl` (the queue ARN
 * is a name only); and endpoints may be http://127.0.0.1, where the tests' receivers listen.
 */
function configureWebhookEnvironment(webhooks: { namePrefix: string; deliveryRoleId: string } | undefined): void {
  if (!webhooks) throw new Error('the synthesized app has no Webhooks nested stack (infra/constructs/webhooks.ts)');
  Object.assign(process.env, {
    [WEBHOOK_ENV.namePrefix]: webhooks.namePrefix,
    [WEBHOOK_ENV.invocationRoleArn]: localRoleArn(LOCAL_ACCOUNT, webhooks.deliveryRoleId),
    [WEBHOOK_ENV.deadLetterQueueArn]: `arn:aws:sqs:${REGION}:${LOCAL_ACCOUNT}:webhook-deliveries-dead-lettered`,
    [WEBHOOK_ENV.allowLoopbackHttp]: 'true',
  });
}

// The deadline only ends a wait that would never end (see LocalEventBus.waitFor), whatever the machine's load.
async function settled(bus: LocalEventBus, relays: readonly StreamRelay[], queues: LocalQueues, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await bus.idle();
    await queues.idle();
    // A delivery's writes reach the stream before the delivery ends, so a poll started after it sees them.
    const read = (await Promise.all(relays.map((r) => r.nextCycle()))).reduce((a, b) => a + b, 0);
    if (read === 0 && bus.inFlight === 0 && !queues.busy) return;
    if (Date.now() > deadline) throw new Error(`the pipeline did not settle within ${timeoutMs} ms`);
  }
}

/**
 * The unsubscribe links' key, kept in `.data/` (unlike the cursor key, new on every start): a link in an email sent
 * before a restart must still work, as it does in AWS.
 */
function emailTokenKey(dataDir: string): string {
  const file = join(dataDir, 'email-token-key');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function readSeeded(dataDir: string): Record<string, string> {
  const file = seedFile(dataDir);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
