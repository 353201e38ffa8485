/** What an operator configures per stage (infra/stage.ts turns it into StageSettings). */
export interface StageConfig {
  /**
   * Web origins whose browsers may call the API (`https://app.example.com`, no path, no trailing slash).
   * API Gateway answers their preflight; any other origin gets no CORS headers, so its browser refuses.
   */
  corsOrigins: readonly string[];
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
  },
} as const satisfies Record<string, StageConfig>;
