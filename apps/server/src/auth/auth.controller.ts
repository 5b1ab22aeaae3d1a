import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';
import { Params } from '../common/params';
import { SERVER_VERSION, ZULIP_FEATURE_LEVEL, ZULIP_VERSION } from '../common/version';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { AuthedRequest, CurrentRealm, Public } from '../identity/identity.decorators';
import { AuthService } from './auth.service';
import { realmAuthMethods } from '../realms/auth-methods';
import { DevFetchApiKeyDto, FetchApiKeyDto } from './dto/fetch-api-key.dto';

@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resolver: RealmResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('fetch_api_key')
  @HttpCode(200)
  async fetchApiKey(
    @CurrentRealm() realm: Realm,
    @Params(FetchApiKeyDto) p: FetchApiKeyDto,
    @Req() req: AuthedRequest,
  ) {
    const user = await this.auth.fetchApiKey(realm, p.username, p.password, req.ip ?? 'unknown');
    return { api_key: user.api_key, email: user.email, user_id: user.id };
  }

  @Public()
  @Post('dev_fetch_api_key')
  @HttpCode(200)
  async devFetchApiKey(
    @CurrentRealm() realm: Realm,
    @Params(DevFetchApiKeyDto) p: DevFetchApiKeyDto,
  ) {
    const user = await this.auth.devFetchApiKey(realm, p.username);
    return { api_key: user.api_key, email: user.email, user_id: user.id };
  }

  @Public()
  @Get('server_settings')
  serverSettings(@CurrentRealm() realm: Realm) {
    const url = this.resolver.realmUrl(realm);
    const methods = realmAuthMethods(realm, this.config);
    return {
      authentication_methods: {
        password: methods.Email,
        dev: methods.Dev,
        email: methods.Email,
        ldap: false,
        remoteuser: methods.RemoteUser,
        github: false,
        azuread: false,
        gitlab: false,
        apple: false,
        google: false,
        saml: false,
        'openid connect': methods['OpenID Connect'],
      },
      external_authentication_methods: [],
      zulip_version: ZULIP_VERSION,
      zulip_merge_base: ZULIP_VERSION,
      zulip_feature_level: ZULIP_FEATURE_LEVEL,
      server_version: SERVER_VERSION,
      push_notifications_enabled: this.config.push !== undefined,
      is_incompatible: false,
      email_auth_enabled: methods.Email,
      require_email_format_usernames: true,
      realm_uri: url,
      realm_url: url,
      realm_name: realm.name,
      realm_icon: `${url}/static/images/logo.svg`,
      realm_description: realm.description,
      realm_web_public_access_enabled: false,
    };
  }
}
