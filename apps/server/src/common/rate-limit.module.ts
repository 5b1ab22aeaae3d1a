import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';

/** Fixed-window rate limits, shared through Redis when it is configured. */
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
