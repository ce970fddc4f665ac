/**
 * A failure an execution cannot recover from in place stops it: a document lock not had in time, a
 * journal left by an earlier execution that could not be applied. It used to be swallowed where the
 * time zone is stored (a catch meant only for executions without authorization), and the execution
 * went on: it took the lock again, or acted on top of an unfinished journal.
 */
import { JOURNAL_PROPERTY } from '../../src/sheets/journal';
import { documentProperties } from '../support/emulator';
import { OWNER, addPartner, lead, register, tracker } from './leads-fixture';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
const TIMED_OUT = 'Service Spreadsheets timed out while accessing document';

function subjects(emu: ReturnType<typeof tracker>): string[] {
  return (emu.services.state.outbox as Array<{ subject: string }>).map((m) => m.subject);
}

describe('failures an execution cannot get past', () => {
  it('a lock not had in time fails the call, once, and sends nothing; the next call sends', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const { id } = register(emu, { partnerId: beta, company: 'Acme' }, OWNER, { followUp: false });
    emu.rt.failCall('Lock.waitLock', LOCK_TIMEOUT);
    const failed = emu.measure(() => emu.call(OWNER, 'sendOwedMail', id));
    expect(failed.error).toContain(LOCK_TIMEOUT);
    expect(failed.stats.byMethod['Lock.waitLock']).toBe(1);
    expect(subjects(emu)).toEqual([]);
    expect(emu.call(OWNER, 'sendOwedMail', id)).toEqual({ sent: 1, queued: 0, dropped: 0 });
    expect(subjects(emu)).toEqual([`Lead registration received: Acme (${id})`]);
  });

  it('a journal whose replay fails stops the next execution, which does not act on it; the one after finishes it', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const { id } = register(emu, { partnerId: beta, company: 'Acme' });
    // A registration that dies after its journal, at its row write.
    emu.rt.failCall('Range.setValues', TIMED_OUT, { fatal: true });
    expect(
      emu.measure(() => emu.call(OWNER, 'registerLead', { partnerId: beta, company: 'Initech' })).error,
    ).toContain(TIMED_OUT);
    const initech = () => JSON.stringify(emu.sheets().Leads).includes('Initech');
    expect(initech()).toBe(false);
    // The next execution's replay fails once (not fatal: the execution could go on).
    emu.rt.failCall('Range.setValues', TIMED_OUT);
    const next = emu.measure(() => emu.call(OWNER, 'sendOwedMail', id));
    expect(next.error).toContain(TIMED_OUT);
    expect(next.stats.byMethod['MailApp.sendEmail'] ?? 0).toBe(0);
    expect(documentProperties(emu).getProperty(JOURNAL_PROPERTY)).toBeTruthy();
    // The one after applies the journal: the registration is whole, and the call works.
    expect(emu.call(OWNER, 'sendOwedMail', id)).toEqual({ sent: 0, queued: 0, dropped: 0 });
    expect(lead(emu, 'L-000002')).toMatchObject({ company: 'Initech' });
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });
});
