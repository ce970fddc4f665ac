/**
 * How a server call fails for the person (sidebar calls and menu items alike): ONE style. A
 * `UserError` carries only what the person can act on, one problem per line; the sidebar shows a
 * line that starts with a field's label under that field and the others in its banner
 * (sidebar/common/errors.ts), a menu item shows it as Apps Script shows any error. Anything else
 * thrown is a fault, not a message for the person.
 */
export class UserError extends Error {
  constructor(messages: string | readonly string[]) {
    super(typeof messages === 'string' ? messages : messages.join('\n'));
    this.name = 'UserError';
  }
}

/** Stops the call with these problems (one line each) for the person. */
export function fail(messages: string | readonly string[]): never {
  throw new UserError(messages);
}

/** Stops the call with the field errors of a failed validation; returns the value otherwise. */
export function valid<T>(
  result: { ok: true; value: T } | { ok: false; errors: ReadonlyArray<{ message: string }> },
): T {
  if (!result.ok) fail(result.errors.map((e) => e.message));
  return result.value;
}
