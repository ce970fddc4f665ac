/**
 * A user's own Partners and Leads sheets as they stand before set-up (the set-up tests adopt them):
 * 20 partners and `leads` leads spread over partners 3..20, with the ids, types and currencies each
 * test asks to leave out or get wrong.
 */
import { LEAD_HEADERS } from '../../bench/workbook';

const PARTNER_HEADERS = ['Partner ID', 'Partner Name', 'Contact Email', 'Type', 'Plan', 'Status'];
const STATUSES = ['Submitted', 'Approved', 'Won', 'Lost', 'Rejected', 'Expired'];

export interface UserWorkbookShape {
  leads: number;
  /** Leads (by 1-based number) left without a Lead ID. */
  leadWithoutId: (i: number) => boolean;
  /** Leads in KWD, a currency the Settings list lacks. */
  leadInKwd: (i: number) => boolean;
  /** A partner whose Type the Settings list lacks (none by default). */
  partnerWithBadType?: number;
}

export function userSheets(shape: UserWorkbookShape): { Partners: unknown[][]; Leads: unknown[][] } {
  const partners: unknown[][] = [PARTNER_HEADERS];
  for (let i = 1; i <= 20; i++)
    partners.push([
      i <= 2 ? '' : `P-${String(i).padStart(4, '0')}`,
      `Partner ${i}`,
      `sales@partner${i}.test`,
      i === shape.partnerWithBadType ? 'Franchise' : 'Reseller',
      '',
      'Active',
    ]);
  const leads: unknown[][] = [LEAD_HEADERS];
  for (let i = 1; i <= shape.leads; i++) {
    const partner = 3 + (i % 18);
    const row: unknown[] = new Array(LEAD_HEADERS.length).fill('');
    row[0] = shape.leadWithoutId(i) ? '' : `L-${String(i).padStart(6, '0')}`;
    row[1] = `P-${String(partner).padStart(4, '0')}`;
    row[2] = `Partner ${partner}`;
    row[3] = `Company ${i} Inc`;
    row[4] = `company${i}.example`;
    row[5] = `Contact ${i}`;
    row[6] = `buyer${i}@company${i}.example`;
    row[7] = 'Core';
    row[8] = 1000 + i;
    row[9] = shape.leadInKwd(i) ? 'KWD' : 'USD';
    row[10] = STATUSES[i % STATUSES.length];
    row[11] = new Date(Date.UTC(2026, 0, 1 + (i % 50)));
    leads.push(row);
  }
  return { Partners: partners, Leads: leads };
}
