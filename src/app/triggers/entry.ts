/**
 * The installable edit and change triggers' entry: they run as the owner without prompting, so a
 * scope the owner has not granted would fail every person's edit. The audit runs as usual; when it
 * fails with Apps Script's authorization error and the owner has indeed not granted what triggers
 * need, the trigger stops quietly (the menu and Help > Run self-test tell the owner). The check
 * costs a call only then: an edit's usual cost is unchanged.
 */
import { quietWithoutAuthorization } from '../../sheets/authorization';
import { recordChange } from '../audit/record-change';
import { recordEdit } from '../audit/record-edit';

export function onEditTrigger(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  quietWithoutAuthorization(() => recordEdit(e));
}

export function onChangeTrigger(e: Parameters<typeof recordChange>[0]): void {
  quietWithoutAuthorization(() => recordChange(e));
}
