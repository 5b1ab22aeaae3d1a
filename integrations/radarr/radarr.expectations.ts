import { FixtureCase, sharedSuite } from '../core/testing';
import { radarrIntegration } from './radarr.handler';

/** What each captured payload in ../shared/fixtures/webhooks/radarr posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  [
    'radarr_health_check_error.json',
    'Health',
    {
      topic: 'Health error',
      body: 'Movie Gotham City Sirens (tmdbid 416649) was removed from TMDb.',
    },
  ],
  [
    'radarr_health_check_warning.json',
    'Health',
    { topic: 'Health warning', body: 'No download client is available.' },
  ],
  [
    'radarr_movie_grabbed.json',
    'Grab',
    { topic: 'Greenland', body: 'The movie Greenland has been grabbed.' },
  ],
  [
    'radarr_movie_imported.json',
    'Download',
    {
      topic: 'Batman v Superman: Dawn of Justice',
      body: 'The movie Batman v Superman: Dawn of Justice has been imported.',
    },
  ],
  [
    'radarr_movie_imported_upgrade.json',
    'Download',
    {
      topic: 'Greenland',
      body: 'The movie Greenland has been upgraded from WEBRip-720p to WEBRip-1080p.',
    },
  ],
  [
    'radarr_movie_renamed.json',
    'Rename',
    { topic: 'Marley & Me', body: 'The movie Marley & Me has been renamed.' },
  ],
  [
    'radarr_test.json',
    'Test',
    { topic: 'Radarr - Test', body: 'Radarr webhook has been successfully configured.' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(radarrIntegration, SHARED_CASES);
