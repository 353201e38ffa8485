import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { STREAM_CONSUMER, SUBSCRIPTIONS } from '../functions/manifest.ts';
import { Api } from './constructs/api.ts';
import { Data } from './constructs/data.ts';
import { Events } from './constructs/events.ts';
import { BriefingsFunctions } from './constructs/functions.ts';
import { Identity } from './constructs/identity.ts';
import { OutboxRelay } from './constructs/outbox-relay.ts';
import type { StageSettings } from './stage.ts';

/** Props of {@link BriefingsStack}. */
export interface BriefingsStackProps extends StackProps {
  stage: StageSettings;
}

/**
 * The whole backend, assembled from `functions/manifest.ts`: the table, the user
 * pool, the bus, every function with its grants, and their triggers (HTTP routes,
 * bus subscriptions, the table stream).
 */
export class BriefingsStack extends Stack {
  constructor(scope: Construct, id: string, props: BriefingsStackProps) {
    super(scope, id, props);
    const { removalPolicy, deletionProtection } = props.stage;

    const data = new Data(this, 'Data', { removalPolicy, deletionProtection });
    const identity = new Identity(this, 'Identity', { removalPolicy, deletionProtection });
    const events = new Events(this, 'Events');
    const functions = new BriefingsFunctions(this, 'Functions', {
      table: data.table,
      bus: events.bus,
      tokens: { issuer: identity.issuer, audience: identity.client.userPoolClientId },
      removalPolicy,
    });

    const api = new Api(this, 'Api', { functions, identity, removalPolicy });
    for (const subscription of SUBSCRIPTIONS) events.subscribe(subscription, functions.get(subscription.fn));
    new OutboxRelay(this, 'OutboxRelay', { table: data.table, relay: functions.get(STREAM_CONSUMER) });

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'EventBusName', { value: events.bus.eventBusName });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
