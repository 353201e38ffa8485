/**
 * The CDK app. Environment-agnostic on purpose: `cdk synth` runs offline with no
 * credentials, and nothing here needs a lookup.
 */
import { App, Tags } from 'aws-cdk-lib';
import { BriefingsStack } from './stack.ts';
import { stackName, stageSettings } from './stage.ts';

const app = new App();
const stage = stageSettings(String(app.node.tryGetContext('stage') ?? 'dev'));

const stack = new BriefingsStack(app, stackName(stage), { stage, description: `Signal Briefings backend (${stage.name})` });
Tags.of(stack).add('project', 'signal-briefings');
Tags.of(stack).add('stage', stage.name);
