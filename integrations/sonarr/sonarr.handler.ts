import type { WebhookEvent } from '../core/define';
import { defineArrIntegration, firstOf } from '../shared-arr/arr';

/** "Grey's Anatomy - 17x9 - In My Life": the series and its first episode. */
function episode(e: WebhookEvent, action: string) {
  const first = firstOf(e, 'episodes');
  return {
    series: e.payload.str('series.title'),
    season: first.num('seasonNumber'),
    episode: first.num('episodeNumber'),
    title: first.str('title'),
    action,
  };
}

/** Sonarr (TV series): the series' title is the topic. */
export const sonarrIntegration = defineArrIntegration({
  name: 'sonarr',
  displayName: 'Sonarr',
  itemTopic: (e) => e.payload.str('series.title'),
  events: {
    Rename: (e) => ({
      template: 'sonarr-series',
      context: { series: e.payload.str('series.title'), action: 'episodes have been renamed' },
    }),
    SeriesDelete: (e) => ({
      template: 'sonarr-series',
      context: { series: e.payload.str('series.title'), action: 'has been deleted' },
    }),
    Grab: (e) => ({ template: 'sonarr-episode', context: episode(e, 'grabbed') }),
    Download: (e) =>
      e.payload.optBool('isUpgrade')
        ? {
            template: 'sonarr-upgraded',
            context: {
              ...episode(e, 'upgraded'),
              from: firstOf(e, 'deletedFiles').str('quality'),
              to: e.payload.str('episodeFile.quality'),
            },
          }
        : { template: 'sonarr-episode', context: episode(e, 'imported') },
    EpisodeFileDelete: (e) => ({
      template: 'sonarr-episode',
      context: episode(
        e,
        e.payload.optStr('deleteReason') === 'upgrade'
          ? 'deleted due to quality upgrade'
          : 'deleted',
      ),
    }),
  },
});
