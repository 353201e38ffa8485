import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DEFAULT_AUTO_PUBLISH_FLOOR } from '#domain/briefing.ts';
import { FEED_START_MONTH } from '#domain/feed.ts';
import type { Grade } from '#domain/scoring.ts';
import type { UnlockLinks } from '#domain/unlock.ts';
import { ENV, UNLOCK_ENV } from '#functions/commons/env.ts';
import {
  FALLBACK_FUNCTION,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  RESCORE_FUNCTION,
  ROUTES,
  SCHEDULES,
  STREAM_CONSUMER,
  SUBSCRIPTIONS,
  USER_POOL_TRIGGERS,
} from '#functions/manifest.ts';
import { pascalCase } from '#infra/naming.ts';
import { RESERVED_CONCURRENCY } from '#infra/reserved-concurrency.ts';
import { BriefingsFunction, type FunctionKind, type TokenTrust } from './briefings-function.ts';

/** What the manifest's functions may be bound to. */
export interface BriefingsFunctionsProps {
  table: ITableV2;
  bus: IEventBus;
  /** For functions that verify optional tokens themselves (`verifiesTokens`). */
  tokens: TokenTrust;
  /** For functions that call the user pool's admin API (`userPool`). */
  userPool: IUserPool;
  /** Of the functions' log groups. */
  removalPolicy: RemovalPolicy;
  /** How long the functions' logs are kept. */
  logRetention: RetentionDays;
  /**
   * The feed's first month (`yyyy-mm`): the launch month of the deployment, so reads of a young
   * feed do not walk back through months that cannot hold entries. Default: domain/feed.ts.
   */
  feedStartMonth?: string;
  /** Bundle the Powertools tracer into the API functions too (`cdk deploy -c apiTracing=true`); consumers always have it. */
  apiTracing?: boolean;
  /** The publisher's sign-up and request-access pages, named by lock screens (`rendersLocks`); `-c signUpUrl=… -c requestAccessUrl=…`. */
  unlockLinks?: UnlockLinks;
  /** The lowest grade an auto-publish rule may name (`appliesAutoPublishRules`); default domain/briefing.ts DEFAULT_AUTO_PUBLISH_FLOOR. */
  autoPublishFloor?: Grade;
  /**
   * Reserve {@link RESERVED_CONCURRENCY} for the bus consumers (default true). An account whose
   * Lambda concurrency quota is still 10 cannot reserve any: deploy there with `-c reservedConcurrency=false`.
   */
  reserveConcurrency?: boolean;
  /** Only the manifest functions deployed in this nested stack (their `nestedStack`); absent: the main stack's (those without). */
  nestedStack?: FunctionSpec['nestedStack'];
}

/** Reserved concurrency per function (CDK-free, so the local stack applies it too). */
export { RESERVED_CONCURRENCY };

/**
 * Every function in `functions/manifest.ts`, each bound to exactly what its
 * manifest entry declares (table access, bus, token verification). Triggers are
 * wired by the capability constructs (API, events, outbox relay).
 */
export class BriefingsFunctions extends Construct {
  private readonly byName = new Map<FunctionName, BriefingsFunction>();

