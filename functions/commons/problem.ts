/**
 * The one place where failures become HTTP: RFC 9457 `application/problem+json`.
 * Domain errors map to their status; anything else is a 500 whose body says
 * nothing about internals.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  IncompleteError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '#domain/errors.ts';

/** An HTTP-level failure that is not a domain concept (size, media type, method). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

export function problem(
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extensions }),
  };
}

/** Zod issues as field paths: JSON pointers into the body, names for parameters. */
export function issuesOf(error: z.core.$ZodError, where: 'body' | 'query' | 'path'): FieldIssue[] {
  const pointer = (path: PropertyKey[]) => (where === 'body' ? `#/${path.join('/')}` : `${where}:${path.join('.')}`);
  // zod reports unknown keys once, at their parent; each is named, so the pointer says which one to drop.
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: pointer([...issue.path, key]), detail: `unknown ${where === 'body' ? 'field' : 'parameter'} "${key}"` }))
      : [{ pointer: pointer(issue.path), detail: issue.message }],
  );
}

export function problemFor(error: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (error instanceof ValidationError) return problem(400, error.message, { errors: error.issues });
  if (error instanceof UnauthorizedError) return problem(401, error.message, {}, { 'www-authenticate': 'Bearer' });
  if (error instanceof ForbiddenError) return problem(403, error.message);
  if (error instanceof NotFoundError) return problem(404, error.message);
  if (error instanceof ConflictError) return problem(409, error.message, error.details);
  if (error instanceof IncompleteError) return problem(422, error.message, { problems: error.problems, issues: error.issues });
  if (error instanceof HttpError) return problem(error.status, error.message, {}, error.headers);
  return undefined;
}

export const internalError = () => problem(500, 'The request could not be completed. It has been logged; try again later.');
