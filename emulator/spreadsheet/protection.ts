/** Protection: a protected range or sheet, with its editors. */
import type { Runtime } from '../runtime';
import { EmuUser, emailOf } from '../user';
import { mayEditProtection, ownerOf } from './access';
import { exception, SheetErrors } from './errors';
import type { Mirror } from './mirror';
import type { DocModel, ProtectionModel } from './model';
import { boxOf, EmuRange, rangeIn } from './range';

type ProtectionMethods =
  | 'getEditors'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'canEdit'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'getUnprotectedRanges'
  | 'setUnprotectedRanges'
  | 'getRange'
  | 'setRange'
  | 'getProtectionType'
  | 'setDescription'
  | 'getDescription'
  | 'remove'
  | 'setRangeName'
  | 'getRangeName';

type UserLike = string | { getEmail(): string };

export class EmuProtection implements Mirror<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: ProtectionModel,
  ) {}

  getEditors(): EmuUser[] {
    return this.rt.call('Protection.getEditors', () => {
      this.#assertMayEdit();
      return [...this.model.editors].map((e) => new EmuUser(e));
    });
  }
  addEditor(user: UserLike): EmuProtection {
    return this.rt.call('Protection.addEditor', () => this.#assertMayEdit(() => this.#add([user])));
  }
  addEditors(emails: string[]): EmuProtection {
    return this.rt.call('Protection.addEditors', () => this.#assertMayEdit(() => this.#add(emails)));
  }
  removeEditor(user: UserLike): EmuProtection {
    return this.rt.call('Protection.removeEditor', () => this.#assertMayEdit(() => this.#drop([user])));
  }
  removeEditors(users: UserLike[]): EmuProtection {
    return this.rt.call('Protection.removeEditors', () => this.#assertMayEdit(() => this.#drop(users)));
  }
  canEdit(): boolean {
    return this.rt.call('Protection.canEdit', () =>
      mayEditProtection(this.doc, this.model, this.rt.current().effectiveUser),
    );
  }
  canDomainEdit(): boolean {
    return this.rt.call('Protection.canDomainEdit', () => this.#assertMayEdit(() => this.model.domainEdit));
  }
  setDomainEdit(editable: boolean): EmuProtection {
    return this.rt.call('Protection.setDomainEdit', () => {
      this.#assertMayEdit();
      this.model.domainEdit = editable;
      return this;
    });
  }
  isWarningOnly(): boolean {
    return this.rt.call('Protection.isWarningOnly', () => this.model.warningOnly);
  }
  setWarningOnly(warningOnly: boolean): EmuProtection {
    return this.rt.call('Protection.setWarningOnly', () => {
      this.#assertMayEdit();
      this.model.warningOnly = warningOnly;
      return this;
    });
  }
  getUnprotectedRanges(): EmuRange[] {
    return this.rt.call('Protection.getUnprotectedRanges', () =>
      this.model.unprotected.map((a) => rangeIn(this.rt, this.doc, a.sheet, a)),
    );
  }
  setUnprotectedRanges(ranges: EmuRange[]): EmuProtection {
    return this.rt.call('Protection.setUnprotectedRanges', () => {
      this.#assertMayEdit();
      if (this.model.type !== 'SHEET') {
        throw exception('Unprotected ranges can only be set on sheet protections.');
      }
      this.model.unprotected = ranges.map((r) => {
        const { sheet, box } = boxOf(r);
        return { sheet, ...box };
      });
      return this;
    });
  }
  getRange(): EmuRange {
    return this.rt.call('Protection.getRange', () =>
      rangeIn(this.rt, this.doc, this.model.anchor.sheet, this.model.anchor),
    );
  }
  setRange(range: EmuRange): EmuProtection {
    return this.rt.call('Protection.setRange', () => {
      this.#assertMayEdit();
      const { sheet, box } = boxOf(range);
      this.model.anchor = { sheet, ...box };
      return this;
    });
  }
  getProtectionType(): 'RANGE' | 'SHEET' {
    return this.rt.call('Protection.getProtectionType', () => this.model.type);
  }
  setDescription(description: string): EmuProtection {
    return this.rt.call('Protection.setDescription', () => {
      this.#assertMayEdit();
      this.model.description = description;
      return this;
    });
  }
  getDescription(): string {
    return this.rt.call('Protection.getDescription', () => this.model.description);
  }
  setRangeName(rangeName: string): EmuProtection {
    return this.rt.call('Protection.setRangeName', () => {
      this.#assertMayEdit();
      const named = this.doc.namedRanges.get(rangeName);
      if (!named) throw exception(`Range not found`);
      this.model.anchor = named.anchor;
      this.model.rangeName = rangeName;
      return this;
    });
  }
  getRangeName(): string | null {
    return this.rt.call('Protection.getRangeName', () => this.model.rangeName);
  }
  remove(): void {
    this.rt.call('Protection.remove', () => {
      this.#assertMayEdit();
      this.model.removed = true;
      const i = this.doc.protections.indexOf(this.model);
      if (i >= 0) this.doc.protections.splice(i, 1);
    });
  }

  /**
   * Google: getEditors() and canDomainEdit() throw "if the user does not have permission to edit
   * the protected range or sheet" (developers.google.com/apps-script/reference/spreadsheet/protection).
   * Whether the setters (addEditor, removeEditors, setRange, setDescription, remove, ...) refuse such
   * a user is not documented: they refuse too (the conservative choice; the reference's samples call
   * remove() only after canEdit()). Warning-only protections stop nobody.
   */
  #assertMayEdit(): void;
  #assertMayEdit<T>(then: () => T): T;
  #assertMayEdit<T>(then?: () => T): T | void {
    const user = this.rt.current().effectiveUser;
    if (!this.model.warningOnly && !mayEditProtection(this.doc, this.model, user))
      throw exception(SheetErrors.protectionDenied);
    return then?.();
  }

  #add(users: UserLike[]): EmuProtection {
    for (const u of users) this.model.editors.add(emailOf(u));
    return this;
  }
  /** The owner and the user running the script stay editors whatever is asked. */
  #drop(users: UserLike[]): EmuProtection {
    const keep = new Set([ownerOf(this.doc), this.rt.current().effectiveUser]);
    for (const u of users) {
      const email = emailOf(u);
      if (!keep.has(email)) this.model.editors.delete(email);
    }
    return this;
  }
}
