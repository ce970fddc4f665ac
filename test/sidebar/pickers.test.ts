import { partnerChoices, partnerNames } from '../../sidebar/common/partners';
import { fieldChoices } from '../../sidebar/pages/Import/fields';

describe('partner picker', () => {
  const partners = [
    { id: 'P-0001', partnerName: 'Acme', status: 'Active' as const },
    { id: 'P-0002', partnerName: 'Beta', status: 'Paused' as const },
    { id: 'P-0003', partnerName: 'Gamma', status: 'Terminated' as const },
  ];

  test('Paused and Terminated partners are marked and cannot be chosen', () => {
    expect(partnerChoices(partners)).toEqual([
      { value: 'P-0001', label: 'Acme (P-0001)', disabled: false },
      { value: 'P-0002', label: 'Beta (P-0002) — Paused', disabled: true },
      { value: 'P-0003', label: 'Gamma (P-0003) — Terminated', disabled: true },
    ]);
  });

  test('names by id', () => {
    expect(partnerNames(partners).get('P-0002')).toBe('Beta');
  });
});

describe('import column choices', () => {
  test('lead fields are offered with their column headers', () => {
    const choices = fieldChoices('leads', {});
    expect(choices.map((c) => c.value)).toContain('estimatedValue');
    expect(choices.find((c) => c.value === 'estimatedValue')?.label).toBe('Estimated Value');
    expect(choices.map((c) => c.value)).not.toContain('partnerName');
  });

  test('a field the server mapped to is offered even when not in the list', () => {
    const choices = fieldChoices('leads', { Partner: 'partnerName', Firm: 'company' });
    expect(choices.filter((c) => c.value === 'partnerName')).toEqual([
      { value: 'partnerName', label: 'Partner Name' },
    ]);
    expect(choices.filter((c) => c.value === 'company')).toHaveLength(1);
  });
});
