import { truncatedList } from '../core/text';
import { defineArrIntegration } from '../shared-arr/arr';

/** Imported tracks are listed up to this many, then "[and N more tracks(s)]" as Zulip writes it. */
const TRACKS_LIMIT = 20;

/** Lidarr (music): the artist is the topic. */
export const lidarrIntegration = defineArrIntegration({
  name: 'lidarr',
  displayName: 'Lidarr',
  itemTopic: (e) => e.payload.str('artist.name'),
  events: {
    Rename: (e) => ({
      template: 'lidarr-tracks',
      context: { artist: e.payload.str('artist.name'), action: 'renamed' },
    }),
    Retag: (e) => ({
      template: 'lidarr-tracks',
      context: { artist: e.payload.str('artist.name'), action: 'retagged' },
    }),
    Grab: (e) => ({
      template: 'lidarr-grabbed',
      context: {
        artist: e.payload.str('artist.name'),
        album: e.payload
          .list('albums')
          .map((a) => a.str('title'))
          .join(', '),
      },
    }),
    Download: (e) => ({
      template: 'lidarr-imported',
      context: {
        artist: e.payload.str('artist.name'),
        upgrade: e.payload.optBool('isUpgrade') ?? false,
        tracks: truncatedList(
          e.payload.list('tracks').map((t) => t.str('title')),
          TRACKS_LIMIT,
          (n) => `[and ${n} more tracks(s)]`,
        ),
      },
    }),
  },
});
