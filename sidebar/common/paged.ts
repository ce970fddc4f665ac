/**
 * A list the server pages and searches (pageLeads, pagePartners, pageCommissions): the first page
 * replaces what is shown, "Load more" appends the next, a search typed is sent once typing pauses,
 * and an answer to an older request (a search since changed) is dropped.
 */
import type { Page as ListPage } from '../../src/shared/api';
import type { Page } from './page';

/** Typing pauses this long before the search is sent. */
export const SEARCH_DELAY_MS = 300;

export interface PagedOptions<T> {
  page: Page;
  /** The page at `offset` for the current search and filters. */
  fetch: (offset: number) => Promise<ListPage<T>>;
  /** Shows the items loaded so far (`total`: how many match). */
  show: (items: readonly T[], total: number) => void;
  /** The "Load more" button (hidden on the last page). */
  more: HTMLButtonElement;
}

export interface PagedList {
  /** Loads the first page again (a new search or filter, a refresh, after a change). */
  reload(): Promise<void>;
}

export function pagedList<T>(options: PagedOptions<T>): PagedList {
  let items: T[] = [];
  let next: number | null = null;
  let request = 0;

  async function load(offset: number): Promise<void> {
    const mine = ++request;
    const got = await options.page.run(() => options.fetch(offset));
    if (mine !== request) return;
    if (!got) {
      options.more.hidden = next === null;
      return;
    }
    items = offset === 0 ? got.items : [...items, ...got.items];
    next = got.nextOffset;
    options.more.hidden = next === null;
    options.show(items, got.total);
  }

  options.more.addEventListener('click', () => {
    if (next !== null && !options.page.busy.active) void load(next);
  });
  return { reload: () => load(0) };
}

/** Calls `run` once the input has not changed for SEARCH_DELAY_MS (Enter: at once). */
export function searchAsYouType(input: HTMLInputElement, run: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
}
