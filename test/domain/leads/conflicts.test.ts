import { buildLeadIndex, duplicateMessage, findConflicts } from '../../../src/domain/leads';
import type { Lead } from '../../../src/shared/api';
import { queryBlocks } from '../../../src/domain/leads/nameBlocks';
import { nameKey } from '../../../src/domain/leads';
import { lead } from './fixtures';

const today = '2026-03-01';
const existing: Lead[] = [
  lead({ id: 'L-000012', company: 'Acme Inc', domain: 'acme.com' }),
  lead({
    id: 'L-000013',
    company: 'Globex',
    domain: '',
    contactEmail: 'hank@globex.io',
    status: 'Submitted',
  }),
  lead({ id: 'L-000014', company: 'Initech', contactEmail: 'bill@gmail.com' }),
  lead({ id: 'L-000015', company: 'Hooli', domain: 'hooli.com', status: 'Won' }),
  lead({ id: 'L-000016', company: 'Pied Piper', domain: 'piedpiper.com', status: 'Lost' }),
  lead({ id: 'L-000017', company: 'Vandelay', domain: 'vandelay.com', status: 'Rejected' }),
  lead({ id: 'L-000018', company: 'Kramerica', domain: 'kramerica.com', status: 'Expired' }),
  lead({ id: 'L-000019', company: 'Soylent', domain: 'soylent.com', expiresOn: '2026-02-28' }),
  lead({ id: 'L-000020', company: 'Tyrell', domain: 'tyrell.com', expiresOn: today }),
  lead({ id: 'L-000021', company: 'Wonka', domain: 'wonka.com', partnerId: 'P-0001', partnerName: 'Alpha' }),
  lead({
    id: 'L-000022',
    company: 'Cyberdyne Systems',
    domain: 'cyberdyne.com',
    partnerName: '',
    partnerId: 'P-0007',
  }),
];
const index = buildLeadIndex(existing);
const partners = [{ id: 'P-0007', partnerName: 'Gamma Resellers' }];

function check(candidate: { company: string; domain?: string; contactEmail?: string }, partnerId = 'P-0001') {
  return findConflicts({
    candidate,
    partnerId,
    index,
    partners,
    houseAccounts: ['www.Umbrella.com', ''],
    today,
  });
}

