import { defineArrIntegration, firstOf } from '../shared-arr/arr';

/** Radarr (movies): the movie's title is the topic. */
export const radarrIntegration = defineArrIntegration({
  name: 'radarr',
  displayName: 'Radarr',
  itemTopic: (e) => e.payload.str('movie.title'),
  events: {
    Rename: (e) => ({
      template: 'radarr-movie',
      context: { movie: e.payload.str('movie.title'), action: 'renamed' },
    }),
    Grab: (e) => ({
      template: 'radarr-movie',
      context: { movie: e.payload.str('movie.title'), action: 'grabbed' },
    }),
    Download: (e) =>
      e.payload.optBool('isUpgrade')
        ? {
            template: 'radarr-upgraded',
            context: {
              movie: e.payload.str('movie.title'),
              from: firstOf(e, 'deletedFiles').str('quality'),
              to: e.payload.str('movieFile.quality'),
            },
          }
        : {
            template: 'radarr-movie',
            context: { movie: e.payload.str('movie.title'), action: 'imported' },
          },
    MovieDelete: (e) => ({
      template: 'radarr-deleted',
      context: { movie: e.payload.str('movie.title'), files: e.payload.bool('deletedFiles') },
    }),
  },
});
