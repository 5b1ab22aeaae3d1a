import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentUser } from '../identity/identity.decorators';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { User } from '../identity/user.types';
import { LinkifierDto, ReorderLinkifiersDto } from './dto/linkifier.dto';
import { formatStringToTemplate } from './linkifier-rules';
import { LinkifiersService } from './linkifiers.service';

function templateOf(p: LinkifierDto): string {
  if (p.url_template !== undefined) return p.url_template;
  if (p.url_format_string !== undefined) return formatStringToTemplate(p.url_format_string);
  throw ZulipError.missing('url_template');
}

function filterId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.badRequest('Linkifier not found.');
  return Number(raw);
}

@Controller('api/v1/realm')
export class LinkifiersController {
  constructor(private readonly linkifiers: LinkifiersService) {}

  @Get('linkifiers')
  async list(@CurrentUser() user: User) {
    const rows = await this.linkifiers.list(user.realm_id);
    return {
      linkifiers: rows.map((r) => ({ id: r.id, pattern: r.pattern, url_template: r.url_template })),
    };
  }

  @Patch('linkifiers')
  async reorder(@CurrentUser() user: User, @Params(ReorderLinkifiersDto) p: ReorderLinkifiersDto) {
    await this.linkifiers.reorder(user.realm_id, p.ordered_linkifier_ids, user);
    return {};
  }

  /** The pre-4.0 listing: `[pattern, url, id]` triples. */
  @Get('filters')
  async legacyList(@CurrentUser() user: User) {
    const rows = await this.linkifiers.list(user.realm_id);
    return { filters: rows.map((r) => [r.pattern, r.url_template, r.id]) };
  }

  @Post('filters')
  @HttpCode(200)
  async add(@CurrentUser() user: User, @Params(LinkifierDto) p: LinkifierDto) {
    const row = await this.linkifiers.add(user.realm_id, p.pattern, templateOf(p), user);
    return { id: row.id };
  }

  @Patch('filters/:filter_id')
  async update(
    @CurrentUser() user: User,
    @Param('filter_id') id: string,
    @Params(LinkifierDto) p: LinkifierDto,
  ) {
    await this.linkifiers.update(user.realm_id, filterId(id), p.pattern, templateOf(p), user);
    return {};
  }

  @Delete('filters/:filter_id')
  async remove(@CurrentUser() user: User, @Param('filter_id') id: string) {
    await this.linkifiers.remove(user.realm_id, filterId(id), user);
    return {};
  }
}
