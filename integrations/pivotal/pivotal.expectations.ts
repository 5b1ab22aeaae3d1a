import { FixtureCase, sharedSuite, UNSUPPORTED } from '../core/testing';
import { pivotalIntegration } from './pivotal.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/pivotal:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'accepted.xml',
    'story_update_v3',
    {
      topic: 'My new Feature story',
      body: 'Leo Franchi accepted "My new Feature story" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48276573).',
    },
  ],
  [
    'bad_accepted.xml',
    'story_update_v3',
    {
      topic: 'Story changed',
      body: 'Leo Franchi accepted My new Feature story [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48276573).',
    },
  ],
  [
    'commented.xml',
    'note_create_v3',
    {
      topic: 'Comment added',
      body: 'Leo Franchi added comment: "FIX THIS NOW" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48276573).',
    },
  ],
  [
    'created.xml',
    'story_create_v3',
    {
      topic: 'My new Feature story',
      body: 'Leo Franchi added "My new Feature story" (unscheduled feature):\n\n~~~ quote\nThis is my long description\n~~~\n\n[(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48276573).',
    },
  ],
  [
    'created_estimate.xml',
    'story_create_v3',
    {
      topic: 'Another new story',
      body: 'Leo Franchi added "Another new story" (unscheduled feature worth 2 story points):\n\n~~~ quote\nSome loong description\n~~~\n\n[(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48278289).',
    },
  ],
  [
    'delivered.xml',
    'story_update_v3',
    {
      topic: 'Another new story',
      body: 'Leo Franchi delivered "Another new story" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48278289).',
    },
  ],
  [
    'finished.xml',
    'story_update_v3',
    {
      topic: 'Another new story',
      body: 'Leo Franchi finished "Another new story" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48278289).',
    },
  ],
  [
    'moved.xml',
    'story_update_v3',
    {
      topic: 'My new Feature story',
      body: 'Leo Franchi edited "My new Feature story" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48276573).',
    },
  ],
  [
    'rejected.xml',
    'story_update_v3',
    {
      topic: 'Another new story',
      body: 'Leo Franchi rejected "Another new story" with comments: "Not good enough, sorry" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48278289).',
    },
  ],
  [
    'started.xml',
    'story_update_v3',
    {
      topic: 'Another new story',
      body: 'Leo Franchi started "Another new story" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48278289).',
    },
  ],
  [
    'type_changed.xml',
    'story_update_v3',
    {
      topic: 'My new Feature story',
      body: 'Leo Franchi edited "My new Feature story" [(view)](https://www.pivotaltracker.com/s/projects/807213/stories/48276573).',
    },
  ],
  [
    'v5_accepted.json',
    'story_update_activity_v5',
    {
      topic: '#63486316: Story of the Year',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Story of the Year](http://www.pivotaltracker.com/story/show/63486316):\n* state changed from **unstarted** to **accepted**',
    },
  ],
  ['v5_bad_kind.json', 'unknown_kind_v5', UNSUPPORTED],
  ['v5_bad_request.json', 'epic_update_activity_v5', null],
  [
    'v5_commented.json',
    'comment_create_activity_v5',
    {
      topic: '#63486316: Story of the Year',
      body: 'Leo Franchi added a comment to [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Story of the Year](http://www.pivotaltracker.com/story/show/63486316):\n~~~ quote\nA comment on the story\n~~~',
    },
  ],
  [
    'v5_created.json',
    'story_create_activity_v5',
    {
      topic: '#63495662: Story that I created',
      body: 'Leo Franchi created bug: [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Story that I created](http://www.pivotaltracker.com/story/show/63495662)\n* State is **unscheduled**\n* Description is\n~~~ quote\nWhat a description\n~~~',
    },
  ],
  [
    'v5_created_estimate.json',
    'story_update_activity_v5',
    {
      topic: '#63496066: Pivotal Test',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Pivotal Test](http://www.pivotaltracker.com/story/show/63496066):\n* estimate is now **3 points**',
    },
  ],
  [
    'v5_delivered.json',
    'story_update_activity_v5',
    {
      topic: '#63486316: Story of the Year',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Story of the Year](http://www.pivotaltracker.com/story/show/63486316):\n* state changed from **accepted** to **delivered**',
    },
  ],
  [
    'v5_finished.json',
    'story_update_activity_v5',
    {
      topic: '#63486316: Story of the Year',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Story of the Year](http://www.pivotaltracker.com/story/show/63486316):\n* state changed from **delivered** to **accepted**',
    },
  ],
  [
    'v5_moved.json',
    'story_move_activity_v5',
    {
      topic: '#63496066: Pivotal Test',
      body: 'Leo Franchi moved [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Pivotal Test](http://www.pivotaltracker.com/story/show/63496066) from **unstarted** to **unscheduled**.',
    },
  ],
  [
    'v5_rejected.json',
    'story_update_activity_v5',
    {
      topic: '#63486316: Story of the Year',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Story of the Year](http://www.pivotaltracker.com/story/show/63486316):\n* Comment added:\n~~~ quote\nTry again next time\n~~~\n* state changed from **delivered** to **rejected**',
    },
  ],
  [
    'v5_started.json',
    'story_update_activity_v5',
    {
      topic: '#63495972: Fresh Story',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Fresh Story](http://www.pivotaltracker.com/story/show/63495972):\n* state changed from **unstarted** to **started**',
    },
  ],
  [
    'v5_type_changed.json',
    'story_update_activity_v5',
    {
      topic: '#63496066: Pivotal Test',
      body: 'Leo Franchi updated [Hard Code](https://www.pivotaltracker.com/s/projects/807213): [Pivotal Test](http://www.pivotaltracker.com/story/show/63496066):\n* estimate changed from 3 to **0 points**\n* type changed from **feature** to **bug**',
    },
  ],
  ['v5_unsupported.json', 'epic_update_activity_v5', null],
];

export const SHARED_FIXTURES = sharedSuite(pivotalIntegration, SHARED_CASES);
