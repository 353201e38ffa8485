/**
 * The CDK app. Environment-agnostic on purpose: `cdk synth` runs offline with no
 * credentials, and nothing here needs a lookup. cdk-nag's AwsSolutions and
 * Serverless packs check every synth: any finding that is not acknowledged, with
 * its reason, on the resource it concerns makes `cdk synth` fail.
 */
import { App, Tags } from 'aws-cdk-lib';
import { addComplianceChecks } from './compliance.ts';
import { BriefingsStack } from './stack.ts';
import { stackName, stageSettings } from './stage.ts';

const app = new App();
addComplianceChecks(app);
const stage = stageSettings(String(app.node.tryGetContext('stage') ?? 'dev'));
// `-c reservedConcurrency=false` for accounts whose Lambda concurrency quota is too small to reserve any.
const reserveConcurrency = String(app.node.tryGetContext('reservedConcurrency') ?? 'true') !== 'false';

const stack = new BriefingsStack(app, stackName(stage), {
  stage,
  reserveConcurrency,
  description: `Signal Briefings backend (${stage.name})`,
});
Tags.of(stack).add('project', 'signal-briefings');
Tags.of(stack).add('stage', stage.name);
