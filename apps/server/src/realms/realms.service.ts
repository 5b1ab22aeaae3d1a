import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from './realm.types';
import { RealmsRepository } from './realms.repository';

const SUBDOMAIN = /^([a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?)?$/;

@Injectable()
export class RealmsService {
  constructor(
    private readonly realms: RealmsRepository,
    private readonly db: Database,
  ) {}

  /** Creates a realm with Zulip's starting stream, `general`, as its default stream. */
  async createRealm(subdomain: string, name: string, description = ''): Promise<Realm> {
    const stringId = subdomain.toLowerCase();
    if (!SUBDOMAIN.test(stringId)) {
      throw ZulipError.badRequest('Subdomains may use only letters, digits and inner hyphens.');
    }
    if (!name.trim()) throw ZulipError.badRequest('The organization needs a name.');
    return this.db.transaction(async () => {
      if (await this.realms.findBySubdomain(stringId)) {
        throw ZulipError.badRequest(`Subdomain "${stringId}" is already in use.`);
      }
      const realm = await this.realms.create({
        string_id: stringId,
        name: name.trim(),
        description,
      });
      await this.realms.createStartingStream(
        realm.id,
        'general',
        'Everyone is added to this channel by default.',
      );
      return realm;
    });
  }
}
