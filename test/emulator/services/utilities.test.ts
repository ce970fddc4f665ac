import { createHash, createHmac } from 'node:crypto';
import { setup } from './setup';

const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

describe('Utilities', () => {
  test('formatDate follows SimpleDateFormat patterns in the given time zone', () => {
    const { globals: g } = setup();
    const d = new Date('2026-03-02T17:05:09.042Z');
    expect(g.Utilities.formatDate(d, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe('2026-03-02T17:05:09.042');
    expect(g.Utilities.formatDate(d, 'America/New_York', 'EEE, d MMM yyyy HH:mm Z')).toBe(
      'Mon, 2 Mar 2026 12:05 -0500',
    );
    expect(g.Utilities.formatDate(d, 'Asia/Kolkata', 'yyyy-MM-dd HH:mm XXX')).toBe('2026-03-02 22:35 +05:30');
    expect(g.Utilities.formatDate(d, 'Etc/UTC', "h:mm a 'o''clock'")).toBe("5:05 PM o'clock");
    expect(g.Utilities.formatDate(d, 'Etc/UTC', 'XXX')).toBe('Z');
  });

  test('formatDate reads an unknown time zone as GMT, as Java does', () => {
    const { globals: g } = setup();
    expect(g.Utilities.formatDate(new Date('2026-03-02T17:05:00Z'), 'Not/AZone', 'HH:mm')).toBe('17:05');
  });

  test('getUuid gives RFC 4122 v4 ids, distinct, and the same sequence for each new runtime', () => {
    const a = setup().globals.Utilities;
    const b = setup().globals.Utilities;
    const first = [a.getUuid(), a.getUuid()];
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[0]).not.toBe(first[1]);
    expect([b.getUuid(), b.getUuid()]).toEqual(first);
  });

  test('computeDigest returns signed bytes', () => {
    const { globals: g } = setup();
    const digest = g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.SHA_256, 'héllo');
    expect(digest).toEqual(signed(createHash('sha256').update('héllo', 'utf8').digest()));
    expect(Math.min(...digest)).toBeLessThan(0);
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, [-1, 0, 1])).toEqual(
      signed(
        createHash('md5')
          .update(Buffer.from([255, 0, 1]))
          .digest(),
      ),
    );
  });

  test('computeHmacSha256Signature and computeHmacSignature return signed bytes', () => {
    const { globals: g } = setup();
    const expected = signed(createHmac('sha256', 'key').update('value').digest());
    expect(g.Utilities.computeHmacSha256Signature('value', 'key')).toEqual(expected);
    expect(g.Utilities.computeHmacSignature(g.Utilities.MacAlgorithm.HMAC_SHA_256, 'value', 'key')).toEqual(
      expected,
    );
    expect(g.Utilities.computeHmacSignature(g.Utilities.MacAlgorithm.HMAC_SHA_1, 'value', 'key')).toEqual(
      signed(createHmac('sha1', 'key').update('value').digest()),
    );
  });

  test('base64 round trips, web-safe uses - and _', () => {
    const { globals: g } = setup();
    expect(g.Utilities.base64Encode('hé')).toBe(Buffer.from('hé').toString('base64'));
    expect(g.Utilities.base64Encode([-5, -1])).toBe('+/8=');
    expect(g.Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(g.Utilities.base64Decode('+/8=')).toEqual([-5, -1]);
    expect(g.Utilities.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  test('newBlob holds bytes, content type and name; copyBlob is independent', () => {
    const { globals: g } = setup();
    const blob = g.Utilities.newBlob('hé', 'text/plain', 'a.txt');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName(), blob.isGoogleType()]).toEqual([
      'hé',
      'text/plain',
      'a.txt',
      false,
    ]);
    expect(blob.getBytes()).toEqual([104, -61, -87]);
    const copy = blob.copyBlob();
    blob.setDataFromString('changed').setName('b.txt');
    expect([copy.getDataAsString(), copy.getName()]).toEqual(['hé', 'a.txt']);
  });

  test('sleep advances the simulated clock, at most 5 minutes', () => {
    const { rt, globals: g } = setup();
    const before = rt.nowMillis();
    g.Utilities.sleep(1500);
    expect(rt.nowMillis() - before).toBe(1500);
    expect(() => g.Utilities.sleep(300_001)).toThrow('Invalid argument: milliseconds');
  });

  test('parseCsv handles quotes, embedded delimiters, newlines and another delimiter', () => {
    const { globals: g } = setup();
    expect(g.Utilities.parseCsv('a,"b,c","d ""q"""\r\n1,"x\ny",\n')).toEqual([
      ['a', 'b,c', 'd "q"'],
      ['1', 'x\ny', ''],
    ]);
    expect(g.Utilities.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });

  test('Logger and console record into the test-bed log', () => {
    const { globals: g, state } = setup();
    g.Logger.log('lead %s', 'L-000001');
    g.console.warn('careful', { n: 1 });
    expect(state.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ['Logger', 'log', 'lead L-000001'],
      ['console', 'warn', 'careful { n: 1 }'],
    ]);
    expect(g.Logger.getLog()).toContain('lead L-000001');
    g.Logger.clear();
    expect(g.Logger.getLog()).toBe('');
    expect(state.logs).toHaveLength(1);
  });
});
