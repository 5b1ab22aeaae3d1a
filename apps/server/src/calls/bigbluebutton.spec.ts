import { createHash } from 'node:crypto';
import { bbbCallUrl, bbbChecksum, bbbField, bbbQuery } from './bigbluebutton';

describe('BigBlueButton API calls', () => {
  it('checksums the call name, query and secret with SHA-1 (the API documentation example)', () => {
    // From BigBlueButton's API documentation ("Usage"): create, name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444.
    const query = 'name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444';
    const secret = '639259d4-9dd8-4b25-bf01-95f9567eaf4b';
    expect(bbbChecksum('create', query, secret)).toBe('1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17');
  });

  it('encodes the query as Zulip does and signs exactly what it sends', () => {
    const query = bbbQuery([
      ['name', "Bob's call (1)"],
      ['fullName', 'Zoë & co/'],
    ]);
    expect(query).toBe('name=Bob%27s%20call%20%281%29&fullName=Zo%C3%AB%20%26%20co%2F');
    const url = new URL(bbbCallUrl('https://bbb.test/bigbluebutton/', 'join', [['a', 'b c']], 's'));
    expect(url.pathname).toBe('/bigbluebutton/api/join');
    expect(url.searchParams.get('checksum')).toBe(
      createHash('sha1').update('joina=b%20cs').digest('hex'),
    );
  });

  it('reads fields of an XML answer', () => {
    const xml =
      '<response><returncode>SUCCESS</returncode><createTime>1531155809613</createTime><messageKey></messageKey></response>';
    expect(bbbField(xml, 'returncode')).toBe('SUCCESS');
    expect(bbbField(xml, 'createTime')).toBe('1531155809613');
    expect(bbbField(xml, 'messageKey')).toBe('');
    expect(bbbField(xml, 'meetingID')).toBeUndefined();
  });
});
