import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RawResponse } from '../common/envelope.interceptor';
import { ServerWide } from '../identity/identity.decorators';
import { HealthService } from './health.service';

/**
 * `GET /health`: readiness (200 when the database, its schema and Redis are fine, else 503 with
 * the failing checks); `GET /health/live`: liveness (the process serves requests). No
 * authentication, no realm: monitoring calls these by address. Never cached.
 */
@ServerWide()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  async ready(@Res() res: Response): Promise<RawResponse> {
    const { ready, checks } = await this.health.readiness();
    res.setHeader('Cache-Control', 'no-store');
    res.status(ready ? 200 : 503).json({
      result: ready ? 'success' : 'error',
      msg: ready ? '' : `Not ready: ${failing(checks).join(', ')}`,
      status: ready ? 'ready' : 'unavailable',
      checks,
    });
    return new RawResponse();
  }

  @Get('live')
  live(@Res() res: Response): RawResponse {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ result: 'success', msg: '', status: 'alive', uptime_seconds: process.uptime() });
    return new RawResponse();
  }
}

function failing(checks: Record<string, { ok: boolean } | string>): string[] {
  return Object.entries(checks)
    .filter(([, check]) => typeof check !== 'string' && !check.ok)
    .map(([name]) => name);
}
