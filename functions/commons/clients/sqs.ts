/** The SQS client, created once per execution environment (locally `AWS_ENDPOINT_URL_SQS` points it at the local queues). */
import { SQSClient } from '@aws-sdk/client-sqs';
import { traced } from './tracer.ts';

export const sqs = traced(new SQSClient({}));
