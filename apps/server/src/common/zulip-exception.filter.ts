// Shared with the webhook gateway, which answers in the same envelope.
export { ZulipExceptionFilter } from '../../../../libs/api/src/zulip-exception.filter';
