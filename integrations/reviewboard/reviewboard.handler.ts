import { defineIntegration, WebhookEvent } from '../core/define';
import { joinNames, truncatedList } from '../core/text';
import { hmacHeader } from '../core/verify';

/**
 * Review Board's WebHooks (JSON payload). The event is the `X-ReviewBoard-Event` header; the
 * topic is the repository's name, as in Zulip.
 */
const request = (e: WebhookEvent) => e.payload.obj('review_request');
const topic = (e: WebhookEvent) => request(e).str('links.repository.title');
const title = (e: WebhookEvent) => `#${request(e).num('id')}: ${request(e).str('summary')}`;

function requestChanged(action: string) {
  return (e: WebhookEvent) => {
    const r = request(e);
    const people = r.optList('target_people').map((p) => `**${p.str('title')}**`);
    return e.message(topic(e), 'review-request', {
      user: r.str('links.submitter.title'),
      action,
      title: title(e),
      url: r.str('absolute_url'),
      description: r.optStr('description'),
      status: r.optStr('status'),
      people: people.length > 0 ? joinNames(people) : null,
      closeType: action === 'closed' ? e.payload.optStr('close_type') : null,
      branch: r.optStr('branch'),
    });
  };
}

/** What a review or reply says: its top text, else its diff comments. */
function said(e: WebhookEvent, path: string): string | null {
  const top = e.payload.optStr(`${path}.body_top`)?.trim();
  if (top) return top;
  const comments = e.payload.optList('diff_comments').map((c) => c.str('text').trim());
  return comments.length > 0 ? truncatedList(comments, 10) : null;
}

export const reviewboardIntegration = defineIntegration({
  name: 'reviewboard',
  displayName: 'Review Board',
  category: 'version-control',
  eventHeader: 'X-ReviewBoard-Event',
  events: {
    review_request_published: requestChanged('opened'),
    review_request_reopened: requestChanged('reopened'),
    review_request_closed: requestChanged('closed'),
    review_published: (e) =>
      e.message(topic(e), 'review', {
        user: e.payload.str('review.links.user.title'),
        action: e.payload.optBool('review.ship_it') ? 'approved (Ship It!)' : 'reviewed',
        reviewUrl: e.payload.str('review.absolute_url'),
        title: title(e),
        url: request(e).str('absolute_url'),
        text: said(e, 'review'),
        label: 'Review',
      }),
    reply_published: (e) =>
      e.message(topic(e), 'review', {
        user: e.payload.str('reply.links.user.title'),
        action: 'replied to a review of',
        reviewUrl: null,
        title: title(e),
        url: request(e).str('absolute_url'),
        text: said(e, 'reply'),
        label: 'Reply',
      }),
  },
  verify: hmacHeader({ header: 'X-Hub-Signature', algorithm: 'sha1', prefix: 'sha1=' }),
});
