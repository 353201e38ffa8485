/**
 * Typed failures of the domain. They carry no HTTP knowledge: one place
 * (functions/commons/http.ts) maps them to RFC 9457 problem responses.
 */
export interface FieldIssue {
  /** JSON pointer to the failing field, e.g. `#/sections/headline`. */
  pointer: string;
  detail: string;
}

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
