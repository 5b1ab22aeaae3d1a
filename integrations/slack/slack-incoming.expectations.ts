import { FixtureCase, sharedSuite } from '../core/testing';
import { slackIncomingIntegration } from './slack.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/slack_incoming:
 * [fixture file, event name, message (null: nothing to show, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'actions.json',
    'message',
    {
      topic: 'C1H9RESGL',
      body: 'Danny Torrence left the following *review* for your property:\n\n[Overlook Hotel](https://google.com) \n :star: \n Doors had too many axe holes, guest in room 237 was far too rowdy, whole place felt stuck in the 1920s.\n\n[Haunted hotel image](https://is5-ssl.mzstatic.com/image/thumb/Purple3/v4/d3/72/5c/d3725c8f-c642-5d69-1904-aa36e4297885/source/256x256bb.jpg)\n\n**Average Rating**\n1.0',
    },
  ],
  [
    'attachment.json',
    'message',
    {
      topic: 'prometheus-alerts',
      body: '## [[FIRING:2] InstanceDown for api-server (env=\"prod\", severity=\"critical\")](https://alertmanager.local//#/alerts?receiver=default)\n\n:chart_with_upwards_trend: **[Graph](http://generator.local/1)**   :notebook: **[Runbook](https://runbook.local/1)**\n\n**Alert details**:\n**Alert:** api-server down - `critical`\n**Description:** api-server at 1.2.3.4:8080 couldn\'t be scraped **Details:**\n   • **alertname:** `InstanceDown`\n   • **env:** `prod`\n   • **instance:** `1.2.3.4:8080`\n   • **job:** `api-server`\n   • **severity:** `critical`\n\n**Alert:** api-server down - `critical`\n**Description:** api-server at 1.2.3.4:8081 couldn\'t be scraped **Details:**\n   • **alertname:** `InstanceDown`\n   • **env:** `prod`\n   • **instance:** `1.2.3.4:8081`\n   • **job:** `api-server`\n   • **severity:** `critical`',
    },
  ],
  [
    'attachment_blocks.json',
    'message',
    {
      topic: '(no topic)',
      body: 'This is a section block with an accessory image.\n\n[cute cat](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\nThis is a section block with a button.\n\n| | |\n|-|-|\n| one | two |\n| three | four |\n| five |  |',
    },
  ],
  [
    'attachment_fields.json',
    'message',
    {
      topic: '(no topic)',
      body: 'Build bla bla succeeded\n\n**Requested by**: Some user\n**Duration**: 00:02:03\n**Build pipeline**: ConsumerAddressModule\n**Title without value**\nValue without title',
    },
  ],
  [
    'attachment_pieces.json',
    'message',
    {
      topic: '(no topic)',
      body: '## Test\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\n<time:1655945306>',
    },
  ],
  ['attachment_pieces_all_null.json', 'message', null],
  [
    'attachment_pieces_footer_null.json',
    'message',
    {
      topic: '(no topic)',
      body: '## [Sample title.](https://www.google.com)\n\nSample pretext.\n\nSample text.\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\n<time:1655945306>',
    },
  ],
  [
    'attachment_pieces_image_url_null.json',
    'message',
    {
      topic: '(no topic)',
      body: '## [Sample title.](https://www.google.com)\n\nSample pretext.\n\nSample text.\n\nSample footer.\n\n<time:1655945306>',
    },
  ],
  [
    'attachment_pieces_pretext_null.json',
    'message',
    {
      topic: '(no topic)',
      body: '## [Sample title.](https://www.google.com)\n\nSample text.\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\nSample footer.\n\n<time:1655945306>',
    },
  ],
  [
    'attachment_pieces_text_null.json',
    'message',
    {
      topic: '(no topic)',
      body: '## [Sample title.](https://www.google.com)\n\nSample pretext.\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\nSample footer.\n\n<time:1655945306>',
    },
  ],
  [
    'attachment_pieces_title_link_null.json',
    'message',
    {
      topic: '(no topic)',
      body: '## Sample title.\n\nSample pretext.\n\nSample text.\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\nSample footer.\n\n<time:1655945306>',
    },
  ],
  [
    'attachment_pieces_title_null.json',
    'message',
    {
      topic: '(no topic)',
      body: 'Sample pretext.\n\nSample text.\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\nSample footer.\n\n<time:1655945306>',
    },
  ],
  [
    'attachment_pieces_ts_null.json',
    'message',
    {
      topic: '(no topic)',
      body: '## [Sample title.](https://www.google.com)\n\nSample pretext.\n\nSample text.\n\n[](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\nSample footer.',
    },
  ],
  [
    'blocks.json',
    'message',
    {
      topic: '(no topic)',
      body: 'Danny Torrence left the following review for your property:\n\n[Overlook Hotel](https://example.com) \n :star: \n Doors had too many axe holes, guest in room 237 was far too rowdy, whole place felt stuck in the 1920s.\n\n[Haunted hotel image](https://is5-ssl.mzstatic.com/image/thumb/Purple3/v4/d3/72/5c/d3725c8f-c642-5d69-1904-aa36e4297885/source/256x256bb.jpg)\n\n**Average Rating**\n1.0',
    },
  ],
  [
    'complicated.json',
    'message',
    {
      topic: '(no topic)',
      body: "## Hello from TaskBot\n\nHey there 👋 I'm TaskBot. I'm here to help you create and manage tasks in Slack.\nThere are two ways to quickly create tasks:\n\n**1️⃣ Use the `/task` command**. Type `/task` followed by a short description of your tasks and I'll ask for a due date (if applicable). Try it out by using the `/task` command in this channel.\n\n**2️⃣ Use the *Create a Task* action.** If you want to create a task from a message, select `Create a Task` in a message's context menu. Try it out by selecting the *Create a Task* action for this message (shown below).\n\n[image1](https://api.slack.com/img/blocks/bkb_template_images/onboardingComplex.jpg)\n\n➕ To start tracking your team's tasks, **add me to a channel** and I'll introduce myself. I'm usually added to a team or project channel. Type `/invite @TaskBot` from the channel or pick a channel on the right.\n\n----\n\n[cute cat](https://pbs.twimg.com/profile_images/625633822235693056/lNGUneLX_400x400.jpg)\n\n👀 View all tasks with `/task list`\n\n❓Get help at any time with:\n- `/task help`, or\n- type **help** in a DM with me",
    },
  ],
  ['null_text.json', 'message', null],
  ['text.json', 'message', { topic: '(no topic)', body: 'Hello, world.' }],
  [
    'urlencoded_text.txt',
    'message',
    {
      topic: 'devops',
      body: ':zap: chris has started deploying project tag v0.0.2rc10 to staging',
    },
  ],
];

/** Slack clients send JSON; the `.txt` capture is a form whose `payload` field holds it. */
export const SHARED_FIXTURES = sharedSuite(slackIncomingIntegration, SHARED_CASES, {
  wire: (file) => (file.endsWith('.txt') ? 'form' : 'json'),
});
