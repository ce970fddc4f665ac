/** Conditional format rules: the builder, the rule, and its boolean condition. */
import type { Runtime } from '../runtime';
import type { Mirror } from './mirror';
import type { ConditionalRuleModel } from './model';
import { boxOf, EmuRange, rangeIn } from './range';

type BuilderMethods =
  | 'whenFormulaSatisfied'
  | 'whenTextEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextStartsWith'
  | 'whenTextEndsWith'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberNotEqualTo'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setRanges'
  | 'getRanges'
  | 'build';

/** A rule under construction; ranges are kept as range handles until it is set on a sheet. */
interface Draft {
  condition: ConditionalRuleModel['condition'];
  format: ConditionalRuleModel['format'];
  ranges: EmuRange[];
}

export class EmuConditionalFormatRuleBuilder implements Mirror<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  BuilderMethods
> {
  #draft: Draft;
  constructor(
    private readonly rt: Runtime,
    from?: Draft,
  ) {
    this.#draft = from
      ? { condition: { ...from.condition }, format: { ...from.format }, ranges: [...from.ranges] }
      : { condition: { type: '', values: [] }, format: {}, ranges: [] };
  }
  whenFormulaSatisfied(formula: string) {
    return this.#when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string) {
    return this.#when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string) {
    return this.#when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string) {
    return this.#when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string) {
    return this.#when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string) {
    return this.#when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }
  whenNumberLessThan(n: number) {
    return this.#when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.#when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this.#when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.#when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.#when('whenNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this.#when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number) {
    return this.#when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenCellEmpty() {
    return this.#when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.#when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null) {
    return this.#fmt('setBackground', { background: color });
  }
  setFontColor(color: string | null) {
    return this.#fmt('setFontColor', { fontColor: color });
  }
  setBold(bold: boolean | null) {
    return this.#fmt('setBold', { bold });
  }
  setRanges(ranges: EmuRange[]): EmuConditionalFormatRuleBuilder {
    return this.rt.call(
      'ConditionalFormatRuleBuilder.setRanges',
      () => {
        this.#draft.ranges = [...ranges];
        return this;
      },
      { local: true },
    );
  }
  getRanges(): EmuRange[] {
    return this.rt.call('ConditionalFormatRuleBuilder.getRanges', () => [...this.#draft.ranges], {
      local: true,
    });
  }
  build(): EmuConditionalFormatRule {
    return this.rt.call(
      'ConditionalFormatRuleBuilder.build',
      () => {
        const model: ConditionalRuleModel = {
          condition: { ...this.#draft.condition },
          format: { ...this.#draft.format },
          anchors: this.#draft.ranges.map((r) => {
            const { sheet, box } = boxOf(r);
            return { sheet, ...box };
          }),
        };
        return new EmuConditionalFormatRule(this.rt, model);
      },
      { local: true },
    );
  }
  #when(method: string, type: string, values: unknown[]): EmuConditionalFormatRuleBuilder {
    return this.rt.call(
      `ConditionalFormatRuleBuilder.${method}`,
      () => {
        this.#draft.condition = { type, values };
        return this;
      },
      { local: true },
    );
  }
  #fmt(method: string, format: ConditionalRuleModel['format']): EmuConditionalFormatRuleBuilder {
    return this.rt.call(
      `ConditionalFormatRuleBuilder.${method}`,
      () => {
        Object.assign(this.#draft.format, format);
        return this;
      },
      { local: true },
    );
  }
}

const ruleModels = new WeakMap<EmuConditionalFormatRule, ConditionalRuleModel>();

export class EmuConditionalFormatRule implements Mirror<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  'getRanges' | 'getBooleanCondition' | 'copy'
> {
  constructor(
    private readonly rt: Runtime,
    model: ConditionalRuleModel,
  ) {
    ruleModels.set(this, model);
  }
  getRanges(): EmuRange[] {
    return this.rt.call(
      'ConditionalFormatRule.getRanges',
      () => conditionalModelOf(this).anchors.map((a) => rangeIn(this.rt, a.sheet.doc, a.sheet, a)),
      { local: true },
    );
  }
  getBooleanCondition(): EmuBooleanCondition {
    return this.rt.call(
      'ConditionalFormatRule.getBooleanCondition',
      () => new EmuBooleanCondition(this.rt, conditionalModelOf(this)),
      {
        local: true,
      },
    );
  }
  copy(): EmuConditionalFormatRuleBuilder {
    return this.rt.call(
      'ConditionalFormatRule.copy',
      () => {
        const m = conditionalModelOf(this);
        return new EmuConditionalFormatRuleBuilder(this.rt, {
          condition: m.condition,
          format: m.format,
          ranges: this.getRanges(),
        });
      },
      { local: true },
    );
  }
}

export function conditionalModelOf(rule: EmuConditionalFormatRule): ConditionalRuleModel {
  return ruleModels.get(rule)!;
}

type ConditionMethods =
  'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor' | 'getBold';

export class EmuBooleanCondition implements Mirror<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  ConditionMethods
> {
  constructor(
    private readonly rt: Runtime,
    private readonly model: ConditionalRuleModel,
  ) {}
  getCriteriaType(): string {
    return this.rt.call('BooleanCondition.getCriteriaType', () => this.model.condition.type, { local: true });
  }
  getCriteriaValues(): unknown[] {
    return this.rt.call('BooleanCondition.getCriteriaValues', () => [...this.model.condition.values], {
      local: true,
    });
  }
  getBackground(): string | null {
    return this.rt.call('BooleanCondition.getBackground', () => this.model.format.background ?? null, {
      local: true,
    });
  }
  getFontColor(): string | null {
    return this.rt.call('BooleanCondition.getFontColor', () => this.model.format.fontColor ?? null, {
      local: true,
    });
  }
  getBold(): boolean | null {
    return this.rt.call('BooleanCondition.getBold', () => this.model.format.bold ?? null, { local: true });
  }
}
