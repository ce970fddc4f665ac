import type { FormOptions } from '../../src/shared/api';
import {
  validateCloseDetails,
  validateLeadInput,
  validatePartnerInput,
  validateReviewDecision,
} from '../../src/shared/schema';

const lists: Partial<FormOptions> = {
  types: ['Referral', 'Reseller', 'Technology'],
  tiers: ['Silver', 'Gold'],
  regions: ['EMEA', 'Americas'],
  products: ['CRM', 'Analytics'],
  currencies: ['USD', 'EUR', 'JPY', 'KWD'],
  defaultCurrency: 'EUR',
  plans: ['Standard'],
  partners: [
    { id: 'P-0001', partnerName: 'Alpha', status: 'Active' },
    { id: 'P-0002', partnerName: 'Beta', status: 'Paused' },
  ],
};

const partner = { partnerName: 'Alpha Partners', contactEmail: 'ann@alpha.io', type: 'Referral' };
const lead = { partnerId: 'P-0001', company: 'Acme' };

function errorsOf(result: { ok: boolean; errors?: Array<{ field: string; message: string }> }) {
  return result.ok ? [] : result.errors!.map((e) => [e.field, e.message]);
}

describe('validatePartnerInput', () => {
  test.each<[string, Record<string, unknown>, Array<[string, string]>]>([
    ['a minimal partner', {}, []],
    ['missing name', { partnerName: '   ' }, [['partnerName', 'Partner Name is required']]],
    [
      'bad email',
      { contactEmail: 'bob@' },
      [['contactEmail', "Contact Email 'bob@' is not an email address"]],
    ],
    [
      'type not in the list',
      { type: 'Reseler' },
      [['type', "Type 'Reseler' is not one of: Referral, Reseller, Technology"]],
    ],
    ['tier not in the list', { tier: 'Platinum' }, [['tier', "Tier 'Platinum' is not one of: Silver, Gold"]]],
    [
      'bad date',
      { joinedOn: '2026-02-30' },
      [['joinedOn', "Joined On '2026-02-30' is not a date (YYYY-MM-DD)"]],
    ],
    [
      'bad status',
      { status: 'Gone' },
      [['status', "Status 'Gone' is not one of: Active, Paused, Terminated"]],
    ],
    ['bad id', { id: 'L-000001' }, [['id', "ID 'L-000001' is not an id like P-0001"]]],
    [
      'product focus outside the list',
      { productFocus: 'CRM, Billing' },
      [['productFocus', "Product Focus 'Billing' is not one of: CRM, Analytics"]],
    ],
    [
      'name too long',
      { partnerName: 'x'.repeat(201) },
      [['partnerName', 'Partner Name is too long: 201 characters, at most 200']],
    ],
    [
      'notes too long',
      { notes: 'n'.repeat(5001) },
      [['notes', 'Notes is too long: 5,001 characters, at most 5,000']],
    ],
    [
      'name not text',
      { partnerName: { a: 1 } },
      [['partnerName', "Partner Name '[object Object]' is not text"]],
    ],
    [
      'several problems, in form order',
      { type: '', contactEmail: 'x', partnerName: '' },
      [
        ['partnerName', 'Partner Name is required'],
        ['contactEmail', "Contact Email 'x' is not an email address"],
        ['type', 'Type is required'],
      ],
    ],
  ])('%s', (_name, change, expected) => {
    expect(errorsOf(validatePartnerInput({ ...partner, ...change }, lists))).toEqual(expected);
  });

  test('trims, takes the list spelling, drops blank fields, keeps formula-like text as text', () => {
    const result = validatePartnerInput(
      {
        partnerName: '  =HYPERLINK("http://x","y") ',
        contactName: '',
        contactEmail: ' ann@alpha.io ',
        type: 'reseller',
        tier: 'GOLD',
        productFocus: 'crm ,analytics',
        status: 'paused',
        notes: '+1 Partners @home -x',
      },
      lists,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        partnerName: '=HYPERLINK("http://x","y")',
        contactEmail: 'ann@alpha.io',
        type: 'Reseller',
        tier: 'Gold',
        productFocus: 'CRM, Analytics',
        status: 'Paused',
        notes: '+1 Partners @home -x',
      },
    });
  });

  test('without lists any type is accepted', () => {
    expect(validatePartnerInput({ ...partner, type: 'Anything' }).ok).toBe(true);
  });

  test.each([null, undefined, 'text', 42, []])('rejects %p as input', (input) => {
    expect(validatePartnerInput(input)).toEqual({
      ok: false,
      errors: [{ field: '', label: '', message: 'Nothing was sent: expected the form fields' }],
    });
  });

  test('labels are the column headers', () => {
    const result = validatePartnerInput({ ...partner, contactEmail: 'nope' });
    expect(result.ok ? null : result.errors[0].label).toBe('Contact Email');
  });
});

