/**
 * The Powertools tracer for the API functions, in their bundles only when the
 * deployment asks for it (`cdk deploy -c apiTracing=true`; functions/commons/http.ts
 * imports this module behind a constant esbuild sets). Like the consumers': a
 * `## <handler>` subsegment per request with cold-start and service
 * annotations and any error, and one subsegment per DynamoDB call.
 */
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { ddb } from './clients/dynamodb.ts';
import { traced, tracer } from './clients/tracer.ts';

traced(ddb);

/** Records the request; the response body is not recorded (it may carry gated sections). */
export const tracingMiddleware = () => captureLambdaHandler(tracer, { captureResponse: false });
