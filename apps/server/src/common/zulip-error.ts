// The error type lives in libs/api because the webhook gateway answers in the same envelope.
export { ZulipError } from '@hub/api/zulip-error';
