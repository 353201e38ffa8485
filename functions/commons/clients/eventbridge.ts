/** The EventBridge client, created once per execution environment (only the relay imports it). */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

export const eventBridge = new EventBridgeClient({});
