/** Bounds that keep rendering cheap on hostile input. The server caps content at 10000 chars. */
export const MAX_INPUT_CHARS = 20_000;
/** Blockquotes, lists, quote and spoiler blocks nested deeper than this render as text. */
export const MAX_BLOCK_NESTING = 10;
/** Emphasis, strikethrough and link text nested deeper than this render as text. */
export const MAX_INLINE_NESTING = 10;
/** Linkifier matches turned into links per message (all linkifiers together). */
export const MAX_LINKIFIER_MATCHES = 100;
/** Emphasis, strikethrough, code spans, links and line breaks per message; more render as text. */
export const MAX_INLINE_SPANS = 1000;
/** All linkifier matching for one message must finish within this, or nothing is linkified. */
export const LINKIFIER_TIME_BUDGET_MS = 50;
/** Inline image previews per message. */
export const MAX_INLINE_IMAGES = 20;
