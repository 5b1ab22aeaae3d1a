import { FixtureCase, sharedSuite } from '../core/testing';
import { sonarrIntegration } from './sonarr.handler';

/** What each captured payload in ../shared/fixtures/webhooks/sonarr posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  [
    'sonarr_episode_deleted.json',
    'EpisodeFileDelete',
    { topic: 'Breaking Bad', body: 'Breaking Bad - 1x1 - Pilot has been deleted.' },
  ],
  [
    'sonarr_episode_deleted_upgrade.json',
    'EpisodeFileDelete',
    {
      topic: 'S.W.A.T. (2017)',
      body: 'S.W.A.T. (2017) - 4x10 - Buried has been deleted due to quality upgrade.',
    },
  ],
  [
    'sonarr_episode_grabbed.json',
    'Grab',
    { topic: 'NCIS', body: 'NCIS - 18x10 - Watchdog has been grabbed.' },
  ],
  [
    'sonarr_episode_imported.json',
    'Download',
    { topic: "Grey's Anatomy", body: "Grey's Anatomy - 17x9 - In My Life has been imported." },
  ],
  [
    'sonarr_episode_imported_upgrade.json',
    'Download',
    { topic: 'NCIS', body: 'NCIS - 18x10 - Watchdog has been upgraded from SDTV to HDTV-720p.' },
  ],
  [
    'sonarr_episodes_renamed.json',
    'Rename',
    { topic: 'The L Word', body: 'The L Word episodes have been renamed.' },
  ],
  [
    'sonarr_health_check_error.json',
    'Health',
    {
      topic: 'Health error',
      body: 'No indexers available with RSS sync enabled, Sonarr will not grab new releases automatically.',
    },
  ],
  [
    'sonarr_health_check_warning.json',
    'Health',
    {
      topic: 'Health warning',
      body: 'Indexers unavailable due to failures for more than 6 hours: Academic Torrents - Jackett, ACG - Jackett, KickAssTorrent - Jackett, EXT Torrents - Jackett, Extra Torrents - Jackett, SkyTorrents - Jackett, iDope - Jackett.',
    },
  ],
  [
    'sonarr_series_deleted.json',
    'SeriesDelete',
    { topic: 'Breaking Bad', body: 'Breaking Bad has been deleted.' },
  ],
  [
    'sonarr_test.json',
    'Test',
    { topic: 'Sonarr - Test', body: 'Sonarr webhook has been successfully configured.' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(sonarrIntegration, SHARED_CASES);
