/**
 * Environment for handler unit tests (a vitest setup file, so it runs before
 * handler modules create their clients and logger). Integration tests start
 * the local stack, which sets its own values.
 */
process.env['TABLE_NAME'] ??= 'briefings-test';
process.env['EVENT_BUS_NAME'] ??= 'bus-test';
process.env['JWT_ISSUER'] ??= 'http://127.0.0.1:1/unit-test-pool';
process.env['JWT_AUDIENCE'] ??= 'unit-test-client';
process.env['USER_POOL_ID'] ??= 'eu-west-1_unittest';
process.env['CURSOR_SIGNING_KEY'] ??= 'unit-test-cursor-signing-key-0123456789abcdef';
process.env['AWS_REGION'] ??= 'eu-west-1';
process.env['AWS_ACCESS_KEY_ID'] ??= 'test';
process.env['AWS_SECRET_ACCESS_KEY'] ??= 'test';
process.env['POWERTOOLS_LOG_LEVEL'] ??= 'SILENT';
// No EMF lines on stdout; a test that checks them enables the instance itself (metrics.setDisabled is per instance).
process.env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
// No X-Ray segments: the consumers' and the relay's tracer leaves their clients and handlers as they are.
process.env['POWERTOOLS_TRACE_ENABLED'] ??= 'false';
