import { AppsScriptErrors } from '../../../emulator/runtime';
import { as, setup } from './setup';

describe('LockService', () => {
  test('tryLock returns false while another execution holds the lock', () => {
    const { rt, globals } = setup();
    const seen: boolean[] = [];
    rt.execute(as('a@example.com'), () => {
      seen.push(globals.LockService.getScriptLock().tryLock(1000));
      rt.execute(as('b@example.com'), () => {
        seen.push(globals.LockService.getScriptLock().tryLock(5000));
      });
    });
    expect(seen).toEqual([true, false]);
  });

  test('a contended tryLock reports the wait to the runtime (default: the clock moves by the timeout)', () => {
    const { rt, globals } = setup();
    const waits: number[] = [];
    rt.onLockContention = (_waiter, ms) => void waits.push(ms);
    rt.execute(as('a@example.com'), () => {
      globals.LockService.getDocumentLock().tryLock(10);
      rt.execute(as('b@example.com'), () => globals.LockService.getDocumentLock().tryLock(2500));
    });
    expect(waits).toEqual([2500]);
    const { rt: rt2, globals: g2 } = setup();
    const before = rt2.nowMillis();
    rt2.execute(as('a@example.com'), () => {
      g2.LockService.getScriptLock().waitLock(10);
      rt2.execute(as('b@example.com'), () => g2.LockService.getScriptLock().tryLock(3000));
    });
    expect(rt2.nowMillis() - before).toBe(3000);
  });

  test('waitLock throws the lock timeout message', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.LockService.getScriptLock().waitLock(1000);
      rt.execute(as('b@example.com'), () => {
        expect(() => globals.LockService.getScriptLock().waitLock(1000)).toThrow(
          AppsScriptErrors.lockTimeout,
        );
      });
    });
  });

  test('a lock is released when its execution ends', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => globals.LockService.getScriptLock().waitLock(1000));
    const second = rt.execute(as('b@example.com'), () => {
      const lock = globals.LockService.getScriptLock();
      return [lock.tryLock(0), lock.hasLock()];
    });
    expect(second).toEqual([true, true]);
  });

  test('a lock is released when its execution throws', () => {
    const { rt, globals } = setup();
    expect(() =>
      rt.execute(as('a@example.com'), () => {
        globals.LockService.getScriptLock().waitLock(1000);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(rt.execute(as('b@example.com'), () => globals.LockService.getScriptLock().tryLock(0))).toBe(true);
  });

  test('releaseLock when not held is a no-op', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.LockService.getScriptLock().waitLock(1000);
      rt.execute(as('b@example.com'), () => {
        const lock = globals.LockService.getScriptLock();
        expect(() => lock.releaseLock()).not.toThrow();
        expect(lock.hasLock()).toBe(false);
      });
      expect(globals.LockService.getScriptLock().hasLock()).toBe(true);
    });
  });

  test('the same execution may take a lock it already holds; releaseLock frees it for others', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      const lock = globals.LockService.getScriptLock();
      expect(lock.tryLock(0)).toBe(true);
      expect(globals.LockService.getScriptLock().tryLock(0)).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      expect(rt.execute(as('b@example.com'), () => globals.LockService.getScriptLock().tryLock(0))).toBe(
        true,
      );
    });
  });

  test('user locks are per user; document locks are per document and null without one', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.LockService.getUserLock().waitLock(0);
      expect(rt.execute(as('b@example.com'), () => globals.LockService.getUserLock().tryLock(0))).toBe(true);
      expect(rt.execute(as('a@example.com'), () => globals.LockService.getUserLock().tryLock(0))).toBe(false);
      expect(rt.execute(as('b@example.com'), () => globals.LockService.getDocumentLock().tryLock(0))).toBe(
        true,
      );
    });
    const standalone = setup({ documentId: () => null });
    expect(standalone.globals.LockService.getDocumentLock()).toBeNull();
  });
});
