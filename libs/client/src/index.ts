export { ZulipClient, CLIENT_VERSION } from './client';
export type { ZulipClientOptions, ZulipLogger } from './client';
export { normalizeSite, resolveConfig } from './config';
export type { ResolvedConfig, ZulipConnectionOptions } from './config';
export {
  ZulipAbortError,
  ZulipApiError,
  ZulipClientError,
  ZulipConfigError,
  ZulipNetworkError,
} from './errors';
export { isMessageEvent } from './event-loop';
export type { EventHandler, EventLoopOptions } from './event-loop';
export type { MessageContext, MessageHandler, MessageLoopOptions } from './message-loop';
export type { BackoffOptions } from './backoff';
export type { HttpMethod } from './encoding';
export type * from './types';
