/**
 * The CDK app. Environment-agnostic on purpose: `cdk synth` runs offline with no
 * credentials, and nothing here needs a lookup. cdk-nag's AwsSolutions and
 * Serverless packs check every synth: any finding that is not acknowledged, with
 * its reason, on the resource it concerns makes `cdk synth` fail.
 */
import { App, Tags } from 'aws-cdk-lib';
import { MONTH_PATTERN } from '#domain/feed.ts';
import { addComplianceChecks } from './compliance.ts';
import { BriefingsStack } from './stack.ts';
import { stackName, stageSettings } from './stage.ts';

const app = new App();
addComplianceChecks(app);
const stage = stageSettings(String(app.node.tryGetContext('stage') ?? 'dev'));
// `-c reservedConcurrency=false` for accounts whose Lambda concurrency quota is too small to reserve any.
const reserveConcurrency = String(app.node.tryGetContext('reservedConcurrency') ?? 'true') !== 'false';
// `-c apiTracing=true`: the Powertools tracer in the API functions too, at ~120 KB more per bundle (docs/performance.md).
const apiTracing = String(app.node.tryGetContext('apiTracing') ?? 'false') === 'true';
// `-c feedStartMonth=2026-11`: the launch month, so reads of a young feed stop there (docs/feeds.md).
const feedStartMonth = app.node.tryGetContext('feedStartMonth') as string | undefined;
if (feedStartMonth !== undefined && !MONTH_PATTERN.test(String(feedStartMonth))) {
  throw new Error(`feedStartMonth must be a month such as 2026-11, got "${String(feedStartMonth)}"`);
}

// `-c signUpUrl=https://… -c requestAccessUrl=https://…`: the publisher's pages that lock screens link to (domain/unlock.ts).
const unlockLinks = Object.fromEntries(
  (['signUpUrl', 'requestAccessUrl'] as const).flatMap((key) => {
    const value = app.node.tryGetContext(key) as unknown;
    if (value === undefined) return [];
    if (!/^https:\/\/\S+$/.test(String(value))) throw new Error(`${key} must be an https URL, got "${String(value)}"`);
    return [[key, String(value)]];
  }),
);

const stack = new BriefingsStack(app, stackName(stage), {
  stage,
  reserveConcurrency,
  apiTracing,
  ...(Object.keys(unlockLinks).length > 0 ? { unlockLinks } : {}),
  ...(feedStartMonth === undefined ? {} : { feedStartMonth: String(feedStartMonth) }),
  description: `Signal Briefings backend (${stage.name})`,
});
Tags.of(stack).add('project', 'signal-briefings');
Tags.of(stack).add('stage', stage.name);
