import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { WebSessions1764500000000 } from './1764500000000-web-sessions';
import { DisplaySettings1765300000001 } from './1765300000001-display-settings';

/** Every migration, in order. Listed explicitly so compiled and test builds load the same set. */
export const migrations = [
  InitialSchema1764000000000,
  WebSessions1764500000000,
  DisplaySettings1765300000001,
];
