/**
 * Named domain errors. Use cases throw them; `api-handler.ts` maps them to HTTP in one place.
 * Step Functions tasks let them propagate so Retry and Catch fire.
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `members.0.residentId`. */
  readonly path: string;
  /** zh-CN message. */
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    /** zh-CN message, shown to users. */
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly status = 400;
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly issues: readonly FieldIssue[],
    message = '请求数据校验未通过',
  ) {
    super(message);
  }
}

export class Unauthenticated extends DomainError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
  constructor(message = '未登录或登录已过期') {
    super(message);
  }
}

/** The role may not use this operation at all. Out-of-scope *records* are NotFound, never Forbidden. */
export class Forbidden extends DomainError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
  constructor(message = '当前角色无权执行此操作') {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  constructor(message = '记录不存在或不在您的管辖范围内') {
    super(message);
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'CONFLICT', details?: Record<string, unknown>) {
    super(message, details);
    this.code = code;
  }
}
