import { attributeBackgroundQueries } from '../apps/server/src/database/query-counter';

// Settings every end-to-end suite shares: quiet logs and a cheap password hash.
process.env.PASSWORD_HASH_ITERATIONS ??= '1000';
process.env.LOG_LEVEL ??= 'error';
// Statement counts (QueryCounter.measure) leave out background work from the servers' start.
attributeBackgroundQueries();
