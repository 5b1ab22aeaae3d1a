import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

/** Liveness and readiness for load balancers and monitoring (`/health`). */
@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
