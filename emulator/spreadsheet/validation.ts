/** Data validation: the builder, the rule handle, and checking a person's input against a rule. */
import type { Runtime } from '../runtime';
import type { CellValue } from './cells';
import type { Mirror } from './mirror';
import type { ValidationRule } from './model';
import { boxOf, EmuRange } from './range';
import { readValues } from './range-io';

type BuilderMethods =
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireNumberBetween'
  | 'requireNumberNotBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberNotEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireDateEqualTo'
  | 'requireCheckbox'
  | 'requireFormulaSatisfied'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'build'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getAllowInvalid'
  | 'getHelpText'
  | 'copy';

export class EmuDataValidationBuilder implements Mirror<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  BuilderMethods
> {
  #rule: ValidationRule;

  constructor(
    private readonly rt: Runtime,
    from?: ValidationRule,
  ) {
    this.#rule = from
      ? { ...from, args: [...from.args] }
      : { criteria: '', args: [], allowInvalid: true, helpText: null };
  }

  requireValueInList(values: unknown[], showDropdown = true) {
    return this.#set('requireValueInList', 'VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: EmuRange, showDropdown = true) {
    return this.#set('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(start: number, end: number) {
    return this.#set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number) {
    return this.#set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number) {
    return this.#set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number) {
    return this.#set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number) {
    return this.#set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.#set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this.#set('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.#set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail() {
    return this.#set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.#set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireTextContains(text: string) {
    return this.#set('requireTextContains', 'TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string) {
    return this.#set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string) {
    return this.#set('requireTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  requireDate() {
    return this.#set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date) {
    return this.#set('requireDateAfter', 'DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date) {
    return this.#set('requireDateBefore', 'DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date) {
    return this.#set('requireDateBetween', 'DATE_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date) {
    return this.#set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date) {
    return this.#set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]);
  }
  requireDateEqualTo(date: Date) {
    return this.#set('requireDateEqualTo', 'DATE_EQUAL_TO', [date]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    return this.#set(
      'requireCheckbox',
      'CHECKBOX',
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireFormulaSatisfied(formula: string) {
    return this.#set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalid: boolean): EmuDataValidationBuilder {
    return this.rt.call(
      'DataValidationBuilder.setAllowInvalid',
      () => {
        this.#rule.allowInvalid = allowInvalid;
        return this;
      },
      { local: true },
    );
  }
  setHelpText(helpText: string): EmuDataValidationBuilder {
    return this.rt.call(
      'DataValidationBuilder.setHelpText',
      () => {
        this.#rule.helpText = helpText;
        return this;
      },
      { local: true },
    );
  }
  getCriteriaType(): string {
    return this.rt.call('DataValidationBuilder.getCriteriaType', () => this.#rule.criteria, { local: true });
  }
  getCriteriaValues(): unknown[] {
    return this.rt.call('DataValidationBuilder.getCriteriaValues', () => [...this.#rule.args], {
      local: true,
    });
  }
  getAllowInvalid(): boolean {
    return this.rt.call('DataValidationBuilder.getAllowInvalid', () => this.#rule.allowInvalid, {
      local: true,
    });
  }
  getHelpText(): string | null {
    return this.rt.call('DataValidationBuilder.getHelpText', () => this.#rule.helpText, { local: true });
  }
  copy(): EmuDataValidationBuilder {
    return this.rt.call(
      'DataValidationBuilder.copy',
      () => new EmuDataValidationBuilder(this.rt, this.#rule),
      { local: true },
    );
  }
  build(): EmuDataValidation {
    return this.rt.call(
      'DataValidationBuilder.build',
      () => new EmuDataValidation(this.rt, { ...this.#rule, args: [...this.#rule.args] }),
      {
        local: true,
      },
    );
  }

  #set(method: string, criteria: string, args: unknown[]): EmuDataValidationBuilder {
    return this.rt.call(
      `DataValidationBuilder.${method}`,
      () => {
        this.#rule.criteria = criteria;
        this.#rule.args = args;
        return this;
      },
      { local: true },
    );
  }
}

type RuleMethods = 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy';

const rules = new WeakMap<EmuDataValidation, ValidationRule>();

export class EmuDataValidation implements Mirror<GoogleAppsScript.Spreadsheet.DataValidation, RuleMethods> {
  constructor(
    private readonly rt: Runtime,
    rule: ValidationRule,
  ) {
    rules.set(this, rule);
  }
  getCriteriaType(): string {
    return this.rt.call('DataValidation.getCriteriaType', () => ruleOf(this).criteria, { local: true });
  }
  getCriteriaValues(): unknown[] {
    return this.rt.call('DataValidation.getCriteriaValues', () => [...ruleOf(this).args], { local: true });
  }
  getAllowInvalid(): boolean {
    return this.rt.call('DataValidation.getAllowInvalid', () => ruleOf(this).allowInvalid, { local: true });
  }
  getHelpText(): string | null {
    return this.rt.call('DataValidation.getHelpText', () => ruleOf(this).helpText, { local: true });
  }
  copy(): EmuDataValidationBuilder {
    return this.rt.call('DataValidation.copy', () => new EmuDataValidationBuilder(this.rt, ruleOf(this)), {
      local: true,
    });
  }
}

/** Internal: the shared rule object behind a rule handle (cells point at it). */
export function ruleOf(v: EmuDataValidation): ValidationRule {
  return rules.get(v)!;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/]+\.[^\s]+$/i;

function dayValue(v: unknown): number | null {
  return v instanceof Date ? v.getTime() : null;
}

/** Whether a value satisfies a rule; empty always does. */
export function satisfies(rule: ValidationRule, value: CellValue): boolean {
  if (value === '') return true;
  const [a, b] = rule.args as [unknown, unknown];
  const n = typeof value === 'number' ? value : null;
  const d = dayValue(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (a as unknown[]).some((x) => String(x) === String(value));
    case 'VALUE_IN_RANGE': {
      const { doc, sheet, box } = boxOf(a as EmuRange);
      return readValues(doc, sheet, box).some((row) =>
        row.some((x) => x !== '' && String(x) === String(value)),
      );
    }
    case 'NUMBER_BETWEEN':
      return n !== null && n >= (a as number) && n <= (b as number);
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < (a as number) || n > (b as number));
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== a;
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > (a as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= (a as number);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < (a as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= (a as number);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && URL_RE.test(value);
    case 'TEXT_CONTAINS':
      return String(value).includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(a));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(a);
    case 'DATE_IS_VALID_DATE':
      return d !== null;
    case 'DATE_AFTER':
      return d !== null && d > dayValue(a)!;
    case 'DATE_BEFORE':
      return d !== null && d < dayValue(a)!;
    case 'DATE_ON_OR_AFTER':
      return d !== null && d >= dayValue(a)!;
    case 'DATE_ON_OR_BEFORE':
      return d !== null && d <= dayValue(a)!;
    case 'DATE_EQUAL_TO':
      return d !== null && d === dayValue(a);
    case 'DATE_BETWEEN':
      return d !== null && d >= dayValue(a)! && d <= dayValue(b)!;
    case 'CHECKBOX':
      return rule.args.length === 0
        ? typeof value === 'boolean'
        : rule.args.some((x) => String(x) === String(value));
    default:
      // CUSTOM_FORMULA rules are not evaluated by the emulator: they accept any input.
      return true;
  }
}

/** The message Sheets shows when a rule rejects input: the help text, else a default per criteria. */
export function rejection(rule: ValidationRule): string {
  if (rule.helpText) return rule.helpText;
  const [a, b] = rule.args as [unknown, unknown];
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return 'Input must be an item on the specified list';
    case 'NUMBER_BETWEEN':
      return `Input must be a number between ${String(a)} and ${String(b)}`;
    case 'NUMBER_GREATER_THAN':
      return `Input must be greater than ${String(a)}`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Input must be greater than or equal to ${String(a)}`;
    case 'NUMBER_LESS_THAN':
      return `Input must be less than ${String(a)}`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `Input must be less than or equal to ${String(a)}`;
    case 'TEXT_IS_VALID_EMAIL':
      return 'Input must be a valid email address';
    case 'TEXT_IS_VALID_URL':
      return 'Input must be a valid URL';
    case 'CHECKBOX':
      return 'Input must be a checkbox value';
    default:
      return rule.criteria.startsWith('DATE')
        ? 'Input must be a valid date'
        : 'Input must satisfy the validation rule';
  }
}
