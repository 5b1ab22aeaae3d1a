import { FixtureCase, headerFromFileName, sharedSuite } from '../core/testing';
import { reviewboardIntegration } from './reviewboard.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/reviewboard:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'reply_published.json',
    'reply_published',
    {
      topic: 'Scheduler',
      body: "**drsbgarg** replied to a review of [#1: Initial commit (first iteration)](https://rbcommons.com/s/zulip/r/1/):\n\n**Reply**:\n``` quote\n* I agree, I'll push another diff addressing that. Thanks for the review! :)\n```",
    },
  ],
  [
    'review_published.json',
    'review_published',
    {
      topic: 'Scheduler',
      body: '**eeshangarg** [reviewed](https://rbcommons.com/s/zulip/r/1/#review651728) [#1: Initial commit (first iteration)](https://rbcommons.com/s/zulip/r/1/):\n\n**Review**:\n``` quote\nLeft some minor comments, thanks!\n```',
    },
  ],
  [
    'review_request_closed.json',
    'review_request_closed',
    {
      topic: 'Scheduler',
      body: '**eeshangarg** closed [#1: Initial commit (first iteration)](https://rbcommons.com/s/zulip/r/1/):\n\n``` quote\n**Description**: Initial commit (first iteration)\n**Status**: submitted\n**Target people**: **drsbgarg**\n**Close type**: submitted\n**Branch**: master\n```',
    },
  ],
  [
    'review_request_published.json',
    'review_request_published',
    {
      topic: 'Scheduler',
      body: '**eeshangarg** opened [#2: Initial commit](https://rbcommons.com/s/zulip/r/2/):\n\n``` quote\n**Description**: Initial commit\n**Status**: pending\n**Target people**: **drsbgarg**\n**Branch**: master\n```',
    },
  ],
  [
    'review_request_published__with_multiple_target_people.json',
    'review_request_published',
    {
      topic: 'Scheduler',
      body: '**eeshangarg** opened [#2: Initial commit](https://rbcommons.com/s/zulip/r/2/):\n\n``` quote\n**Description**: Initial commit\n**Status**: pending\n**Target people**: **drsbgarg**, **johndoe** and **janedoe**\n**Branch**: master\n```',
    },
  ],
  [
    'review_request_reopened.json',
    'review_request_reopened',
    {
      topic: 'Scheduler',
      body: '**eeshangarg** reopened [#1: Initial commit (first iteration)](https://rbcommons.com/s/zulip/r/1/):\n\n``` quote\n**Description**: Initial commit (first iteration)\n**Status**: pending\n**Target people**: **drsbgarg**\n**Branch**: master\n```',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(reviewboardIntegration, SHARED_CASES, {
  headers: headerFromFileName('X-ReviewBoard-Event'),
});
