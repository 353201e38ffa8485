import type { Grade } from '#domain/scoring.ts';

/** What an operator configures per stage (infra/stage.ts turns it into StageSettings). */
export interface StageConfig {
  /**
   * Web origins whose browsers may call the API (`https://app.example.com`, no path, no trailing slash).
   * API Gateway answers their preflight; any other origin gets no CORS headers, so its browser refuses.
   */
  corsOrigins: readonly string[];
  /**
   * How the user pool sends its mail (confirmation codes, password resets). Absent: Cognito's own
   * sender (a small daily quota, fit for development only). Present: Amazon SES, from an identity
   * the operator has verified in `sesRegion` (docs/deploy.md).
   */
  email?: {
    /** The From address, on the verified domain: `no-reply@example.com`. */
    fromAddress: string;
    /** The display name before it. */
    fromName: string;
    /** The SES identity the mail is sent as: the verified domain of `fromAddress`. */
    sesVerifiedDomain: string;
    /** Where that identity is verified (a region where Cognito may use SES: the pool's own, or us-east-1, us-west-2, eu-west-1). */
    sesRegion: string;
  };
  /**
   * Who hears the alarms: an email address (SNS sends it a confirmation link to click once), or
   * an HTTPS webhook that confirms SNS's subscription request itself (docs/deploy.md). None: the
   * topic only (subscribe by hand).
   */
  alarmSubscription?: { email: string } | { webhookUrl: string };
  /** Days the functions' logs and the API's access log are kept: a CloudWatch Logs retention (30, 90, 365, …). */
  logRetentionDays: 30 | 90 | 180 | 365 | 731;
  /**
   * The lowest grade an auto-publish rule may name (editors approve rules at or above it; a rule is
   * never applied below it). Absent: `B/C` (DEFAULT_AUTO_PUBLISH_FLOOR in domain/briefing.ts).
   */
  autoPublishFloor?: Grade;
}

/**
 * The per-stage values an operator sets (docs/deploy.md lists them). A stage not named here
 * (a developer's own `-c stage=alice`) takes `dev`'s values. Plain data, no CDK import, so the
 * local stack reads it too (it runs with `dev`'s).
 */
export const STAGE_CONFIG = {
  dev: {
    // A web client served locally (Vite's default port).
    corsOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
    logRetentionDays: 30,
  },
  prod: {
    // Placeholders (the reserved .example domain): set the production web client's origins before the first prod deploy.
    corsOrigins: ['https://signalbriefings.example', 'https://www.signalbriefings.example'],
    email: {
      fromAddress: 'no-reply@signalbriefings.example',
      fromName: 'Signal Briefings',
      sesVerifiedDomain: 'signalbriefings.example',
      sesRegion: 'eu-west-1',
    },
    alarmSubscription: { email: 'oncall@signalbriefings.example' },
    // A year of logs: long enough to answer "what happened to this briefing" after a reader's complaint or an audit.
    logRetentionDays: 365,
    // Nothing reaches readers by rule below "Strong" in production.
    autoPublishFloor: 'A/B',
  },
} as const satisfies Record<string, StageConfig>;
