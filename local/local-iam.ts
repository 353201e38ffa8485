/**
 * IAM, locally: every AWS SDK call a handler makes is evaluated against its
 * function's role, as synthesized from the CDK app (local/role-policies.ts),
 * with @cloud-copilot/iam-simulate, and a call the role does not allow fails
 * with the error AWS gives: AccessDeniedException (HTTP 400), "User: <role
 * session> is not authorized to perform: <action> on resource: <arn> because no
 * identity-based policy allows the <action> action". So "it works locally" means
 * "its IAM is right".
 *
 * A call is split into what IAM authorizes: one request per item of a
 * transaction (Put → dynamodb:PutItem...), one per table of a batch; each
 * carries `dynamodb:LeadingKeys` (the partition keys it touches; for a query of
 * an index, the index's partition key). Decisions are cached per function,
 * action, resource and key prefix (up to the first `#`): grants name partitions
 * by prefix (`USER#*`), so every key of a prefix gets the same answer.
 *
 * The check is a middleware on the handlers' shared SDK clients, added by the
 * local stack only; nothing of it is in a Lambda bundle. Calls made outside a
 * function (the local stack provisioning users) are not checked.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';
import type { FunctionName } from '#functions/manifest.ts';
import { runningFunction } from './lambda-runtime.ts';
import { type LocalResources, resolvePolicy, type SynthesizedRole } from './role-policies.ts';

// biome-ignore lint/suspicious/noExplicitAny: template fragments and SDK inputs are untyped JSON, read by their documented shape
type Json = Record<string, any>;

/** One thing IAM authorizes: an action on a resource, with the partition keys it touches (DynamoDB). */
export interface AuthorizationRequest {
  action: string;
  resource: string;
  leadingKeys?: string[];
}

/** The services whose clients handlers use, by IAM prefix. */
export type Service = 'dynamodb' | 'events' | 'cognito-idp';

/** `enforce` fails denied calls; `audit` lets them through and only reports them (to list what a new function needs). */
export type IamMode = 'enforce' | 'audit';

/** An SDK client: what the middleware is added to. */
interface SdkClient {
  middlewareStack: { add(middleware: unknown, options: Json): void; remove(name: string): boolean };
}

const MIDDLEWARE = 'localIamCheck';

const CONTENT_TYPE: Record<Service, string> = {
  dynamodb: 'application/x-amz-json-1.0',
  events: 'application/x-amz-json-1.1',
  'cognito-idp': 'application/x-amz-json-1.1',
};

export class LocalIam {
  private readonly policies = new Map<FunctionName, Json[]>();
  private readonly decisions = new Map<string, Promise<boolean>>();

  constructor(
    private readonly opts: {
      roles: Record<FunctionName, SynthesizedRole>;
      resourceTypes: Record<string, string>;
      local: LocalResources;
      mode?: IamMode;
      /** Told of each denied request (in audit mode, of each one that would be). */
      onDenied?: (fn: FunctionName, request: AuthorizationRequest) => void;
      /** Appends every decision, as JSON lines, to this file. */
      traceFile?: string;
    },
  ) {}

  /** Checks every call made through `client` by a running function. */
  install(client: SdkClient, service: Service): void {
    // The clients outlive a stack restarted in the same process: the newest stack's check replaces the last one.
    client.middlewareStack.remove(MIDDLEWARE);
    client.middlewareStack.add(
      (next: (args: Json) => Promise<Json>, context: Json) => async (args: Json) => {
        const fn = runningFunction.getStore();
        if (!fn) return next(args);
        const operation = String(context['commandName']).replace(/Command$/, '');
        const denied = await this.firstDenied(fn, authorizationRequests(service, operation, args['input'] as Json, this.opts.local));
        if (!denied || this.opts.mode === 'audit') return next(args);
        // Answered as AWS answers, so the SDK's own deserializer raises the error a handler would get there.
        return { response: accessDenied(service, this.message(fn, denied)), output: undefined };
      },
      // Innermost: after serialization, signing and the retry strategy, where the HTTP request would be sent.
      { step: 'deserialize', priority: 'low', name: MIDDLEWARE },
    );
  }

  /** The first of the requests the function's role does not allow, if any. */
  async firstDenied(fn: FunctionName, requests: AuthorizationRequest[]): Promise<AuthorizationRequest | undefined> {
    for (const request of requests) {
      if (await this.allows(fn, request)) continue;
      this.opts.onDenied?.(fn, request);
      return request;
    }
    return undefined;
  }

