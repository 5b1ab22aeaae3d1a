import { IsOptional } from 'class-validator';
import { Json } from '../../common/params';
import { USER_SETTINGS_DEFAULTS } from '../user-settings-defaults';

/**
 * Every setting of USER_SETTINGS_DEFAULTS, optional; booleans and numbers arrive JSON-encoded
 * (`true`, `2`). Declared from the catalogue so the two cannot drift apart; values are checked
 * by `checkSettings`.
 */
export class UserSettingsDefaultsDto {
  [setting: string]: unknown;
}

for (const [name, spec] of Object.entries(USER_SETTINGS_DEFAULTS)) {
  IsOptional()(UserSettingsDefaultsDto.prototype, name);
  if (typeof spec.default !== 'string') Json()(UserSettingsDefaultsDto.prototype, name);
}
