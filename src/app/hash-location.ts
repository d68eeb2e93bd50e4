import type { BaseLocationHook } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

/**
 * The route lives in the URL hash, and so does a page's query: `#/?setting=transit`. Routes match the
 * path alone (`/`), and wouter's `useSearch()` reads the query after it.
 */
export const useHashPath: BaseLocationHook = () => {
  const [location, navigate] = useHashLocation();
  return [location.split('?')[0] ?? '/', navigate];
};
useHashPath.hrefs = (href: string) => `#${href}`;
/** The query of the hash route, without its `?`. */
useHashPath.searchHook = () => useHashLocation()[0].split('?')[1] ?? '';

/** Puts `search` in the hash after the current path, replacing the history entry as every navigation here does. */
export function replaceHashSearch(search: string): void {
  const path = location.hash.replace(/^#?\/?/, '/').split('?')[0];
  const oldURL = location.href;
  history.replaceState(history.state, '', `#${path}${search ? `?${search}` : ''}`);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
}
