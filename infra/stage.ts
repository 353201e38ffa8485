import { RemovalPolicy } from 'aws-cdk-lib';
import { STAGE_CONFIG, type StageConfig } from './stage-config.ts';

/** What differs between a throwaway stage and production: the operator's StageConfig and what follows from the name. */
export interface StageSettings extends StageConfig {
  /** Lower-case stage name, part of the stack name. */
  name: string;
  /** Stateful resources (table, user pool, logs, failure queues) survive a stack delete only in prod. */
  removalPolicy: RemovalPolicy;
  /** Refuse API deletes of the table and user pool. */
  deletionProtection: boolean;
}

/** Settings for a stage name from the `stage` context value (`cdk synth -c stage=prod`). */
export function stageSettings(name: string): StageSettings {
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(name)) {
    throw new Error(`stage must be lower-case letters, digits and dashes (at most 20), got "${name}"`);
  }
  const prod = name === 'prod';
  const config: StageConfig = prod ? STAGE_CONFIG.prod : STAGE_CONFIG.dev;
  for (const origin of config.corsOrigins) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin)) throw new Error(`a CORS origin is a scheme and host without a path, got "${origin}"`);
  }
  return {
    name,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: prod,
    corsOrigins: config.corsOrigins,
    logRetentionDays: config.logRetentionDays,
    ...(config.email ? { email: config.email } : {}),
    ...(config.alarmSubscription ? { alarmSubscription: config.alarmSubscription } : {}),
    ...(config.autoPublishFloor ? { autoPublishFloor: config.autoPublishFloor } : {}),
  };
}

export function stackName(stage: StageSettings): string {
  return `SignalBriefings-${stage.name}`;
}
