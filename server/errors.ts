// Every refusal the API makes is an ApiError: a status, a stable code for programs and a
// message for people. Anything else thrown is a bug and leaves the server as `500 internal`.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const unauthenticated = (message = 'Sign in to continue.'): ApiError => new ApiError(401, 'unauthenticated', message);

export const commentNotFound = (): ApiError => new ApiError(404, 'comment_not_found', 'That comment does not exist or is no longer available.');

export const invalidLimit = (): ApiError => new ApiError(400, 'invalid_limit', 'limit must be an integer from 1 to 100.');