  /** AWS's message, naming the function's role session. */
  message(fn: FunctionName, { action, resource }: AuthorizationRequest): string {
    return (
      `User: arn:aws:sts::${this.opts.local.account}:assumed-role/${this.opts.roles[fn].roleId}/signal-briefings-local-${fn} ` +
      `is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
    );
  }

  private allows(fn: FunctionName, request: AuthorizationRequest): Promise<boolean> {
    const prefixes = request.leadingKeys?.map(keyPrefix).sort();
    const key = JSON.stringify([fn, request.action, request.resource, prefixes && [...new Set(prefixes)]]);
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = this.simulate(fn, request);
      this.decisions.set(key, decision);
      if (this.opts.traceFile) {
        const traceFile = this.opts.traceFile;
        void decision.then((allowed) => appendFileSync(traceFile, `${JSON.stringify({ fn, ...request, leadingKeys: prefixes, allowed })}\n`));
      }
    }
    return decision;
  }

  private async simulate(fn: FunctionName, request: AuthorizationRequest): Promise<boolean> {
    const { account } = this.opts.local;
    const result = await runSimulation(
      {
        request: {
          principal: `arn:aws:sts::${account}:assumed-role/${this.opts.roles[fn].roleId}/signal-briefings-local-${fn}`,
          action: request.action,
          resource: { resource: request.resource, accountId: account },
          contextVariables: request.leadingKeys ? { 'dynamodb:LeadingKeys': request.leadingKeys } : {},
        },
        identityPolicies: this.policiesOf(fn).map((policy, i) => ({ name: `${fn}-${i}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
      },
      {},
    );
    if (result.resultType === 'error') throw new Error(`local IAM: cannot evaluate ${request.action} for ${fn}: ${result.errors.message}`);
    return result.overallResult === 'Allowed';
  }

  private policiesOf(fn: FunctionName): Json[] {
    let policies = this.policies.get(fn);
    if (!policies) {
      policies = this.opts.roles[fn].policies.map((p) => resolvePolicy(p, this.opts.resourceTypes, this.opts.local));
      this.policies.set(fn, policies);
    }
    return policies;
  }
}

/** What a key's grant names: the prefix up to and including its first `#` (the whole key if it has none). */
export function keyPrefix(key: string): string {
  const at = key.indexOf('#');
  return at < 0 ? key : key.slice(0, at + 1);
}

/** The requests IAM authorizes for one SDK call (input marshalled or not: both are read). */
export function authorizationRequests(service: Service, operation: string, input: Json, local: LocalResources): AuthorizationRequest[] {
  const arn = (svc: string, resource: string) => `arn:aws:${svc}:${local.region}:${local.account}:${resource}`;
  if (service === 'events') {
    const resources = destinationResources(operation, input, arn);
    if (resources) return resources;
    const buses = new Set(((input['Entries'] ?? []) as Json[]).map((e) => String(e['EventBusName'] ?? 'default')));
    if (buses.size === 0) buses.add('default');
    return [...buses].map((bus) => ({
      action: `events:${operation}`,
      resource: bus.startsWith('arn:') ? bus : arn('events', `event-bus/${bus}`),
    }));
  }
  if (service === 'cognito-idp') {
    const pool = input['UserPoolId'];
    return [{ action: `cognito-idp:${operation}`, resource: pool ? arn('cognito-idp', `userpool/${String(pool)}`) : '*' }];
  }
  const table = (name: unknown) => arn('dynamodb', `table/${String(name)}`);
  const pk = (item: Json | undefined) => stringOf(item?.[TABLE_SCHEMA.partitionKey]);
  const item = (action: string, tableName: unknown, key: Json | undefined): AuthorizationRequest => ({
    action: `dynamodb:${action}`,
    resource: table(tableName),
    leadingKeys: [pk(key)],
  });
  switch (operation) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return [item(operation, input['TableName'], input['Key'])];
    case 'PutItem':
      return [item(operation, input['TableName'], input['Item'])];
    case 'Query': {
      const index = input['IndexName'] as string | undefined;
      const partitionKey = index ? TABLE_SCHEMA.gsi1.partitionKey : TABLE_SCHEMA.partitionKey;
      const value = partitionValue(input, partitionKey);
      return [
        {
          action: 'dynamodb:Query',
          resource: index ? `${table(input['TableName'])}/index/${index}` : table(input['TableName']),
          ...(value === undefined ? {} : { leadingKeys: [value] }),
        },
      ];
    }
    case 'Scan':
      return [
        {
          action: 'dynamodb:Scan',
          resource: input['IndexName'] ? `${table(input['TableName'])}/index/${input['IndexName']}` : table(input['TableName']),
        },
      ];
    case 'BatchGetItem':
      return Object.entries((input['RequestItems'] ?? {}) as Record<string, Json>).map(([name, { Keys = [] }]) => ({
        action: 'dynamodb:BatchGetItem',
        resource: table(name),
        leadingKeys: (Keys as Json[]).map(pk),
      }));
    case 'BatchWriteItem':
      return Object.entries((input['RequestItems'] ?? {}) as Record<string, Json[]>).map(([name, writes]) => ({
        action: 'dynamodb:BatchWriteItem',
        resource: table(name),
        leadingKeys: writes.map((w) => pk(w['PutRequest']?.['Item'] ?? w['DeleteRequest']?.['Key'])),
      }));
    case 'TransactWriteItems':
      // No action of its own: IAM authorizes each part as the single-item action it is.
      return ((input['TransactItems'] ?? []) as Json[]).map((part) => {
        if (part['Put']) return item('PutItem', part['Put']['TableName'], part['Put']['Item']);
        if (part['Update']) return item('UpdateItem', part['Update']['TableName'], part['Update']['Key']);
        if (part['Delete']) return item('DeleteItem', part['Delete']['TableName'], part['Delete']['Key']);
        return item('ConditionCheckItem', part['ConditionCheck']?.['TableName'], part['ConditionCheck']?.['Key']);
      });
    case 'TransactGetItems':
      return ((input['TransactItems'] ?? []) as Json[]).map((part) => item('GetItem', part['Get']?.['TableName'], part['Get']?.['Key']));
    default:
      return [{ action: `dynamodb:${operation}`, resource: input['TableName'] ? table(input['TableName']) : '*' }];
  }
}

