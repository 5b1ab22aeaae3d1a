import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches } from '../database/lookup-caches';
import { EditableRealmSetting, Realm, RealmDomain } from './realm.types';

const REALMS_BY_SUBDOMAIN = 'realms-by-subdomain';

@Injectable()
export class RealmsRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /** Every request resolves its Host: served from a cache kept coherent by LookupCaches. */
  findBySubdomain(subdomain: string): Promise<Realm | undefined> {
    const load = () => this.db.one<Realm>('SELECT * FROM realms WHERE string_id = $1', [subdomain]);
    return this.caches.get(REALMS_BY_SUBDOMAIN, subdomain, load);
  }

  /** The cached realm for `subdomain` (read-only), or undefined when it would have to be read. */
  cachedBySubdomain(subdomain: string): Readonly<Realm> | undefined {
    return this.caches.peek<Realm>(REALMS_BY_SUBDOMAIN, subdomain);
  }

  findById(id: number): Promise<Realm | undefined> {
    return this.db.one<Realm>('SELECT * FROM realms WHERE id = $1', [id]);
  }

  list(): Promise<Realm[]> {
    return this.db.rows<Realm>('SELECT * FROM realms ORDER BY id');
  }

  async create(fields: { string_id: string; name: string; description?: string }): Promise<Realm> {
    const rows = await this.db.rows<Realm>(
      `INSERT INTO realms (string_id, name, description) VALUES ($1, $2, $3) RETURNING *`,
      [fields.string_id, fields.name, fields.description ?? ''],
    );
    return rows[0];
  }

  async update(
    id: number,
    changes: Partial<Pick<Realm, EditableRealmSetting | 'deactivated' | 'authentication_methods'>>,
  ): Promise<Realm> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return (await this.findById(id)) as Realm;
    // Column names come from the EditableRealmSetting type, never from the request.
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    const rows = await this.db.rows<Realm>(`UPDATE realms SET ${sets} WHERE id = $1 RETURNING *`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
    await this.caches.invalidate(REALMS_BY_SUBDOMAIN);
    return rows[0];
  }

  domains(realmId: number): Promise<RealmDomain[]> {
    return this.db.rows<RealmDomain>(
      'SELECT * FROM realm_domains WHERE realm_id = $1 ORDER BY domain',
      [realmId],
    );
  }

  async addDomain(realmId: number, domain: string, allowSubdomains: boolean): Promise<RealmDomain> {
    const rows = await this.db.rows<RealmDomain>(
      `INSERT INTO realm_domains (realm_id, domain, allow_subdomains) VALUES ($1, $2, $3)
       ON CONFLICT (realm_id, domain) DO UPDATE SET allow_subdomains = EXCLUDED.allow_subdomains
       RETURNING *`,
      [realmId, domain.toLowerCase(), allowSubdomains],
    );
    return rows[0];
  }

  async setAllowSubdomains(
    realmId: number,
    domain: string,
    allowSubdomains: boolean,
  ): Promise<boolean> {
    return (
      (await this.db.execute(
        'UPDATE realm_domains SET allow_subdomains = $3 WHERE realm_id = $1 AND domain = $2',
        [realmId, domain.toLowerCase(), allowSubdomains],
      )) > 0
    );
  }

  async removeDomain(realmId: number, domain: string): Promise<boolean> {
    return (
      (await this.db.execute('DELETE FROM realm_domains WHERE realm_id = $1 AND domain = $2', [
        realmId,
        domain.toLowerCase(),
      ])) > 0
    );
  }
}
