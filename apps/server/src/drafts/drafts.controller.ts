import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { CreateDraftsDto, EditDraftDto } from './dto/drafts.dto';
import { DraftsService } from './drafts.service';

function draftId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.notFound('Draft does not exist');
  return Number(raw);
}

@Controller('api/v1/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get()
  async list(@CurrentUser() user: User) {
    const drafts = await this.drafts.list(user);
    return { count: drafts.length, drafts };
  }

  @Post()
  @HttpCode(200)
  async create(@CurrentUser() user: User, @Params(CreateDraftsDto) p: CreateDraftsDto) {
    return { ids: await this.drafts.create(user, p.drafts ?? []) };
  }

  @Patch(':draft_id')
  async edit(
    @CurrentUser() user: User,
    @Param('draft_id') id: string,
    @Params(EditDraftDto) p: EditDraftDto,
  ) {
    await this.drafts.update(user, draftId(id), p.draft);
    return {};
  }

  @Delete(':draft_id')
  async remove(@CurrentUser() user: User, @Param('draft_id') id: string) {
    await this.drafts.remove(user, draftId(id));
    return {};
  }
}