/**
 * The requests of the API destination operations the webhook functions send (functions/webhooks/destinations.ts),
 * or undefined for another operation. IAM names a connection or API destination by its name (the ARN's id after
 * it matches `<name>*` too), a rule by its bus and name; PutTargets with a role also passes that role.
 */
function destinationResources(operation: string, input: Json, arn: (svc: string, resource: string) => string): AuthorizationRequest[] | undefined {
  const bus = () => {
    const name = String(input['EventBusName'] ?? 'default');
    return name.startsWith('arn:') ? (name.split('/').pop() ?? name) : name;
  };
  switch (operation) {
    case 'CreateConnection':
    case 'DeleteConnection':
      return [{ action: `events:${operation}`, resource: arn('events', `connection/${String(input['Name'])}`) }];
    case 'CreateApiDestination':
    case 'DeleteApiDestination':
      return [{ action: `events:${operation}`, resource: arn('events', `api-destination/${String(input['Name'])}`) }];
    case 'PutRule':
    case 'DeleteRule':
      return [{ action: `events:${operation}`, resource: arn('events', `rule/${bus()}/${String(input['Name'])}`) }];
    case 'PutTargets':
    case 'RemoveTargets': {
      const rule = { action: `events:${operation}`, resource: arn('events', `rule/${bus()}/${String(input['Rule'])}`) };
      const roles = [...new Set(((input['Targets'] ?? []) as Json[]).flatMap((t) => (t['RoleArn'] ? [String(t['RoleArn'])] : [])))];
      return [rule, ...roles.map((role) => ({ action: 'iam:PassRole', resource: role }))];
    }
    default:
      return undefined;
  }
}

/** The value a Query's key condition gives the partition key (`pk = :pk`, possibly through `#name`). */
function partitionValue(input: Json, attribute: string): string | undefined {
  const names = (input['ExpressionAttributeNames'] ?? {}) as Record<string, string>;
  const values = (input['ExpressionAttributeValues'] ?? {}) as Json;
  for (const [, name, placeholder] of String(input['KeyConditionExpression'] ?? '').matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    if ((names[name!] ?? name) === attribute) return stringOf(values[placeholder!]);
  }
  return undefined;
}

const stringOf = (value: unknown): string => (typeof value === 'string' ? value : String((value as Json | undefined)?.['S'] ?? ''));

/** The HTTP answer AWS gives a call its role does not allow. */
function accessDenied(service: Service, message: string) {
  return {
    statusCode: 400,
    reason: 'Bad Request',
    headers: { 'content-type': CONTENT_TYPE[service], 'x-amzn-requestid': randomUUID() },
    body: Buffer.from(JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', Message: message })),
  };
}
