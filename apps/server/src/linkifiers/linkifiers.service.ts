import { Injectable, Logger } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { isAdmin, User } from '../identity/user.types';
import { CompiledLinkifier, compileLinkifier, LinkifierError } from './linkifier-rules';
import type { RealmFilter } from './linkifier.types';
import { LinkifiersRepository } from './linkifiers.repository';

/** Realm linkifiers: validated on the way in, compiled for the Markdown renderer on the way out. */
@Injectable()
export class LinkifiersService {
  private readonly logger = new Logger('Linkifiers');

  constructor(
    private readonly linkifiers: LinkifiersRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  list(realmId: number): Promise<RealmFilter[]> {
    return this.linkifiers.list(realmId);
  }

  /** The realm's linkifiers as safe RegExps, in order, for rendering messages. */
  async compiled(realmId: number): Promise<CompiledLinkifier[]> {
    const compiled: CompiledLinkifier[] = [];
    for (const row of await this.linkifiers.list(realmId)) {
      try {
        compiled.push(compileLinkifier(row.pattern, row.url_template));
      } catch (e) {
        // Rows were validated when stored; one that no longer compiles is skipped, not fatal.
        this.logger.warn(`Skipping linkifier ${row.id}: ${(e as Error).message}`);
      }
    }
    return compiled;
  }

  /** For the API (admins) and the CLI (`actor` omitted). */
  async add(realmId: number, pattern: string, urlTemplate: string, actor?: User) {
    this.requireAdmin(actor);
    this.validate(pattern, urlTemplate);
    if (await this.linkifiers.exists(realmId, pattern, null)) {
      throw ZulipError.badRequest('Linkifier with this pattern already exists.');
    }
    const created = await this.linkifiers.create(realmId, pattern, urlTemplate);
    await this.publishList(realmId);
    return created;
  }

  async update(realmId: number, id: number, pattern: string, urlTemplate: string, actor?: User) {
    this.requireAdmin(actor);
    this.validate(pattern, urlTemplate);
    if (await this.linkifiers.exists(realmId, pattern, id)) {
      throw ZulipError.badRequest('Linkifier with this pattern already exists.');
    }
    if (!(await this.linkifiers.update(realmId, id, pattern, urlTemplate))) throw notFound();
    await this.publishList(realmId);
  }

  async remove(realmId: number, id: number, actor?: User): Promise<void> {
    this.requireAdmin(actor);
    if (!(await this.linkifiers.remove(realmId, id))) throw notFound();
    await this.publishList(realmId);
  }

  /**
   * `PATCH /realm/linkifiers`: the order linkifiers apply in (the first match wins), given as
   * every linkifier's id exactly once.
   */
  async reorder(realmId: number, orderedIds: number[], actor: User): Promise<void> {
    this.requireAdmin(actor);
    if (new Set(orderedIds).size !== orderedIds.length) {
      throw ZulipError.badRequest('The ordered list must not contain duplicated linkifiers');
    }
    await this.db.transaction(async () => {
      const existing = new Set((await this.linkifiers.list(realmId)).map((r) => r.id));
      if (existing.size !== orderedIds.length || !orderedIds.every((id) => existing.has(id))) {
        throw ZulipError.badRequest(
          'The ordered list must enumerate all existing linkifiers exactly once',
        );
      }
      await this.linkifiers.reorder(realmId, orderedIds);
      await this.publishList(realmId);
    });
  }

  /** Clients replace their whole list on `realm_linkifiers`, so every change sends all of it. */
  private async publishList(realmId: number): Promise<void> {
    const rows = await this.linkifiers.list(realmId);
    await this.events.toRealm(realmId, {
      type: 'realm_linkifiers',
      realm_linkifiers: rows.map((r) => ({
        id: r.id,
        pattern: r.pattern,
        url_template: r.url_template,
      })),
    });
    await this.events.toRealm(realmId, {
      type: 'realm_filters',
      realm_filters: rows.map((r) => [r.pattern, r.url_template, r.id]),
    });
  }

  private validate(pattern: string, urlTemplate: string): void {
    try {
      compileLinkifier(pattern, urlTemplate);
    } catch (e) {
      if (e instanceof LinkifierError) throw ZulipError.badRequest(e.message);
      throw e;
    }
  }

  private requireAdmin(actor: User | undefined): void {
    if (actor && !isAdmin(actor)) {
      throw new ZulipError('UNAUTHORIZED_PRINCIPAL', 'Must be an organization administrator', 400);
    }
  }
}

function notFound(): ZulipError {
  return ZulipError.badRequest('Linkifier not found.');
}
