/** The SES v2 client, created once per execution environment (locally `AWS_ENDPOINT_URL_SESV2` points it at aws-ses-v2-local). */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { traced } from './tracer.ts';

export const ses = traced(new SESv2Client({}));
