/** The Zulip API generation we implement; clients gate features on the feature level. */
export const ZULIP_VERSION = '8.0';
export const ZULIP_FEATURE_LEVEL = 237;
export const SERVER_VERSION = '0.1.0';
