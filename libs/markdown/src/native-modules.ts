import type * as MarkedModule from 'marked';
import type * as PurifyModule from 'isomorphic-dompurify';
import { esmRequire } from '@hub/esm';

/** marked and jsdom (under isomorphic-dompurify) are ES modules: see esmRequire. */
export const markedModule = esmRequire<typeof MarkedModule>('marked');
export const purifyModule = esmRequire<typeof PurifyModule>('isomorphic-dompurify');
