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
  },
} as const satisfies Record<string, StageConfig>;
