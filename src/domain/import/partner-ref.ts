/**
 * The partner a lead row names: its Partner ID, or its name as the Partners sheet spells it (any
 * case, spaces collapsed), since a partner manager's spreadsheet of leads usually says "Beta
 * Partners", not "P-0007". A name two partners share, or no partner has, is an error naming it.
 */
import type { FormOptions } from '../../shared/api';
import { looksLikeId } from '../../shared/ids';

type Partners = NonNullable<FormOptions['partners']>;

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export const partnerRefMessages = {
  unknown: (value: string) =>
    `Partner '${value}' is neither a partner's name nor a Partner ID on the Partners sheet`,
  ambiguous: (value: string, ids: readonly string[]) =>
    `Partner '${value}' is the name of ${ids.length} partners (${ids.join(', ')}): use the Partner ID`,
} as const;

export function resolvePartnerRef(
  value: string,
  partners: Partners,
): { id: string } | { error: string } | null {
  const text = value.trim();
  if (text === '' || looksLikeId('partner', text) || partners.length === 0) return null;
  const matches = partners.filter((p) => key(p.partnerName) === key(text));
  if (matches.length === 1) return { id: matches[0].id };
  if (matches.length > 1)
    return {
      error: partnerRefMessages.ambiguous(
        text,
        matches.map((p) => p.id),
      ),
    };
  return { error: partnerRefMessages.unknown(text) };
}
