// Settings every end-to-end suite shares: quiet logs and a cheap password hash.
process.env.PASSWORD_HASH_ITERATIONS ??= '1000';
process.env.LOG_LEVEL ??= 'error';
