/**
 * Typed failures of the domain. They carry no HTTP knowledge: one place
 * (functions/commons/http.ts) maps them to RFC 9457 problem responses.
 */
import * as z from 'zod/mini';
import { schema } from './schema.ts';

/** One failing field of a rejected request (a 400's `errors`). */
export const FieldIssue = /* @__PURE__ */ schema(() =>
  z.object({
    pointer: z.string().check(z.describe('`#/sections/headline` for a body field, `query:limit` or `path:briefingId` for a parameter')),
    detail: z.string(),
  }),
);
export type FieldIssue = z.output<typeof FieldIssue>;

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class NotFoundError extends DomainError {}
/** The request clashes with the current state; `details` names what it clashes with. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The briefing cannot be published yet; `problems` says what is missing, `issues` names each field. */
export class IncompleteError extends DomainError {
  constructor(
    message: string,
    readonly problems: string[],
    readonly issues: Array<FieldIssue & { code: string }> = [],
  ) {
    super(message);
  }
}
