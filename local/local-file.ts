/**
 * `<dataDir>/local.json`: what a running local stack exposes (API URL, engine
 * endpoints, user pool and client, demo users, seeded briefings), for people,
 * scripts (`npm run token`) and the next start (which reuses the pool, client
 * and ports recorded here).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalUser {
  key: string;
  name: string;
  email: string;
  password: string;
  groups: string[];
}

export interface LocalDetails {
  apiUrl: string;
  region: string;
  /** `lambda`: the local Lambda Invoke API (operators' functions, `npm run rescore`). */
  endpoints: {
    dynamodb: string;
    cognito: string;
    eventbridge: string;
    lambda?: string;
    /** aws-ses-v2-local: the emails sent, as a web page (its root) and JSON (`/store`). */
    ses?: string;
    /** The local SQS endpoint of the email queues (local/queues.ts). */
    sqs?: string;
  };
  userPoolId: string;
  clientId: string;
  /** The issuer tokens carry and the API's authorizer accepts. */
  jwtIssuer: string;
  tableName: string;
  busName: string;
  users: LocalUser[];
  /** Demo briefing key → briefingId, once seeded. */
  briefings: Record<string, string>;
  /** Process that runs the stack (0 once it has stopped cleanly). */
  pid: number;
  startedAt: string;
}

export function localFile(dataDir: string): string {
  return join(dataDir, 'local.json');
}

/** The recorded details, or undefined when absent or unreadable. */
export function readLocalDetails(dataDir: string): Partial<LocalDetails> | undefined {
  const file = localFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalDetails>;
  } catch {
    return undefined;
  }
}

export function writeLocalDetails(dataDir: string, details: LocalDetails): void {
  const file = localFile(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(details, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
