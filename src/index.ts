/** Public exports for npm users. Importing this registers nothing; import `parley-comments/define` for that. */
export { ParleyComments } from './parley-comments.js';
export { ParleyClient, DEFAULT_TIMEOUT_MS, type AuthTokenProvider, type ClientOptions } from './api/client.js';
export { ApiError, type ApiErrorKind } from './api/errors.js';
export { DecodeError } from './api/decode.js';
export type * from './api/types.js';
export type { ParleyEventMap, ParleyAction } from './events.js';
export type { ParleyStrings } from './i18n/en.js';
