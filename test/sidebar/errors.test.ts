import { fieldForMessage, groupByField, mapServerError } from '../../sidebar/common/errors';

const labels = [
  { field: 'contactName', label: 'Contact Name' },
  { field: 'contactEmail', label: 'Contact Email' },
  { field: 'partnerId', label: 'Partner' },
  { field: 'partnerId', label: 'Partner ID' },
  { field: 'company', label: 'Company' },
  { field: 'estimatedValue', label: 'Estimated Value' },
];

describe('server error mapping', () => {
  test('a message starting with a field label goes to that field', () => {
    expect(fieldForMessage("Contact Email 'bob@' is not an email address", labels)?.field).toBe(
      'contactEmail',
    );
    expect(fieldForMessage('Company is required', labels)?.field).toBe('company');
  });

  test('the longest label wins and a label must end at a word boundary', () => {
    expect(fieldForMessage("Partner ID 'X' is not an id like P-0001", labels)?.label).toBe('Partner ID');
    expect(fieldForMessage('Partnership settings are missing', labels)).toBeNull();
    expect(fieldForMessage('Companywide lock busy', labels)).toBeNull();
  });

  test('the camelCase field name also matches', () => {
    expect(fieldForMessage('estimatedValue must be 0 or more', labels)?.field).toBe('estimatedValue');
  });

  test('each line is mapped on its own; the rest is general', () => {
    const mapped = mapServerError(
      "Company is required\n- Contact Email 'x' is not an email address\nThe tracker is busy, try again",
      labels,
    );
    expect(mapped.fields).toEqual([
      { field: 'company', label: 'Company', message: 'Company is required' },
      { field: 'contactEmail', label: 'Contact Email', message: "Contact Email 'x' is not an email address" },
    ]);
    expect(mapped.general).toEqual(['The tracker is busy, try again']);
  });

  test('errors of one field are grouped without repeats', () => {
    const grouped = groupByField([
      { field: 'a', message: 'one' },
      { field: 'b', message: 'two' },
      { field: 'a', message: 'one' },
      { field: 'a', message: 'three' },
    ]);
    expect([...grouped.entries()]).toEqual([
      ['a', ['one', 'three']],
      ['b', ['two']],
    ]);
  });
});
