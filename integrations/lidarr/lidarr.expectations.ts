import { FixtureCase, sharedSuite } from '../core/testing';
import { lidarrIntegration } from './lidarr.handler';

const bullets = (items: string[]) => items.map((i) => `* ${i}`).join('\n');
const UB40 = bullets([
  'Cherry Oh Baby',
  'Keep On Moving',
  "Please Don't Make Me Cry",
  'Sweet Sensation',
  'Johnny Too Bad',
  'Red Red Wine',
  'Guilty',
  'She Caught the Train',
  'Version Girl',
  'Many Rivers to Cross',
]);
const LITTLE_MIX = bullets([
  'The National Manthem',
  'Woman Like Me',
  'Think About Us',
  'Strip',
  'Monster in Me',
  'Joan of Arc',
  'Love a Girl Right',
  'American Boy',
  'Told You So',
  'Wasabi',
  'More Than Words',
  'Motivate',
  'Notice',
  'The Cure',
  'Forget You Not',
  'Woman’s World',
  'The Cure (stripped)',
  'Only You',
]);
const MICHAEL_JACKSON = `${bullets([
  'Scream',
  'Billie Jean',
  'The Way You Make Me Feel',
  'They Don’t Care About Us',
  'Stranger in Moscow',
  'Black or White',
  'This Time Around',
  'Rock With You',
  'Earth Song',
  'She’s Out of My Life',
  'D.S.',
  'Bad',
  'Money',
  'I Just Can’t Stop Loving You',
  'Man in the Mirror',
  'Come Together',
  'Thriller',
  'You Are Not Alone',
  'Beat It',
  'Childhood (theme from “Free Willy 2”)',
])}\n[and 10 more tracks(s)]`;

/** What each captured payload in ../shared/fixtures/webhooks/lidarr posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  [
    'lidarr_album_grabbed.json',
    'Grab',
    { topic: 'UB40', body: 'The album Labour of Love by UB40 has been grabbed.' },
  ],
  [
    'lidarr_test.json',
    'Test',
    { topic: 'Lidarr - Test', body: 'Lidarr webhook has been successfully configured.' },
  ],
  [
    'lidarr_tracks_imported.json',
    'Download',
    { topic: 'UB40', body: `The following tracks by UB40 have been imported:\n${UB40}` },
  ],
  [
    'lidarr_tracks_imported_over_limit.json',
    'Download',
    {
      topic: 'Michael Jackson',
      body: `The following tracks by Michael Jackson have been imported:\n${MICHAEL_JACKSON}`,
    },
  ],
  [
    'lidarr_tracks_imported_upgrade.json',
    'Download',
    {
      topic: 'Little Mix',
      body: `The following tracks by Little Mix have been imported due to upgrade:\n${LITTLE_MIX}`,
    },
  ],
  [
    'lidarr_tracks_imported_upgrade_over_limit.json',
    'Download',
    {
      topic: 'Michael Jackson',
      body: `The following tracks by Michael Jackson have been imported due to upgrade:\n${MICHAEL_JACKSON}`,
    },
  ],
  [
    'lidarr_tracks_renamed.json',
    'Rename',
    { topic: 'Little Mix', body: 'The artist Little Mix has had its tracks renamed.' },
  ],
  [
    'lidarr_tracks_retagged.json',
    'Retag',
    { topic: 'Little Mix', body: 'The artist Little Mix has had its tracks retagged.' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(lidarrIntegration, SHARED_CASES);
