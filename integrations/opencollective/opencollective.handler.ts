import { defineIntegration, post } from '../core/define';

/**
 * Open Collective's webhooks: `type` names the activity. `collective.member.created` (a new
 * backer) posts "New Member", as Zulip does; other activities are unsupported.
 */
export const opencollectiveIntegration = defineIntegration({
  name: 'opencollective',
  displayName: 'Open Collective',
  category: 'other',
  eventField: 'type',
  events: {
    'collective.member.created': post(
      () => 'New Member',
      'member',
      (e) => {
        const member = e.payload.obj('data.member.memberCollective');
        const name = member.str('name');
        const slug = member.optStr('slug');
        return {
          incognito: name === 'Incognito' && slug === null,
          name,
          url: slug ? `https://opencollective.com/${slug}` : null,
          amount: e.payload.str('data.order.formattedAmountWithInterval'),
        };
      },
    ),
  },
});
