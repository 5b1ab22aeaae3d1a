import { useEffect, useRef } from 'react';
import { store, useSlices } from '../../store';
import { closeOverlay, type Overlay } from '../../ui';
import { Bots } from './Bots';
import { Linkifiers } from './Linkifiers';
import { OrganizationSettings, Streams, Users } from './Organization';
import { Account, Display, Profile } from './Personal';
import { AlertWords } from './AlertWords';
import { AuthMethods } from './AuthMethods';
import { AvatarUpload } from './Avatar';
import { CustomEmoji } from './CustomEmoji';
import { DefaultStreams } from './DefaultStreams';
import { Invitations } from './Invitations';
import { MutedTopics, MutedUsers } from './Muted';
import { Notifications } from './Notifications';
import { ProfileFields } from './ProfileFields';
import { Status } from './Status';
import { UserGroups } from './UserGroups';
import './settings.css';

interface Section {
  id: string;
  label: string;
  view: () => React.ReactNode;
}

const PERSONAL: Section[] = [
  {
    id: 'profile',
    label: 'Profile',
    view: () => (
      <>
        <Profile />
        <AvatarUpload />
      </>
    ),
  },
  { id: 'status', label: 'Status', view: () => <Status /> },
  { id: 'account-and-privacy', label: 'Account & privacy', view: () => <Account /> },
  { id: 'preferences', label: 'Display', view: () => <Display /> },
  { id: 'notifications', label: 'Notifications', view: () => <Notifications /> },
  { id: 'your-bots', label: 'Bots', view: () => <Bots /> },
  { id: 'alert-words', label: 'Alert words', view: () => <AlertWords /> },
  { id: 'muted-topics', label: 'Muted topics', view: () => <MutedTopics /> },
  { id: 'muted-users', label: 'Muted users', view: () => <MutedUsers /> },
];

const ORGANIZATION: Section[] = [
  {
    id: 'organization-settings',
    label: 'Organization settings',
    view: () => <OrganizationSettings />,
  },
  { id: 'users', label: 'Users', view: () => <Users /> },
  { id: 'streams', label: 'Streams', view: () => <Streams /> },
  { id: 'linkifier-settings', label: 'Linkifiers', view: () => <Linkifiers /> },
  { id: 'invites-list', label: 'Invitations', view: () => <Invitations /> },
  { id: 'default-streams-list', label: 'Default streams', view: () => <DefaultStreams /> },
  { id: 'emoji-settings', label: 'Custom emoji', view: () => <CustomEmoji /> },
  { id: 'user-groups-admin', label: 'User groups', view: () => <UserGroups /> },
  { id: 'profile-field-settings', label: 'Custom profile fields', view: () => <ProfileFields /> },
  { id: 'auth-methods', label: 'Authentication methods', view: () => <AuthMethods /> },
];

function NavGroup({
  title,
  area,
  sections,
  current,
}: {
  title: string;
  area: Overlay['area'];
  sections: Section[];
  current: string | null;
}) {
  return (
    <>
      <h2>{title}</h2>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${area}/${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The settings overlay: personal settings and, for administrators, the organization's. */
export default function Settings({ area, section }: Overlay) {
  useSlices('realm');
  const heading = useRef<HTMLHeadingElement>(null);
  const admin = store.self.is_admin;
  const sections = area === 'settings' ? PERSONAL : ORGANIZATION;
  const current = sections.find((s) => s.id === section) ?? sections[0];
  useEffect(() => heading.current?.focus(), [area, current.id]);
  return (
    <div
      className="settings-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="settings-title"
    >
      <div className="settings-head">
        <h1 id="settings-title">
          {area === 'settings' ? 'Personal settings' : 'Organization administration'}
        </h1>
        <button className="icon-button" aria-label="Close settings" onClick={closeOverlay}>
          ×
        </button>
      </div>
      <div className="settings-body">
        <nav aria-label="Settings sections" className="settings-nav">
          <NavGroup
            title="Personal"
            area="settings"
            sections={PERSONAL}
            current={area === 'settings' ? current.id : null}
          />
          {admin && (
            <NavGroup
              title="Organization"
              area="organization"
              sections={ORGANIZATION}
              current={area === 'organization' ? current.id : null}
            />
          )}
        </nav>
        <section className="settings-content" aria-labelledby="settings-section-title">
          <h2 id="settings-section-title" ref={heading} tabIndex={-1}>
            {current.label}
          </h2>
          {area === 'organization' && !admin ? (
            <p className="form-error" role="alert">
              Only organization administrators and owners can open these pages.
            </p>
          ) : (
            current.view()
          )}
        </section>
      </div>
    </div>
  );
}
