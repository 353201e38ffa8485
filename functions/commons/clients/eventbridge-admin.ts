/**
 * An EventBridge client for the webhook admin routes, which create and delete each partner's connection,
 * API destination, rule and target. Untraced, unlike clients/eventbridge.ts: these are API functions,
 * which do not bundle the tracer.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

export const eventBridgeAdmin = new EventBridgeClient({});
