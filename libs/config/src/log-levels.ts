import type { LogLevel } from '@nestjs/common';
import type { AppConfig } from './config';

/** Nest logger levels for each LOG_LEVEL setting. */
export const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};
