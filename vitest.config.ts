import { defineConfig } from 'vitest/config';

// The AWS SDK warns on Node 20 when a client is built; the runtime in the global setup builds many.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * Three projects: `unit` (pure, no services), `infra` (CDK synth, slow per file), and
 * `integration` (tests/integration and tests/e2e), whose global setup starts the local runtime
 * once — DynamoDB Local in memory, s3rver, the gateway, the state machines — and hands its
 * endpoints to the test workers through `provide`/`inject`.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/integration/support/global-setup.ts'],
          setupFiles: ['tests/integration/support/env-setup.ts'],
        },
      },
    ],
  },
});
