import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { joinNames, link } from '../core/text';
import { hmacHeader } from '../core/verify';
import { commitCommentMessage, itemMessage, tagMessage } from '../shared-git/git-messages';

/**
 * Bitbucket Server / Data Center webhooks. The event is the `X-Event-Key` header (`repo:refs_changed`,
 * `pr:opened`, `pr:comment:added`, ...), which is also the name `only_events` matches. Topics
 * follow Zulip: `{repo} / {branch}`, `{repo} / PR #{id} {title}`, `{repo}`.
 */
const selfUrl = (p: Payload | null) => p?.optList('links.self')[0]?.optStr('href') ?? null;
/** A person as a link to their profile: `[hypro999](http://host/users/hypro999)`. */
const person = (p: Payload) => link(p.str('name'), selfUrl(p));
const actor = (e: WebhookEvent) => person(e.payload.obj('actor'));

function refChange(e: WebhookEvent, change: Payload): { topic: string; body: string } {
  const repo = e.payload.str('repository.name');
  const name = change.str('ref.displayId');
  const type = change.str('type');
  if (change.str('ref.type') === 'TAG') {
    const action = type === 'DELETE' ? 'removed' : 'pushed';
    return { topic: repo, body: tagMessage(actor(e), name, action) };
  }
  const verb = type === 'ADD' ? 'create' : type === 'DELETE' ? 'delete' : 'update';
  return {
    topic: `${repo} / ${name}`,
    body: e.render(`branch-${verb}`, { user: actor(e), branch: name, head: change.str('toHash') }),
  };
}

/** A push can change several refs: one message, under the first ref's topic. */
const refsChanged: EventHandler = (e) => {
  const changes = e.payload.list('changes').map((c) => refChange(e, c));
  if (changes.length === 0) return null;
  return e.messageWithBody(changes[0].topic, changes.map((c) => c.body).join('\n'));
};

const pr = (e: WebhookEvent) => e.payload.obj('pullRequest');
const prTopic = (e: WebhookEvent) =>
  `${pr(e).str('toRef.repository.name')} / PR #${pr(e).num('id')} ${pr(e).str('title')}`;

function prMessage(
  e: WebhookEvent,
  action: string,
  extra: { branches?: boolean; reviewers?: boolean; message?: string | null; suffix?: string },
) {
  const p = pr(e);
  const reviewers = extra.reviewers ? p.optList('reviewers').map((r) => person(r.obj('user'))) : [];
  let body = itemMessage({
    user: actor(e),
    action,
    type: 'PR',
    number: p.num('id'),
    url: selfUrl(p) ?? '',
    title: e.customTopic ? p.str('title') : null,
    sourceBranch: extra.branches ? p.str('fromRef.displayId') : null,
    targetBranch: extra.branches ? p.str('toRef.displayId') : null,
    message: extra.message ?? null,
  });
  if (reviewers.length > 0) {
    // "… to `master` (assigned to A and B for review):" — reviewers are who a PR is assigned to.
    body = body.replace(/([.:])(\n|$)/, ` (assigned to ${joinNames(reviewers)} for review)$1$2`);
  }
  if (extra.suffix) body = body.replace(/\.$/, ` ${extra.suffix}.`);
  return e.messageWithBody(prTopic(e), body);
}

function prAction(action: string, suffix?: string): EventHandler {
  return (e) => prMessage(e, action, { suffix });
}

function prDescribed(action: string): EventHandler {
  return (e) =>
    prMessage(e, action, {
      branches: true,
      reviewers: true,
      message: pr(e).optStr('description')?.replace(/\r\n/g, '\n'),
    });
}

const reviewersUpdated: EventHandler = (e) => {
  const added = e.payload.optList('addedReviewers').map(person);
  const p = pr(e);
  const target = link(`PR #${p.num('id')}${e.customTopic ? ` ${p.str('title')}` : ''}`, selfUrl(p));
  const body =
    added.length > 0
      ? `${actor(e)} reassigned ${target} to ${joinNames(added)}.`
      : p.optList('reviewers').length === 0
        ? `${actor(e)} removed all reviewers from ${target}.`
        : `${actor(e)} removed ${joinNames(e.payload.optList('removedReviewers').map(person))} from the reviewers of ${target}.`;
  return e.messageWithBody(prTopic(e), body);
};

function prComment(verb: 'commented' | 'edited' | 'deleted'): EventHandler {
  return (e) => {
    const text = e.payload.str('comment.text');
    const action = verb === 'commented' ? 'commented on' : `${verb} their comment on`;
    return prMessage(e, action, { message: verb === 'deleted' ? `~~${text}~~` : text });
  };
}

function commitComment(verb: 'commented' | 'edited' | 'deleted'): EventHandler {
  return (e) => {
    const sha = e.payload.str('commit');
    const repoUrl = (selfUrl(e.payload.obj('repository')) ?? '').replace(/\/browse$/, '');
    const text = e.payload.str('comment.text');
    const body = commitCommentMessage(
      actor(e),
      verb === 'commented' ? 'commented' : `${verb} their comment`,
      `${repoUrl}/commits/${sha}`,
      sha,
      verb === 'deleted' ? `~~${text}~~` : text,
    );
    return e.messageWithBody(e.payload.str('repository.name'), body);
  };
}

export const bitbucket3Integration = defineIntegration({
  name: 'bitbucket3',
  displayName: 'Bitbucket Server',
  category: 'version-control',
  eventHeader: 'X-Event-Key',
  deliveryIdHeader: 'X-Request-Id',
  events: {
    'diagnostics:ping': (e) => e.message('Bitbucket Server Ping', 'ping', {}),
    'repo:refs_changed': refsChanged,
    'repo:comment:added': commitComment('commented'),
    'repo:comment:edited': commitComment('edited'),
    'repo:comment:deleted': commitComment('deleted'),
    'repo:forked': (e) =>
      e.message(e.payload.str('repository.origin.name'), 'fork', {
        user: actor(e),
        name: e.payload.str('repository.name'),
        url: selfUrl(e.payload.obj('repository')),
      }),
    'repo:modified': (e) =>
      e.message(e.payload.str('new.name'), 'repo-renamed', {
        user: actor(e),
        old: e.payload.str('old.name'),
        name: e.payload.str('new.name'),
      }),
    'pr:opened': prDescribed('opened'),
    'pr:modified': prDescribed('modified'),
    'pr:merged': prAction('merged'),
    'pr:declined': prAction('declined'),
    'pr:deleted': prAction('deleted'),
    'pr:reviewer:approved': prAction('approved'),
    'pr:reviewer:unapproved': prAction('unapproved'),
    'pr:reviewer:needs_work': prAction('marked', 'as "needs work"'),
    'pr:reviewer:updated': reviewersUpdated,
    'pr:comment:added': prComment('commented'),
    'pr:comment:edited': prComment('edited'),
    'pr:comment:deleted': prComment('deleted'),
  },
  branchOf: (e) => {
    if (e.header('X-Event-Key') !== 'repo:refs_changed') return null;
    const change = e.payload.optList('changes')[0];
    return change?.optStr('ref.type') === 'BRANCH' ? change.str('ref.displayId') : null;
  },
  verify: hmacHeader({ header: 'X-Hub-Signature', prefix: 'sha256=' }),
});
