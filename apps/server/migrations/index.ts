import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { WebSessions1764500000000 } from './1764500000000-web-sessions';
import { Uploads1765200000000 } from './1765200000000-uploads';

/** Every migration, in order. Listed explicitly so compiled and test builds load the same set. */
export const migrations = [
  InitialSchema1764000000000,
  WebSessions1764500000000,
  Uploads1765200000000,
];
