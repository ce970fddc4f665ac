/**
 * The tracker's Team: the owner plus the people listed in Settings > Team. They are the editors of
 * every protection set-up creates (so their executions can write the protected columns, the
 * script-only sheets, the audit log and the shadow), and the only people whose sidebar calls may
 * write (`assertOnTeam`, called by the context before any write). Other editors of the file are
 * refused by the protections and by the guard. The owner's email is kept in a document property
 * by set-up (read with the properties every execution reads anyway).
 */
import type { TrackerDocument } from './document';
import { PROTECTION_PREFIX, workbookProtections, type KnownProtection } from './setup/protect';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const OWNER_PROPERTY = 'tracker.owner';

export const teamMessages = {
  notOnTeam: (email: string) =>
    `${email} is not on the tracker's team: ask the owner to add you in Settings > Team.`,
  unknownUser: () =>
    'Apps Script did not give your email, so the tracker cannot tell whether you are on its team: ask the owner to add you in Settings > Team.',
  setupIsOwners: (email: string, owner: string) =>
    `Set up tracker is for the spreadsheet's owner${owner ? ` (${owner})` : ''}: ask them to run it. It changes protections that only the owner can edit, and the tracker's triggers run as the person who installs them. (${email || 'You'} can keep working with the tracker as a team member.)`,
} as const;

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The file's owner: from the property set-up keeps, else asked once (and kept at the next flush). */
export function ownerEmail(doc: TrackerDocument): string {
  const known = doc.property(OWNER_PROPERTY);
  if (known) return known;
  let email = '';
  try {
    email = doc.ss.getOwner()?.getEmail() ?? '';
  } catch {
    email = '';
  }
  if (!email) email = Session.getEffectiveUser().getEmail();
  if (email) doc.setProperty(OWNER_PROPERTY, email);
  return email;
}

/** Throws the person's error unless `email` (or, when unknown, the effective user) is the owner or on the team. */
export function assertOnTeam(doc: TrackerDocument, email: string, team: () => readonly string[]): void {
  const who = email || Session.getEffectiveUser().getEmail();
  if (!who) throw new Error(teamMessages.unknownUser());
  if (sameEmail(who, ownerEmail(doc))) return;
  if (team().some((member) => sameEmail(member, who))) return;
  throw new Error(teamMessages.notOnTeam(who));
}

/**
 * Throws the person's error unless `email` (or, when unknown, the effective user) is the owner:
 * set-up changes the protections' editors, which Google lets only people who may edit a protection
 * do (Protection.getEditors and canDomainEdit throw for others,
 * developers.google.com/apps-script/reference/spreadsheet/protection; the Team list's protection is
 * the owner's alone), and installs the triggers, which run as their creator.
 */
export function assertOwner(doc: TrackerDocument, email: string): void {
  const who = email || Session.getEffectiveUser().getEmail();
  const owner = ownerEmail(doc);
  if (!who || !sameEmail(who, owner)) throw new Error(teamMessages.setupIsOwners(who, owner));
}

/** The editors a protection of the tracker should have (the Team column: the owner alone). */
export function wantedEditors(description: string, owner: string, team: readonly string[]): string[] {
  const people = description === TEAM_PROTECTION ? [owner] : [owner, ...team];
  const out: string[] = [];
  for (const email of people) {
    if (email && !out.some((e) => sameEmail(e, email))) out.push(email.trim());
  }
  return out;
}

/** The description of the owner-only protection of Settings > Team. */
export const TEAM_PROTECTION = `${PROTECTION_PREFIX}Settings > Team`;

/** Makes a protection's editors exactly `wanted` (the owner and the running user always stay). */
export function syncEditors(protection: Protection, wanted: readonly string[]): boolean {
  const have = protection.getEditors().map((u) => u.getEmail());
  const add = wanted.filter((w) => !have.some((h) => sameEmail(h, w)));
  const drop = have.filter((h) => !wanted.some((w) => sameEmail(h, w)));
  if (add.length) protection.addEditors(add);
  if (drop.length) protection.removeEditors(drop);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return add.length > 0 || drop.length > 0;
}

/**
 * Every (not warning-only) protection set-up made gets the owner + Team as editors; returns the
 * descriptions whose editors changed. Run by set-up (with the protections it already read) and by
 * the edit trigger when Team is edited.
 */
export function syncTeamProtections(
  ss: Spreadsheet,
  owner: string,
  team: readonly string[],
  known: readonly KnownProtection[] = workbookProtections(ss),
): string[] {
  const changed: string[] = [];
  for (const { protection, description } of known) {
    if (!description.startsWith(PROTECTION_PREFIX) || protection.isWarningOnly()) continue;
    if (syncEditors(protection, wantedEditors(description, owner, team))) changed.push(description);
  }
  return changed;
}
