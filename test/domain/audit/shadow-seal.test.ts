/** The shadow seal (domain/audit/shadow-seal.ts): every change of a sealed cell fails its check. */
import {
  checkShadow,
  SEAL_ROOM,
  sealShadow,
  shadowMac,
  unsealed,
} from '../../../src/domain/audit/shadow-seal';
import { createHmac } from 'node:crypto';
import { encodeShadow } from '../../../src/domain/audit/shadow';

const KEY = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const mac = shadowMac(KEY);
const content = encodeShadow(
  ['leadId', 'status', 'notes'],
  ['L-000001', 'Submitted', 'line 1\n"quoted" ~ é 😀'],
);

describe('shadow seal', () => {
  it('a sealed cell checks and gives back exactly its content (and an empty row)', () => {
    for (const text of [content, '']) {
      const cell = sealShadow(mac, 'leads', 7, text);
      expect(cell.length).toBe(text.length + (text ? SEAL_ROOM : SEAL_ROOM + 1));
      expect(checkShadow(mac, 'leads', 7, cell)).toEqual({ content: text, state: 'sealed' });
      expect(JSON.parse(cell)).toMatchObject(text ? JSON.parse(text) : {});
    }
  });

  it('fails for another row, another sheet, another key, a changed value, a dropped seal', () => {
    const cell = sealShadow(mac, 'leads', 7, content);
    expect(checkShadow(mac, 'leads', 8, cell).state).toBe('forged');
    expect(checkShadow(mac, 'partners', 7, cell).state).toBe('forged');
    expect(checkShadow(shadowMac(OTHER), 'leads', 7, cell).state).toBe('forged');
    expect(checkShadow(mac, 'leads', 7, cell.replace('Submitted', 'Approved')).state).toBe('forged');
    expect(checkShadow(mac, 'leads', 7, content)).toEqual({ content, state: 'forged' });
    expect(checkShadow(mac, 'leads', 7, 42).state).toBe('forged');
    expect(checkShadow(mac, 'leads', 7, '')).toEqual({ content: '', state: 'blank' });
  });

  it('every single character changed anywhere in a sealed cell is caught', () => {
    const cell = sealShadow(mac, 'leads', 3, content);
    for (let i = 0; i < cell.length; i++) {
      const changed = cell.slice(0, i) + (cell[i] === 'x' ? 'y' : 'x') + cell.slice(i + 1);
      expect(checkShadow(mac, 'leads', 3, changed).state).toBe('forged');
    }
  });

  it('the MAC is HMAC-SHA-256 as node:crypto computes it, call after call (its state is reused)', () => {
    const texts = [
      '',
      content,
      'x'.repeat(55),
      'y'.repeat(64),
      'z'.repeat(200),
      'é😀\ud800 lone \udc00 surrogates',
      'long '.repeat(2000) + 'é',
      content,
    ];
    for (const [sheet, row] of [
      ['leads', 2],
      ['commissions', 100001],
    ] as const)
      for (const text of texts) {
        const expected = createHmac('sha256', Buffer.from(KEY, 'hex'))
          .update(Buffer.from(`shadow\n${sheet}\n${row}\n${text}`, 'utf8'))
          .digest('hex')
          .slice(0, 32);
        expect(mac(sheet, row, text)).toBe(expected);
      }
  });

  it('unsealed reads only a well-formed seal member', () => {
    expect(unsealed(content)).toBeNull();
    expect(unsealed('{"~":"short"}')).toBeNull();
    expect(unsealed(sealShadow(mac, 'x', 2, ''))).toBe('');
  });
});
