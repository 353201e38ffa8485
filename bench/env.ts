/**
 * Imported first by run.ts, so it runs before any handler module is
 * evaluated: handlers create their logger at import, and the bench wants them
 * as quiet as the local stack's quiet mode intends (errors only) and named as
 * deployed. Logging to this process's stdout would also cost the measured
 * process CPU that Lambda spends elsewhere.
 */
process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
process.env['POWERTOOLS_SERVICE_NAME'] ??= 'signal-briefings';
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
