import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, ErrorCode, isDomainError } from '@coord/kernel';
import { LOGGER } from '../infrastructure/tokens';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  STALE_READ: 503,
  INTERNAL: 500,
};

/** Extra detail an error may carry for a REST client, e.g. the rejected rows of an import. */
export class DomainErrorWithDetails extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(code, message);
  }
}

/** REST endpoints answer errors with the same codes as GraphQL: `{ error: { code, message, … } }`. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    // GraphQL errors are formatted by Apollo (error-format.ts); hand them back untouched.
    if (host.getType<string>() !== 'http') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (isDomainError(exception)) {
      response.status(STATUS[exception.code]).json({
        error: {
          code: exception.code,
          message: exception.message,
          ...(exception.details.field ? { field: exception.details.field } : {}),
          ...(exception.details.reason ? { reason: exception.details.reason } : {}),
          ...(exception instanceof DomainErrorWithDetails ? exception.body : {}),
        },
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 || status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL';
      response.status(status).json({ error: { code, message: status < 500 ? exception.message : 'internal error' } });
      return;
    }
    this.logger.error({ err: exception }, 'unexpected error in an HTTP request');
    response.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  }
}
