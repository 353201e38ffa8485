/**
 * Runs once before the test files (vitest globalSetup): synthesizes the functions' roles into the
 * cache the local stacks read (local/role-policies.ts), so the integration files, each with its
 * own stack and started together, do not each synthesize the CDK app while their engines start.
 */
import { synthesizeRoles } from '#local/role-policies.ts';

export default async function setup(): Promise<void> {
  await synthesizeRoles();
}