describe('findConflicts', () => {
  test.each<[string, { company: string; domain?: string; contactEmail?: string }, string[]]>([
    [
      'by explicit domain',
      { company: 'Totally Different', domain: 'https://www.acme.com/' },
      ['L-000012: same domain acme.com as L-000012, Beta Partners, protected until 2026-05-02'],
    ],
    [
      'by contact email domain',
      { company: 'Something', contactEmail: 'jane@ACME.com' },
      ['L-000012: same domain acme.com as L-000012, Beta Partners, protected until 2026-05-02'],
    ],
    [
      'existing lead known by its email domain',
      { company: 'Other', domain: 'globex.io' },
      ['L-000013: same domain globex.io as L-000013, Beta Partners, protected until 2026-05-02'],
    ],
    ['free mail is not a company domain', { company: 'Someone', contactEmail: 'bill@gmail.com' }, []],
    [
      'by company name',
      { company: 'ACME Corporation' },
      [
        "L-000012: company name 'ACME Corporation' matches 'Acme Inc' of L-000012, Beta Partners, protected until 2026-05-02",
      ],
    ],
    [
      'by near-identical name',
      { company: 'Globexx' },
      [
        "L-000013: company name 'Globexx' matches 'Globex' of L-000013, Beta Partners, protected until 2026-05-02",
      ],
    ],
    [
      'name found although its lead has free-mail email',
      { company: 'Initech LLC', contactEmail: 'x@gmail.com' },
      [
        "L-000014: company name 'Initech LLC' matches 'Initech' of L-000014, Beta Partners, protected until 2026-05-02",
      ],
    ],
    [
      'domain wins over name for the reason',
      { company: 'Acme', domain: 'acme.com' },
      ['L-000012: same domain acme.com as L-000012, Beta Partners, protected until 2026-05-02'],
    ],
    ['not a similar name', { company: 'Acne Studios' }, []],
    ['Won does not block', { company: 'Hooli', domain: 'hooli.com' }, []],
    ['Lost does not block', { company: 'Pied Piper', domain: 'piedpiper.com' }, []],
    ['Rejected does not block', { company: 'Vandelay' }, []],
    ['Expired does not block', { company: 'Kramerica' }, []],
    ['past Expires On does not block', { company: 'Soylent', domain: 'soylent.com' }, []],
    [
      'on Expires On still blocks',
      { company: 'Tyrell Corp' },
      [
        "L-000020: company name 'Tyrell Corp' matches 'Tyrell' of L-000020, Beta Partners, protected until 2026-03-01",
      ],
    ],
    [
      'partner named from the partner list',
      { company: 'Cyberdyne Systems Inc' },
      [
        "L-000022: company name 'Cyberdyne Systems Inc' matches 'Cyberdyne Systems' of L-000022, Gamma Resellers, protected until 2026-05-02",
      ],
    ],
    [
      'house account',
      { company: 'Umbrella', contactEmail: 'a@umbrella.com' },
      [': umbrella.com is a house account'],
    ],
  ])('%s', (_name, candidate, expected) => {
    const report = check(candidate);
    expect(report.conflicts.map((c) => `${c.leadId}: ${c.reason}`)).toEqual(expected);
    expect(report.duplicateOf).toBeNull();
  });

  test('a conflict names the other lead and partner', () => {
    expect(check({ company: 'Acme' }).conflicts[0]).toMatchObject({
      leadId: 'L-000012',
      partnerId: 'P-0002',
      partnerName: 'Beta Partners',
    });
  });

  test.each<[string, { company: string; domain?: string; contactEmail?: string }, string | null]>([
    ['same domain', { company: 'Acme Holdings', domain: 'acme.com' }, 'L-000012'],
    ['same name', { company: 'ACME Corp.' }, 'L-000012'],
    ['other company', { company: 'Stark' }, null],
    ['closed lead is no duplicate', { company: 'Hooli', domain: 'hooli.com' }, null],
  ])('the same partner registering again: %s', (_name, candidate, expected) => {
    const report = check(candidate, 'P-0002');
    expect(report.duplicateOf).toBe(expected);
    expect(report.conflicts.filter((c) => c.partnerId === 'P-0002')).toEqual([]);
  });

  test('several leads in conflict are all listed, in id order; a duplicate is separate', () => {
    const many = buildLeadIndex([
      lead({ id: 'L-000003', company: 'Acme', partnerId: 'P-0003', partnerName: 'Gamma' }),
      lead({ id: 'L-000001', company: 'Other name', domain: 'acme.com' }),
      lead({ id: 'L-000002', company: 'Acme', partnerId: 'P-0001', partnerName: 'Alpha' }),
    ]);
    const report = findConflicts({
      candidate: { company: 'Acme Inc', domain: 'acme.com' },
      partnerId: 'P-0001',
      index: many,
      today,
    });
    expect(report.conflicts.map((c) => c.leadId)).toEqual(['L-000001', 'L-000003']);
    expect(report.duplicateOf).toBe('L-000002');
  });

  test('a lead being re-checked does not conflict with itself', () => {
    const report = findConflicts({
      candidate: { company: 'Acme Inc', domain: 'acme.com' },
      partnerId: 'P-0009',
      index,
      today,
      excludeLeadId: 'L-000012',
    });
    expect(report.conflicts).toEqual([]);
  });

  test('duplicateMessage', () => {
    expect(duplicateMessage(existing[0])).toBe(
      'You already registered Acme Inc (L-000012), still Approved until 2026-05-02',
    );
  });
});

describe('at 100,000 leads', () => {
  test('the check looks only at the leads that share a domain or a name block', () => {
    let seed = 12345;
    const letter = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz'[Math.floor((seed / 2147483648) * 26)];
    };
    const nameOf = (n: number) => {
      let name = '';
      for (let k = 0; k < 5 + (n % 8); k++) name += letter();
      return name[0].toUpperCase() + name.slice(1);
    };
    const leads: Lead[] = [];
    for (let i = 0; i < 100_000; i++) {
      const name = nameOf(i);
      leads.push(
        lead({
          id: `L-${String(i + 1).padStart(6, '0')}`,
          company: `${name} Ltd`,
          domain: `${name.toLowerCase()}.com`,
          partnerId: `P-${String((i % 50) + 1).padStart(4, '0')}`,
        }),
      );
    }
    const big = buildLeadIndex(leads);
    const target = leads[73_421];
    const report = findConflicts({
      candidate: { company: target.company.replace(' Ltd', ' Corporation'), domain: target.domain },
      partnerId: 'P-0999',
      index: big,
      today,
    });
    expect(report.conflicts.map((c) => c.leadId)).toContain(target.id);
    // Bounded work: the leads in the buckets the candidate looks up are a tiny share of the 100,000.
    const touched = queryBlocks(nameKey(target.company)).reduce(
      (sum, block) => sum + (big.byBlock.get(block)?.length ?? 0),
      0,
    );
    expect(touched).toBeLessThan(2_000);
    for (let i = 0; i < 1000; i++) {
      const other = leads[(i * 97) % leads.length];
      findConflicts({
        candidate: { company: other.company, contactEmail: `x@${other.domain}` },
        partnerId: 'P-0999',
        index: big,
        today,
      });
    }
  });
});
