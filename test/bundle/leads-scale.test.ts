/** registerLead's service calls do not grow with the number of leads already in the sheet. */
import { createHash } from 'node:crypto';
import type { Emulator } from '../../emulator/harness';
import { OWNER, addPartner, register, rowsOf, tracker } from './leads-fixture';

/**
 * Company names far apart from each other (12 random-looking letters, no shared word), so none
 * conflict and none shares a name block with many others.
 */
function company(i: number): string {
  const letters = createHash('sha256')
    .update(String(i))
    .digest()
    .subarray(0, 12)
    .map((b) => 97 + (b % 26));
  const text = Buffer.from(letters).toString('latin1');
  return `${text.slice(0, 6)} ${text.slice(6)}`;
}

function trackerWithLeads(count: number): { emu: Emulator; partner: string } {
  const emu = tracker();
  const partner = addPartner(emu, { partnerName: 'Beta Partners' });
  const lines = ['Partner ID,Company,Domain'];
  for (let i = 0; i < count; i++) lines.push(`${partner},${company(i)},c${i}.example.com`);
  const result = emu.call<{ imported: number }>(OWNER, 'runImport', 'leads', lines.join('\n'));
  expect(result.imported).toBe(count);
  // One registration first: the sheets grow in chunks of rows, and the measured one should not be the
  // one that happens to cross a chunk boundary.
  register(emu, { partnerId: partner, company: 'Warm Up Works', domain: 'warmup.example.org' });
  return { emu, partner };
}

function measureRegistration(count: number) {
  const { emu, partner } = trackerWithLeads(count);
  const outcome = emu.measure(() =>
    register(
      emu,
      { partnerId: partner, company: 'Measured Industries', domain: 'measured.example.org' },
      OWNER,
      { followUp: false }, // the person's call alone (the sidebar's e-mail call after it is its own)
    ),
  );
  expect(outcome.ok).toBe(true);
  expect(rowsOf(emu, 'Leads')).toHaveLength(count + 2);
  return outcome;
}

describe('registerLead at scale', () => {
  it('makes the same service calls with 100 and with 5,000 leads', () => {
    const small = measureRegistration(100);
    const large = measureRegistration(5000);
    expect(large.calls).toBe(small.calls);
    expect(large.stats.byMethod).toEqual(small.stats.byMethod);
    // At most 10 round trips: the user, the lock, the properties (the settings stored with them) with
    // the read of the log rows that say the last commit landed (also this append's tail check), the
    // shadows of Partners and Leads, Leads' last row (the guard against rows other tools appended),
    // the journal with the properties (the partner's e-mail queued with it), the row, its shadow, its
    // audit entries (last: they prove the commit landed, so the journal is not deleted). The e-mail
    // is sent by the sidebar's next call (sendOwedMail), which the person does not wait for.
    expect(small.calls).toBeLessThanOrEqual(10);
    process.stdout.write(
      `registerLead service calls: ${small.calls} with 100 leads, ${large.calls} with 5,000 leads\n` +
        `${JSON.stringify(small.stats.byMethod)}\n`,
    );
  });
});
