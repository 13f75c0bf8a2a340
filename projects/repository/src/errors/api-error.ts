import { randomBytes } from 'node:crypto';

/**
 * One factory for Alfresco's error envelope. The eight-digit prefix of briefSummary mimics the
 * message number ACS puts there (day of month + a counter), so clients that parse it keep working.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorKey: string,
    message: string
  ) {
    super(message);
  }

  toEnvelope(): { error: Record<string, unknown> } {
    return {
      error: {
        errorKey: this.errorKey,
        statusCode: this.statusCode,
        briefSummary: `${messageNumber()} ${this.message}`,
        stackTrace: 'For security reasons the stack trace is no longer displayed, but the property is kept for previous versions',
        descriptionURL: 'https://api-explorer.alfresco.com',
        logId: randomBytes(4).toString('hex')
      }
    };
  }
}

let counter = 0;
function messageNumber(): string {
  counter = (counter + 1) % 1_000_000;
  const day = String(new Date().getUTCDate()).padStart(2, '0');
  return day + String(counter).padStart(6, '0');
}

export const errors = {
  invalidArgument: (message: string) => new ApiError(400, 'framework.exception.InvalidArgument', message),
  invalidProperty: (message: string) => new ApiError(400, 'framework.exception.InvalidProperty', message),
  unauthorized: (message = 'Authentication failed') => new ApiError(401, 'framework.exception.NotAuthenticated', message),
  loginFailed: () => new ApiError(403, 'framework.exception.PermissionDenied', 'Login failed'),
  permissionDenied: (message = 'Permission was denied') => new ApiError(403, 'framework.exception.PermissionDenied', message),
  notFound: (id: string) => new ApiError(404, 'framework.exception.EntityNotFound', `The entity with id: ${id} was not found`),
  relationshipNotFound: (id: string, rel: string) =>
    new ApiError(
      404,
      'framework.exception.RelationshipNotFound',
      `The relationship resource was not found for the entity with id: ${id} and a relationship id of ${rel}`
    ),
  notFoundMessage: (message: string) => new ApiError(404, 'framework.exception.EntityNotFound', message),
  methodNotAllowed: (message = 'The operation is unsupported') =>
    new ApiError(405, 'framework.exception.UnsupportedResourceOperation', message),
  conflict: (message: string) => new ApiError(409, 'framework.exception.ConstraintViolated', message),
  duplicateName: (name: string) => new ApiError(409, 'framework.exception.ConstraintViolated', `Duplicate child name not allowed: ${name}`),
  locked: (message = 'Node is locked') => new ApiError(409, 'framework.exception.ConstraintViolated', message),
  payloadTooLarge: (message: string) => new ApiError(413, 'framework.exception.RequestEntityTooLarge', message),
  unsupportedMediaType: (message: string) => new ApiError(415, 'framework.exception.UnsupportedMediaType', message),
  integrity: (message: string) => new ApiError(422, 'framework.exception.IntegrityException', message),
  internal: (message: string) => new ApiError(500, 'framework.exception.ApiDefault', message),
  notImplemented: (message: string) => new ApiError(501, 'framework.exception.NotImplemented', message)
};
