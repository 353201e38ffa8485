/**
 * Partners' webhooks (domain/webhooks.ts), all in one partition:
 *
 *   WEBHOOK#registry / WEBHOOK#<webhookId>    the webhook and its signing secret
 *
 * The signing secret is stored with the webhook, so the delivery step reads every partner's filter, tier
 * and secret with one Query. Only the two webhook functions are granted this partition
 * (functions/manifest.ts), the table is encrypted at rest with the deployment's key, and no response
 * carries the secret but the registration's and a rotation's (docs/webhooks.md says why not Secrets Manager).
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Webhook } from '#domain/webhooks.ts';
import { ddb } from '#functions/commons/clients/dynamodb.ts';
import { config } from '#functions/commons/config.ts';
import { type Item, parseItem, storedEntity } from './item.ts';
import { WEBHOOK_ENTITY, WEBHOOK_SK, WEBHOOKS_PK, webhookKey } from './keys.ts';

const WEBHOOK = /* @__PURE__ */ storedEntity<Webhook>(WEBHOOK_ENTITY, {
  webhookId: 'string',
  name: 'string',
  url: 'string',
  tier: 'string',
  filter: 'map',
  rateLimitPerSecond: 'number',
  createdAt: 'string',
  createdBy: 'string',
  secretRotatedAt: 'string',
  signingSecret: 'string',
  previousSigningSecret: 'string?',
  previousSecretValidUntil: 'string?',
});

export function toItem(w: Webhook): Item {
  return { ...webhookKey(w.webhookId), entity: WEBHOOK_ENTITY, ...w };
}

const fromItem = (item: Item): Webhook => parseItem(WEBHOOK, item);

/** Stores a new webhook (`create`: refused if the id exists) or replaces one that exists (a rotation). */
export async function saveWebhook(w: Webhook, mode: 'create' | 'replace'): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: config.tableName,
      Item: toItem(w),
      ConditionExpression: mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
    }),
  );
}

export async function getWebhook(webhookId: string): Promise<Webhook | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tableName, Key: webhookKey(webhookId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

/** Every webhook, oldest id first (one partition; a page at a time until the end). */
export async function listWebhooks(opts: { consistent?: boolean } = {}): Promise<Webhook[]> {
  const webhooks: Webhook[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': WEBHOOKS_PK, ':prefix': WEBHOOK_SK },
        ConsistentRead: opts.consistent ?? false,
        ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
      }),
    );
    webhooks.push(...(page.Items ?? []).map(fromItem));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return webhooks;
}

export async function deleteWebhook(webhookId: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: config.tableName, Key: webhookKey(webhookId) }));
}
