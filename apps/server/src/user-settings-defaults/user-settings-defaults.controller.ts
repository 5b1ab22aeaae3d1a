import { Controller, Patch } from '@nestjs/common';
import { Params } from '../common/params';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { UserSettingsDefaultsDto } from './dto/user-settings-defaults.dto';
import { UserSettingsDefaultsService } from './user-settings-defaults.service';

@Controller('api/v1/realm/user_settings_defaults')
export class UserSettingsDefaultsController {
  constructor(private readonly defaults: UserSettingsDefaultsService) {}

  @Patch()
  async update(
    @CurrentUser() user: User,
    @Params(UserSettingsDefaultsDto) p: UserSettingsDefaultsDto,
  ) {
    await this.defaults.update(user, { ...p });
    return {};
  }
}
