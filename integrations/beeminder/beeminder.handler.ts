import { defineIntegration, post } from '../core/define';
import { timeMention } from '../core/text';

/**
 * Beeminder's goal reminder webhook ("you are about to derail"): the goal under `goal`. Topic
 * "beekeeper", as Zulip does. Zulip writes the time left in hours as of posting; here the
 * deadline is a `<time:...>` the web client shows in each reader's time zone, so the message
 * stays true when read later.
 */
export const beeminderIntegration = defineIntegration({
  name: 'beeminder',
  displayName: 'Beeminder',
  category: 'other',
  eventName: () => 'derail',
  events: {
    derail: post(
      () => 'beekeeper',
      'derail',
      (e) => {
        const goal = e.payload.obj('goal');
        const pledge = goal.num('pledge');
        return {
          goal: goal.str('slug'),
          title: goal.optStr('title'),
          deadline: timeMention(goal.num('losedate') * 1000),
          limsum: goal.str('limsum'),
          pledge,
          worried: pledge > 0,
          graph: goal.optStr('graph_url'),
        };
      },
    ),
  },
});
