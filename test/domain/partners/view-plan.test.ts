/** What a refresh does to one partner's file: table-driven. */
import { planView, viewContacts, viewIsLive } from '../../../src/domain/partners/view-plan';

const FILE = { fileId: 'f1', fingerprint: 'h1', sharedWith: ['a@p.test'] };
const NONE = { fileId: '', fingerprint: '', sharedWith: [] };

describe('planView', () => {
  it.each([
    [
      'a new partner gets a file, written and shared',
      NONE,
      'Active',
      ['a@p.test'],
      'h1',
      { close: false, create: true, write: true, share: ['a@p.test'] },
    ],
    [
      'nothing changed: nothing to do',
      FILE,
      'Active',
      ['a@p.test'],
      'h1',
      { close: false, create: false, write: false, share: [] },
    ],
    [
      'content changed: written',
      FILE,
      'Active',
      ['a@p.test'],
      'h2',
      { close: false, create: false, write: true, share: [] },
    ],
    [
      'a contact added: shared',
      FILE,
      'Paused',
      ['a@p.test', 'b@p.test'],
      'h1',
      { close: false, create: false, write: false, share: ['b@p.test'] },
    ],
    [
      'terminated: closed, nothing made',
      FILE,
      'Terminated',
      ['a@p.test'],
      'h1',
      { close: true, create: false, write: false, share: [] },
    ],
    [
      'no contact left: closed',
      FILE,
      'Active',
      [],
      'h1',
      { close: true, create: false, write: false, share: [] },
    ],
    [
      'a contact changed: closed and a new file for the new one',
      FILE,
      'Active',
      ['c@p.test'],
      'h1',
      { close: true, create: true, write: true, share: ['c@p.test'] },
    ],
    [
      'terminated without a file: nothing',
      NONE,
      'Terminated',
      ['a@p.test'],
      'h1',
      { close: false, create: false, write: false, share: [] },
    ],
  ])('%s', (_name, file, status, contacts, fingerprint, expected) => {
    expect(planView(file, status, contacts, fingerprint)).toEqual(expected);
  });
});

describe('viewContacts', () => {
  it('takes the contact and the additional contacts, valid e-mails once, lower-cased', () => {
    expect(viewContacts('Boss@P.test', 'ops@p.test; boss@p.test, not-an-email  x@y.test')).toEqual([
      'boss@p.test',
      'ops@p.test',
      'x@y.test',
    ]);
    expect(viewIsLive('Active', [])).toBe(false);
    expect(viewIsLive('Paused', ['a@p.test'])).toBe(true);
  });
});
