import {
  joinPresence,
  NS,
  outboundMessage,
  parseMessage,
  parseOccupantPresence,
  reactionsMessage,
  retraction,
} from './stanzas';
import { xml } from './xmpp';

describe('XMPP stanzas', () => {
  it('reads a room message with a correction, a delay stamp and no bridge marker', () => {
    const stanza = xml(
      'message',
      { from: 'lobby@conference.example.com/Alice', type: 'groupchat', id: 'm2' },
      xml('body', {}, 'fixed text'),
      xml('replace', { xmlns: NS.correct, id: 'm1' }),
      xml('delay', { xmlns: NS.delay, stamp: '2026-01-02T03:04:05Z' }),
    );
    expect(parseMessage(stanza)).toEqual({
      type: 'groupchat',
      from: 'lobby@conference.example.com/Alice',
      bare: 'lobby@conference.example.com',
      resource: 'Alice',
      id: 'm2',
      body: 'fixed text',
      subject: undefined,
      replaces: 'm1',
      retracts: undefined,
      delayedAt: Date.parse('2026-01-02T03:04:05Z'),
      bridged: false,
    });
  });

  it("reads reactions (XEP-0444), a file link (XEP-0066) and the room's own stanza-id only", () => {
    const room = 'lobby@conference.example.com';
    const reacting = xml(
      'message',
      { from: `${room}/Alice`, type: 'groupchat', id: 'r1' },
      xml(
        'reactions',
        { xmlns: NS.reactions, id: 'm1' },
        xml('reaction', {}, '👍'),
        xml('reaction', {}, ' '),
        xml('reaction', {}, '🎉'),
      ),
      xml('stanza-id', { xmlns: NS.stanzaId, by: 'alice@example.com', id: 'forged' }),
    );
    const parsed = parseMessage(reacting);
    expect(parsed?.reactions).toEqual({ to: 'm1', emoji: ['👍', '🎉'] });
    expect(parsed?.roomStanzaId).toBeUndefined();

    const sharing = xml(
      'message',
      { from: `${room}/Alice`, type: 'groupchat', id: 'f1' },
      xml('body', {}, 'see the plan'),
      xml('x', { xmlns: NS.oob }, xml('url', {}, 'https://upload.example.com/a/plan.pdf')),
      xml('stanza-id', { xmlns: NS.stanzaId, by: room, id: 'room-7' }),
    );
    expect(parseMessage(sharing)).toMatchObject({
      oobUrl: 'https://upload.example.com/a/plan.pdf',
      roomStanzaId: 'room-7',
    });
    const script = xml(
      'message',
      { from: `${room}/Alice`, type: 'groupchat', id: 'f2' },
      xml('x', { xmlns: NS.oob }, xml('url', {}, 'javascript:alert(1)')),
    );
    expect(parseMessage(script)?.oobUrl).toBeUndefined();
  });

  it('writes our whole set of reactions, stored, and marked as bridged', () => {
    const stanza = reactionsMessage('lobby@conference.example.com', 'groupchat', 'x', 'm1', ['👍']);
    const reactions = stanza.getChild('reactions', NS.reactions);
    expect(reactions?.attrs.id).toBe('m1');
    expect(reactions?.getChildren('reaction').map((r) => r.getText())).toEqual(['👍']);
    expect(stanza.getChild('store', NS.hints)).toBeDefined();
    expect(stanza.getChild('bridged', NS.bridged)).toBeDefined();
    const none = reactionsMessage('bob@example.com', 'chat', 'y', 'm1', []);
    expect(none.getChild('reactions', NS.reactions)?.getChildren('reaction')).toEqual([]);
  });

  it('recognises what a bridge sent by its marker, and ignores errors and headlines', () => {
    const ours = outboundMessage('lobby@conference.example.com', 'groupchat', {
      id: 'x1',
      body: '<Jane> hi',
      nick: 'Jane',
    });
    const echoed = xml('message', { ...ours.attrs, from: 'lobby@conference.example.com/bridge' });
    for (const child of ours.children) if (typeof child !== 'string') echoed.children.push(child);
    expect(parseMessage(echoed)?.bridged).toBe(true);
    expect(parseMessage(xml('message', { from: 'a@b', type: 'error' }))).toBeNull();
    expect(parseMessage(xml('message', { from: 'a@b', type: 'headline' }))).toBeNull();
  });

  it('writes corrections (XEP-0308) and retractions (XEP-0424) that name the original id', () => {
    const correction = outboundMessage('bob@example.com', 'chat', {
      id: 'c2',
      body: 'new',
      replaces: 'c1',
    });
    expect(correction.getChild('replace', NS.correct)?.attrs.id).toBe('c1');
    expect(correction.getChild('bridged', NS.bridged)).toBeDefined();
    const removal = retraction('lobby@conference.example.com', 'groupchat', 'r1', 'c1');
    expect(removal.getChild('retract', NS.retract)?.attrs.id).toBe('c1');
    expect(removal.getChildText('body')).toBe('(message deleted)');
  });

  it('asks for no history on a first join and for the missed history on a rejoin', () => {
    const first = joinPresence('lobby@conference.example.com', 'bridge');
    expect(first.attrs.to).toBe('lobby@conference.example.com/bridge');
    expect(first.getChild('x', NS.muc)?.getChild('history')?.attrs).toEqual({ maxstanzas: '0' });
    const again = joinPresence('lobby@conference.example.com', 'bridge', Date.UTC(2026, 0, 2));
    expect(again.getChild('x', NS.muc)?.getChild('history')?.attrs).toEqual({
      since: '2026-01-02T00:00:00.000Z',
    });
  });

  it('reads our own join presence, a new room, real JIDs and nick conflicts', () => {
    const self = parseOccupantPresence(
      xml(
        'presence',
        { from: 'lobby@conference.example.com/bridge' },
        xml(
          'x',
          { xmlns: NS.mucUser },
          xml('item', { jid: 'mirror@example.com/res', role: 'moderator' }),
          xml('status', { code: '110' }),
          xml('status', { code: '201' }),
        ),
      ),
    );
    expect(self).toMatchObject({
      room: 'lobby@conference.example.com',
      nick: 'bridge',
      self: true,
      created: true,
      available: true,
      realJid: 'mirror@example.com',
    });
    // A participant of a semi-anonymous room sees no real JIDs; a moderator or status 100 does.
    const participant = parseOccupantPresence(
      xml(
        'presence',
        { from: 'lobby@conference.example.com/bridge' },
        xml(
          'x',
          { xmlns: NS.mucUser },
          xml('item', { affiliation: 'none', role: 'participant' }),
          xml('status', { code: '110' }),
        ),
      ),
    );
    expect(participant).toMatchObject({ self: true, role: 'participant', seesRealJids: false });
    expect(self?.seesRealJids).toBe(true);
    const conflict = parseOccupantPresence(
      xml(
        'presence',
        { from: 'lobby@conference.example.com/bridge', type: 'error' },
        xml(
          'error',
          { type: 'cancel' },
          xml('conflict', { xmlns: 'urn:ietf:params:xml:ns:xmpp-stanzas' }),
        ),
      ),
    );
    expect(conflict).toMatchObject({ error: 'conflict', available: false });
  });
});
