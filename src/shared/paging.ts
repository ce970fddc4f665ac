/**
 * Paging of the sidebar's lists (pageLeads, pagePartners, pageCommissions): the one rule for a
 * query's offset, limit and search words, and for cutting a page out of the matching items.
 */
import type { Page, PageQuery } from './api';

/** Items a page holds when the query does not say. */
export const PAGE_LIMIT_DEFAULT = 50;
/** The most a page may hold (a call reads and sends at most this many items). */
export const PAGE_LIMIT_MAX = 200;

export interface PageWindow {
  offset: number;
  limit: number;
  /** The search's words, lower case. */
  words: string[];
}

export const pagingMessages = {
  offset: (value: unknown) => `Offset must be a whole number of 0 or more, not '${String(value)}'`,
  limit: (value: unknown) =>
    `Limit must be a whole number from 1 to ${PAGE_LIMIT_MAX}, not '${String(value)}'`,
  search: () => 'Search must be text',
} as const;

/** The window a query asks for, or the message naming its bad field. */
export function pageWindow(query: PageQuery | undefined): PageWindow | { error: string } {
  const q = query ?? {};
  const offset = q.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) return { error: pagingMessages.offset(q.offset) };
  const limit = q.limit ?? PAGE_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT_MAX)
    return { error: pagingMessages.limit(q.limit) };
  if (q.search !== undefined && typeof q.search !== 'string') return { error: pagingMessages.search() };
  return { offset, limit, words: searchWords(q.search ?? '') };
}

/** A search as its words, lower case. */
export function searchWords(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/** True when every word appears in one of the texts. */
export function matchesWords(words: readonly string[], texts: readonly string[]): boolean {
  if (!words.length) return true;
  const haystack = texts.join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The page of `items` (all matching, in order) a window asks for. */
export function pageOf<T>(items: readonly T[], window: Pick<PageWindow, 'offset' | 'limit'>): Page<T> {
  const end = window.offset + window.limit;
  return {
    items: items.slice(window.offset, end),
    total: items.length,
    nextOffset: end < items.length ? end : null,
  };
}
