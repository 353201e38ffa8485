/**
 * The checks every synth of this app runs: cdk-nag's AwsSolutions and
 * Serverless packs (v3: CDK policy-validation plugins). A finding that is not
 * acknowledged, with a reason, on the resource it concerns fails `cdk synth`.
 * The infra tests register the same checks, so the two cannot drift.
 */
import { type Stage, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/** The packs, fresh (they keep their findings between runs). */
export const compliancePacks = () => [new AwsSolutionsChecks(), new ServerlessChecks()];

/** Registers the packs on an app (or stage), as `cdk synth` runs them. */
export function addComplianceChecks(app: Stage): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