describe('validateLeadInput', () => {
  test.each<[string, Record<string, unknown>, Array<[string, string]>]>([
    ['a minimal lead', {}, []],
    ['missing company', { company: '' }, [['company', 'Company is required']]],
    ['missing partner', { partnerId: undefined }, [['partnerId', 'Partner ID is required']]],
    [
      'unknown partner',
      { partnerId: 'P-0099' },
      [['partnerId', "Partner ID 'P-0099' is not a partner in this tracker"]],
    ],
    ['bad domain', { domain: 'acme' }, [['domain', "Domain 'acme' is not a domain name (like acme.com)"]]],
    [
      'email as domain',
      { domain: 'bob@acme.com' },
      [['domain', "Domain 'bob@acme.com' is not a domain name (like acme.com)"]],
    ],
    [
      'bad contact email',
      { contactEmail: 'bob@' },
      [['contactEmail', "Contact Email 'bob@' is not an email address"]],
    ],
    [
      'too many decimals for USD',
      { estimatedValue: '12.345', currency: 'USD' },
      [['estimatedValue', "Estimated Value '12.345' has more decimals than USD allows (2)"]],
    ],
    [
      'decimals for JPY',
      { estimatedValue: 1200.5, currency: 'JPY' },
      [['estimatedValue', "Estimated Value '1200.5' has decimals, which JPY does not allow"]],
    ],
    ['three decimals for KWD', { estimatedValue: '1.125', currency: 'KWD' }, []],
    ['trailing zeros do not count', { estimatedValue: '12.3400', currency: 'USD' }, []],
    [
      'default currency decides the decimals',
      { estimatedValue: '1.001' },
      [['estimatedValue', "Estimated Value '1.001' has more decimals than EUR allows (2)"]],
    ],
    [
      'negative amount',
      { estimatedValue: -5 },
      [['estimatedValue', "Estimated Value '-5' must be 0 or more"]],
    ],
    [
      'not a number',
      { estimatedValue: '12,50' },
      [['estimatedValue', "Estimated Value '12,50' is not a number (use digits and a dot: 1234.56)"]],
    ],
    [
      'not finite',
      { estimatedValue: Number.POSITIVE_INFINITY },
      [['estimatedValue', "Estimated Value 'Infinity' is not a number (use digits and a dot: 1234.56)"]],
    ],
    [
      'too large',
      { estimatedValue: '1000000000000' },
      [['estimatedValue', "Estimated Value '1000000000000' is too large (at most 999,999,999,999)"]],
    ],
    ['zero is fine', { estimatedValue: '0' }, []],
    [
      'currency not in the list',
      { currency: 'GBP' },
      [['currency', "Currency 'GBP' is not one of: USD, EUR, JPY, KWD"]],
    ],
    [
      'product not in the list',
      { product: 'ERP' },
      [['product', "Product 'ERP' is not one of: CRM, Analytics"]],
    ],
  ])('%s', (_name, change, expected) => {
    expect(errorsOf(validateLeadInput({ ...lead, ...change }, lists))).toEqual(expected);
  });

  test('normalizes the domain, fills the default currency, keeps the amount as given', () => {
    expect(
      validateLeadInput(
        {
          ...lead,
          domain: ' https://www.Acme.com:443/pricing ',
          estimatedValue: '1500.50',
          contactEmail: 'a@acme.com',
        },
        lists,
      ),
    ).toEqual({
      ok: true,
      value: {
        partnerId: 'P-0001',
        company: 'Acme',
        domain: 'acme.com',
        contactEmail: 'a@acme.com',
        estimatedValue: '1500.50',
        currency: 'EUR',
      },
    });
  });

  test('without lists a currency is any three-letter code, upper-cased', () => {
    expect(validateLeadInput({ ...lead, currency: 'gbp', estimatedValue: 3 })).toEqual({
      ok: true,
      value: { ...lead, currency: 'GBP', estimatedValue: 3 },
    });
    expect(errorsOf(validateLeadInput({ ...lead, currency: 'EURO' }))).toEqual([
      ['currency', "Currency 'EURO' is not a currency code (like USD)"],
    ]);
  });
});

describe('validateCloseDetails', () => {
  test.each<[string, unknown, 'won' | 'lost' | undefined, string | undefined, Array<[string, string]>]>([
    [
      'won needs a deal value',
      {},
      'won',
      'USD',
      [['dealValue', 'Deal Value is required to close a lead as Won']],
    ],
    ['lost needs none', {}, 'lost', 'USD', []],
    ['nothing sent for lost', undefined, 'lost', 'USD', []],
    [
      'decimals of the currency',
      { dealValue: '10.5' },
      'won',
      'JPY',
      [['dealValue', "Deal Value '10.5' has decimals, which JPY does not allow"]],
    ],
    [
      'bad closing date',
      { dealValue: 10, closedOn: '02/03/2026' },
      'won',
      'USD',
      [['closedOn', "Closed On '02/03/2026' is not a date (YYYY-MM-DD)"]],
    ],
    ['negative', { dealValue: '-1' }, 'won', 'USD', [['dealValue', "Deal Value '-1' must be 0 or more"]]],
  ])('%s', (_name, input, outcome, currency, expected) => {
    expect(errorsOf(validateCloseDetails(input, { outcome, currency }))).toEqual(expected);
  });

  test('returns the cleaned details', () => {
    expect(
      validateCloseDetails(
        { dealValue: ' 2500.00 ', closedOn: '2026-04-01', reason: ' ' },
        { outcome: 'won' },
      ),
    ).toEqual({
      ok: true,
      value: { dealValue: '2500.00', closedOn: '2026-04-01' },
    });
  });
});

describe('validateReviewDecision', () => {
  test.each<[unknown, boolean, string]>([
    [{ decision: 'approve' }, true, 'approve'],
    [{ decision: 'Reject', note: 'duplicate' }, true, 'reject'],
    [{ decision: 'maybe' }, false, "Decision 'maybe' is not one of: approve, reject"],
    [{}, false, 'Decision is required'],
    [
      { decision: 'approve', note: 'x'.repeat(1001) },
      false,
      'Decision Note is too long: 1,001 characters, at most 1,000',
    ],
  ])('%p', (input, ok, expected) => {
    const result = validateReviewDecision(input);
    expect(result.ok).toBe(ok);
    expect(result.ok ? result.value.decision : result.errors[0].message).toBe(expected);
  });
});
