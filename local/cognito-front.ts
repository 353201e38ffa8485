/**
 * The Cognito endpoint the handlers talk to locally: a pass-through to
 * cognito-local for everything it implements, plus the one admin call the
 * membership functions need that it lacks, AdminUserGlobalSignOut (cognito-local
 * answers it with a 500 "unsupported"). Here that call checks the user exists
 * (via cognito-local's AdminGetUser, so a missing user is the same
 * UserNotFoundException) and is recorded for tests; it does not revoke
 * cognito-local's refresh tokens, which cognito-local offers no way to do.
 *
 * It also runs group membership changes one at a time: cognito-local stores a
 * group's members on the group and updates them read-modify-write, so two
 * concurrent adds (the group sync and a test creating a user) could lose one.
 * Cognito itself has no such race.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readBody } from './http-body.ts';
import type { Log } from './log.ts';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY_BYTES = 1024 * 1024;
const SERIALIZED_TARGETS = new Set(['AdminAddUserToGroup', 'AdminRemoveUserFromGroup'].map((t) => `${TARGET_PREFIX}${t}`));

/** A global sign-out the local stack answered. */
export interface GlobalSignOut {
  userPoolId: string;
  username: string;
  at: string;
}

export class LocalCognitoFront {
  readonly globalSignOuts: GlobalSignOut[] = [];
  private server: Server | undefined;
  private port = 0;
  private membershipQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: { upstream: string; log: Log }) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    ({ server: this.server, port: this.port } = await listenOnLoopback((req, res) => this.handle(req, res), port));
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target === `${TARGET_PREFIX}AdminUserGlobalSignOut`) return await this.globalSignOut(req, body, res);
      if (SERIALIZED_TARGETS.has(target)) {
        const next = this.membershipQueue.then(() => this.forward(req, body).then((upstream) => relay(upstream, res)));
        this.membershipQueue = next.catch(() => undefined);
        return await next;
      }
      const upstream = await this.forward(req, body);
      await relay(upstream, res);
    } catch (error) {
      this.opts.log.error('local Cognito endpoint error', error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'InternalErrorException', message: 'local Cognito endpoint error' }));
      }
    }
  }

  private forward(req: IncomingMessage, body: Buffer, target?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'content-length', 'connection'].includes(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    if (target) headers['x-amz-target'] = `${TARGET_PREFIX}${target}`;
    return fetch(`${this.opts.upstream}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, ...(body.length ? { body } : {}) });
  }

  private async globalSignOut(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const input = JSON.parse(body.toString('utf8') || '{}') as { UserPoolId?: string; Username?: string };
    const check = await this.forward(req, Buffer.from(JSON.stringify({ UserPoolId: input.UserPoolId, Username: input.Username })), 'AdminGetUser');
    if (!check.ok) return relay(check, res);
    this.globalSignOuts.push({ userPoolId: input.UserPoolId ?? '', username: input.Username ?? '', at: new Date().toISOString() });
    if (this.globalSignOuts.length > 200) this.globalSignOuts.shift();
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end('{}');
  }
}

async function relay(upstream: Response, res: ServerResponse): Promise<void> {
  const payload = Buffer.from(await upstream.arrayBuffer());
  const headers: Record<string, string> = { 'content-length': String(payload.length) };
  upstream.headers.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) headers[name] = value;
  });
  res.writeHead(upstream.status, headers);
  res.end(payload);
}
