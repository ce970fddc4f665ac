/**
 * The program's registration form as the tracker knows it (document property `tracker.form`): the
 * form's id and responder address, the question ids of its fields, the pre-filled entry that carries
 * a partner's secret, and how far its responses have been taken in.
 */
import type { TrackerDocument } from './document';

export const FORM_PROPERTY = 'tracker.form';

export interface FormState {
  id: string;
  responderUri: string;
  /** The entry number of the "Partner link key" question (entry.<n> in a pre-filled link). */
  keyEntry: string;
  /** Field (LeadInput key, or "key") -> question id. */
  questions: Record<string, string>;
  /** lastSubmittedTime of the newest response taken in, and the ids taken in at that time. */
  seen: string;
  seenIds: string[];
  /** False until its questions are added and it is published (set-up continues from there). */
  ready?: boolean;
}

export function readFormState(doc: TrackerDocument): FormState | null {
  const text = doc.property(FORM_PROPERTY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as FormState;
    return parsed.id && parsed.responderUri ? parsed : null;
  } catch {
    return null;
  }
}

/** The form is made, its questions added and published (the views can show links to it). */
export function formReady(doc: TrackerDocument): boolean {
  const form = readFormState(doc);
  return form !== null && form.ready !== false;
}

export function queueFormState(doc: TrackerDocument, state: FormState): void {
  doc.setProperty(FORM_PROPERTY, JSON.stringify(state));
}
