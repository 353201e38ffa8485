/**
 * The EventBridge client, created once per execution environment. Only the
 * relay imports it, so it is traced here (PutEvents calls as X-Ray
 * subsegments); an API function must not import it, or it would bundle the tracer.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { traced } from './tracer.ts';

export const eventBridge = traced(new EventBridgeClient({}));
