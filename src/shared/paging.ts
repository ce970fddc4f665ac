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

/**
 * The page of `items` (all matching, in order) a window asks for. `total`: how many match when
 * `items` holds only the first of them (at least up to the window's end: firstInOrder).
 */
export function pageOf<T>(
  items: readonly T[],
  window: Pick<PageWindow, 'offset' | 'limit'>,
  total = items.length,
): Page<T> {
  const end = window.offset + window.limit;
  return {
    items: items.slice(window.offset, end),
    total,
    nextOffset: end < total ? end : null,
  };
}

/**
 * The first `count` of `items` in the order of `compare` (a total order: no two items equal), as
 * sorting them all would give, without sorting them all: a page of 50 out of 100,000.
 */
export function firstInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number, count: number): T[] {
  if (count <= 0) return [];
  if (count * 8 >= items.length) return [...items].sort(compare).slice(0, count);
  const head: T[] = [];
  for (const item of items) {
    if (head.length === count && compare(item, head[count - 1]) >= 0) continue;
    let low = 0;
    let high = head.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(head[mid], item) < 0) low = mid + 1;
      else high = mid;
    }
    head.splice(low, 0, item);
    if (head.length > count) head.pop();
  }
  return head;
}
