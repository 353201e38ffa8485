import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/unit-env.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Synth (esbuild per function) and the local engines need more than the 5 s default. These are
    // deadlines against a hang, not speed figures: generous enough for a machine with every core busy
    // (the slowest test takes about 13 s under `stress-ng --cpu 2`). Event waits end at 90 s (local/).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
  },
});
