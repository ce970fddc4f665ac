/** Session: who runs the code (from the running execution), the script's time zone and locale. */
import { createHash } from 'node:crypto';
import type { Runtime } from '../runtime';
import { EmuUser } from '../user';
import { real } from './common';

type User = GoogleAppsScript.Base.User;

export class EmuSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly timeZone: string,
  ) {}

  /** '' where Apps Script withholds the identity (simple triggers, other domains). */
  getActiveUser(): User {
    return this.rt.call('Session.getActiveUser', () => real<User>(new EmuUser(this.rt.current().activeUser)));
  }
  getEffectiveUser(): User {
    return this.rt.call('Session.getEffectiveUser', () =>
      real<User>(new EmuUser(this.rt.current().effectiveUser)),
    );
  }
  getScriptTimeZone(): string {
    return this.rt.call('Session.getScriptTimeZone', () => this.timeZone);
  }
  getActiveUserLocale(): string {
    return this.rt.call('Session.getActiveUserLocale', () => (this.rt.current().activeUser ? 'en' : ''));
  }
  /** Stable per user and script, unrelated to the email (what the real key promises). */
  getTemporaryActiveUserKey(): string {
    return this.rt.call('Session.getTemporaryActiveUserKey', () =>
      createHash('sha256')
        .update(`temporary-key:${this.rt.owner}:${this.rt.current().activeUser}`)
        .digest('base64url')
        .slice(0, 43),
    );
  }
}