  constructor(scope: Construct, id: string, props: BriefingsFunctionsProps) {
    super(scope, id);
    let cursorKey: Secret | undefined;
    for (const [name, spec] of Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][]) {
      if (spec.nestedStack !== props.nestedStack) continue;
      const fn = new BriefingsFunction(this, pascalCase(name), {
        entry: spec.entry,
        description: spec.description,
        kind: kindOf(name),
        removalPolicy: props.removalPolicy,
        logRetention: props.logRetention,
        ...(props.reserveConcurrency !== false && RESERVED_CONCURRENCY[name] ? { reservedConcurrency: RESERVED_CONCURRENCY[name] } : {}),
        ...(props.apiTracing ? { apiTracing: true } : {}),
      });
      if (spec.table) fn.bindTable({ table: props.table, use: spec.table });
      if (spec.putsEvents) fn.bindBus(props.bus);
      if (spec.verifiesTokens) fn.trustTokens(props.tokens);
      if (spec.userPool) bindUserPool(fn, props.userPool, spec.userPool);
      if (spec.signsCursors) {
        cursorKey ??= cursorSigningKey(this, props.removalPolicy);
        fn.signCursorsWith(cursorKey);
        fn.addEnvironment(ENV.feedStartMonth, props.feedStartMonth ?? FEED_START_MONTH);
      }
      if (spec.rendersLocks && props.unlockLinks?.signUpUrl) fn.addEnvironment(UNLOCK_ENV.signUpUrl, props.unlockLinks.signUpUrl);
      if (spec.rendersLocks && props.unlockLinks?.requestAccessUrl)
        fn.addEnvironment(UNLOCK_ENV.requestAccessUrl, props.unlockLinks.requestAccessUrl);
      if (spec.appliesAutoPublishRules) fn.addEnvironment(ENV.autoPublishFloor, props.autoPublishFloor ?? DEFAULT_AUTO_PUBLISH_FLOOR);
      this.byName.set(name, fn);
    }
  }

  /** Every deployed function, by manifest name. */
  get all(): Array<[FunctionName, BriefingsFunction]> {
    return [...this.byName];
  }

  /** The deployed function of a manifest entry. */
  get(name: FunctionName): BriefingsFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`no function "${name}" in the manifest`);
    return fn;
  }
}

/**
 * The key feed cursors are signed with: 64 random characters generated by
 * Secrets Manager at the first deploy, never in the template or the repository.
 */
function cursorSigningKey(scope: Construct, removalPolicy: RemovalPolicy): Secret {
  const secret = new Secret(scope, 'CursorSigningKey', {
    description: 'HMAC-SHA256 key of the feed page cursors (GET /briefings); a new value invalidates open cursors only',
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
    removalPolicy,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'The key only signs feed cursors, which a reader uses for minutes; functions get it as a deploy-time dynamic reference ' +
      '(no runtime read), so a rotation would not reach them until a deploy. Rotate by setting a new value and deploying: ' +
      'open cursors then answer 400 and readers start from the first page.',
  });
  return secret;
}

/** The user pool admin actions each `userPool` use needs, on that pool only. */
export const USER_POOL_ACTIONS: Record<NonNullable<FunctionSpec['userPool']>, string[]> = {
  'manage-groups': [
    'cognito-idp:AdminListGroupsForUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminUserGlobalSignOut',
  ],
  'read-users': ['cognito-idp:AdminGetUser'],
};

/**
 * Gives the function the pool id and its admin actions on that pool. A pool
 * trigger must never get this: its policy would name the pool that names the
 * trigger, a dependency cycle (the trigger here needs no Cognito rights).
 */
export function bindUserPool(fn: BriefingsFunction, pool: IUserPool, use: NonNullable<FunctionSpec['userPool']>): void {
  fn.addEnvironment(ENV.userPoolId, pool.userPoolId);
  pool.grant(fn, ...USER_POOL_ACTIONS[use]);
}

/**
 * API if a route, the fallback or the user pool (a trigger: Cognito waits for it)
 * invokes it, consumer if an event, a schedule, the stream or an operator does; a function with no trigger is a mistake.
 */
function kindOf(name: FunctionName): FunctionKind {
  const trigger = (Object.values(USER_POOL_TRIGGERS) as FunctionName[]).includes(name);
  const api = name === FALLBACK_FUNCTION || trigger || ROUTES.some((route) => route.fn === name);
  // Operators invoke the rescore function after a model change (aws lambda invoke): a consumer's limits, no route.
  const consumer =
    name === STREAM_CONSUMER || name === RESCORE_FUNCTION || SUBSCRIPTIONS.some((sub) => sub.fn === name) || SCHEDULES.some((s) => s.fn === name);
  if (api && consumer) throw new Error(`function "${name}" is both routed and subscribed; give it one trigger`);
  if (!api && !consumer) throw new Error(`function "${name}" has no route, subscription, schedule or stream; nothing would invoke it`);
  return api ? 'api' : 'consumer';
}
