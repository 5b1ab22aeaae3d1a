// Shared with the webhook gateway, which answers in the same envelope.
export { ZulipExceptionFilter } from '@hub/api/zulip-exception.filter';
