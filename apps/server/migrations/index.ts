import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, in order. Listed explicitly so compiled and test builds load the same set. */
export const migrations = [InitialSchema1764000000000];
