/**
 * The files the acting person can open besides the tracker: the partners' view files shared with
 * them (or theirs, for the owner), and the registration form: a partner sees the form through their
 * own link (as the Partners sheet names them a contact), the owner through its plain address.
 */
import { dumpSheets, type EmuSpreadsheet } from '../emulator/spreadsheet';
import { MIME_FORMS, MIME_SHEETS } from '../emulator/runtime';
import { responderUrl, type FormModel } from '../emulator/services/forms-api';
import type { Session } from './session';
import { OWNER } from './session';

export interface FileEntry {
  id: string;
  name: string;
  kind: 'tracker' | 'spreadsheet' | 'form';
  /** For a form: the address the person opens it at (a partner's own link). */
  url?: string;
}

function contactOf(session: Session, email: string): string | null {
  const rows = session.emu.sheets().Partners ?? [];
  const header = rows[0] ?? [];
  const id = header.indexOf('Partner ID');
  const cols = ['Contact Email', 'Additional Contacts'].map((h) => header.indexOf(h)).filter((i) => i >= 0);
  const row = rows.slice(1).find((r) =>
    cols.some((c) =>
      String(r[c] ?? '')
        .toLowerCase()
        .includes(email.toLowerCase()),
    ),
  );
  return row && id >= 0 ? String(row[id]) : null;
}

export function filesFor(session: Session): FileEntry[] {
  const emu = session.emu;
  const user = session.actingUser;
  const out: FileEntry[] = [
    { id: 'tracker', name: emu.rt.uncounted(() => emu.spreadsheet.getName()), kind: 'tracker' },
  ];
  for (const f of emu.rt.createdFiles()) {
    if (f.trashed) continue;
    const reader = f.owner === user || f.editors.has(user) || f.viewers.has(user);
    if (f.mimeType === MIME_SHEETS && reader) out.push({ id: f.id, name: f.name, kind: 'spreadsheet' });
    if (f.mimeType === MIME_FORMS) {
      const form = f.content as FormModel;
      if (user === OWNER) out.push({ id: f.id, name: f.name, kind: 'form', url: responderUrl(form) });
      else {
        const partnerId = contactOf(session, user);
        if (!partnerId) continue;
        const links = emu.call<{ formUrl: string }>(OWNER, 'getPartnerLinks', partnerId);
        if (links.formUrl)
          out.push({ id: f.id, name: `${f.name} (your link)`, kind: 'form', url: links.formUrl });
      }
    }
  }
  return out;
}

/** A spreadsheet the acting person can open: its sheets' values. */
export function fileCells(
  session: Session,
  id: string,
): { name: string; sheets: Record<string, unknown[][]> } | null {
  const f = session.emu.rt.files.get(id);
  const user = session.actingUser;
  if (!f || f.trashed || f.mimeType !== MIME_SHEETS) return null;
  if (!(f.owner === user || f.editors.has(user) || f.viewers.has(user))) return null;
  return { name: f.name, sheets: dumpSheets(f.content as EmuSpreadsheet) };
}

/** The form at a responder address, its questions and the answers the address pre-fills. */
export function formAt(session: Session, url: string) {
  const parsed = new URL(url);
  const form = session.emu.services.state.forms
    .forms()
    .find((f) => parsed.pathname === `/forms/d/e/${f.responderId}/viewform`);
  if (!form) return null;
  const prefilled = new Map<string, string>();
  for (const [key, value] of parsed.searchParams) {
    const m = /^entry\.(\d+)$/.exec(key);
    const q = m && form.items.find((i) => parseInt(i.questionId, 16) === Number(m[1]));
    if (q) prefilled.set(q.title, value);
  }
  return {
    title: form.title,
    accepting: form.published && form.accepting,
    questions: form.items.map((q) => ({
      title: q.title,
      required: q.required,
      value: prefilled.get(q.title) ?? '',
    })),
  };
}
