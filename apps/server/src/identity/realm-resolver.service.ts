import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from './realm.types';
import { RealmsRepository } from './realms.repository';

/** Maps a request's Host header to a realm: `<subdomain>.<ROOT_DOMAIN>`, or the root realm. */
@Injectable()
export class RealmResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly realms: RealmsRepository,
  ) {}

  /** Hosts already mapped (a handful per installation, sent with every request). */
  private readonly subdomains = new Map<string, string>();

  subdomainOf(host: string | undefined): string {
    const key = host ?? '';
    let subdomain = this.subdomains.get(key);
    if (subdomain === undefined) {
      subdomain = this.mapHost(key);
      if (this.subdomains.size >= 1000) this.subdomains.clear();
      this.subdomains.set(key, subdomain);
    }
    return subdomain;
  }

  private mapHost(host: string): string {
    const hostname = host
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '')
      .toLowerCase();
    const root = this.config.rootDomain;
    if (hostname.endsWith(`.${root}`)) return hostname.slice(0, -(root.length + 1));
    return '';
  }

  async resolve(host: string | undefined): Promise<Realm> {
    const subdomain = this.subdomainOf(host);
    const realm = await this.realms.findBySubdomain(subdomain);
    if (!realm) {
      throw new ZulipError(
        'NONEXISTENT_SUBDOMAIN',
        subdomain
          ? `There is no organization at ${subdomain}.${this.config.rootDomain}`
          : 'No organization exists yet',
        404,
      );
    }
    return realm;
  }

  /** `resolve` answered from the cache alone: undefined when the realm would have to be read. */
  resolveCached(host: string | undefined): Readonly<Realm> | undefined {
    return this.realms.cachedBySubdomain(this.subdomainOf(host));
  }

  realmUrl(realm: Pick<Realm, 'string_id'>): string {
    const host = realm.string_id
      ? `${realm.string_id}.${this.config.externalHost}`
      : this.config.externalHost;
    return `http://${host}`;
  }
}
