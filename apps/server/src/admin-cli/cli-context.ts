import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@hub/config';
import { AppModule } from '../app.module';
import { ZulipError } from '../common/zulip-error';
import { RealmsRepository } from '../identity/realms.repository';
import type { Realm } from '../identity/realm.types';
import { UsersService } from '../users/users.service';
import type { User } from '../identity/user.types';

/** A failure the CLI reports as one line on stderr with exit status 1. */
export class CliError extends Error {}

/**
 * What every command gets: the server's services (booted lazily, without HTTP, so `--help` is
 * instant) and a printer that honours `--json`.
 */
export class CliContext {
  private app?: INestApplicationContext;

  constructor(
    readonly config: AppConfig,
    private readonly out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  async get<T>(type: Type<T>): Promise<T> {
    this.app ??= await NestFactory.createApplicationContext(AppModule.forRoot(this.config), {
      logger: ['fatal', 'error'],
    });
    return this.app.get(type, { strict: false });
  }

  async close(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  /** Prints `data` as JSON with --json, else the human lines. */
  print(json: boolean, data: unknown, human: string | string[]): void {
    if (json) this.out(JSON.stringify(data, null, 2));
    else for (const line of Array.isArray(human) ? human : [human]) this.out(line);
  }

  async realm(subdomain: string | undefined): Promise<Realm> {
    const realms = await this.get(RealmsRepository);
    const realm = await realms.findBySubdomain((subdomain ?? '').toLowerCase());
    if (!realm) {
      throw new CliError(
        subdomain
          ? `There is no realm with subdomain "${subdomain}" (see list-realms)`
          : 'There is no default realm yet (start the server once, or run create-realm)',
      );
    }
    return realm;
  }

  async user(realm: Realm, emailOrId: string): Promise<User> {
    return (await this.get(UsersService)).findInRealm(realm, emailOrId);
  }
}

/** Turns the errors services throw into the one line a CLI user sees. */
export function describeError(err: unknown): string {
  if (err instanceof CliError || err instanceof ZulipError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
