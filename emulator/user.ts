/** Base.User: a person as Apps Script hands it out (Session, Protection.getEditors, File.getViewers). */
export class EmuUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

/** Accepts what the real services accept where a user is expected: an email or a User. */
export function emailOf(user: string | { getEmail(): string }): string {
  return typeof user === 'string' ? user : user.getEmail();
}
