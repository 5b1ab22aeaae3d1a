import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { WebSessions1764500000000 } from './1764500000000-web-sessions';
import { UserGroupSubgroups1765000000001 } from './1765000000001-user-group-subgroups';
import { Muting1765000000002 } from './1765000000002-muting';
import { Drafts1765000000003 } from './1765000000003-drafts';
import { UserStatus1765100000001 } from './1765100000001-user-status';
import { ReadReceipts1765100000002 } from './1765100000002-read-receipts';
import { Uploads1765200000000 } from './1765200000000-uploads';
import { DisplaySettings1765300000001 } from './1765300000001-display-settings';
import { ScheduledMessages1765400000001 } from './1765400000001-scheduled-messages';
import { CustomProfileFields1765400000002 } from './1765400000002-custom-profile-fields';
import { RealmPlaygrounds1765400000003 } from './1765400000003-realm-playgrounds';
import { RealmUserDefaults1765400000004 } from './1765400000004-realm-user-defaults';
import { UserSettingsColumn1765510000001 } from './1765510000001-user-settings-column';
import { SystemGroups1765510000002 } from './1765510000002-system-groups';
import { EmailChange1765510000003 } from './1765510000003-email-change';
import { WebhookDeliveries1765530000001 } from './1765530000001-webhook-deliveries';
import { BridgeHealth1765570000001 } from './1765570000001-bridge-health';
import { RealmAuthMethods1765610000001 } from './1765610000001-realm-auth-methods';
import { MissedMessageEmails1765620000001 } from './1765620000001-missed-message-emails';
import { PushDeviceTokens1765620000002 } from './1765620000002-push-device-tokens';
import { GuestUserAccess1765630000001 } from './1765630000001-guest-user-access';
import { PrivateDataExportConsent1765640000001 } from './1765640000001-private-data-export-consent';
import { BridgedUploadLinks1765680000001 } from './1765680000001-bridged-upload-links';
import { ChannelEmailTokens1765700000001 } from './1765700000001-channel-email-tokens';
import { MultiuseInvites1765710000001 } from './1765710000001-multiuse-invites';
import { PushNotifications1765720000001 } from './1765720000001-push-notifications';
import { DmGroupMembersIndex1765740000001 } from './1765740000001-dm-group-members-index';
import { MultiuseConfirmations1765760000001 } from './1765760000001-multiuse-confirmations';
import { PushUnregisterAll1765770000001 } from './1765770000001-push-unregister-all';

/** Every migration, in order. Listed explicitly so compiled and test builds load the same set. */
export const migrations = [
  InitialSchema1764000000000,
  WebSessions1764500000000,
  UserGroupSubgroups1765000000001,
  Muting1765000000002,
  Drafts1765000000003,
  UserStatus1765100000001,
  ReadReceipts1765100000002,
  Uploads1765200000000,
  DisplaySettings1765300000001,
  ScheduledMessages1765400000001,
  CustomProfileFields1765400000002,
  RealmPlaygrounds1765400000003,
  RealmUserDefaults1765400000004,
  UserSettingsColumn1765510000001,
  SystemGroups1765510000002,
  EmailChange1765510000003,
  WebhookDeliveries1765530000001,
  BridgeHealth1765570000001,
  RealmAuthMethods1765610000001,
  MissedMessageEmails1765620000001,
  PushDeviceTokens1765620000002,
  GuestUserAccess1765630000001,
  PrivateDataExportConsent1765640000001,
  BridgedUploadLinks1765680000001,
  ChannelEmailTokens1765700000001,
  MultiuseInvites1765710000001,
  PushNotifications1765720000001,
  DmGroupMembersIndex1765740000001,
  MultiuseConfirmations1765760000001,
  PushUnregisterAll1765770000001,
];
