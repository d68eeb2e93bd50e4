import { createAvatar } from '@dicebear/core';
import * as notionists from '@dicebear/notionists';

// Its own module, loaded only when a scene shows someone: the drawing library stays out of every page
// that shows no one.

const drawn = new Map<string, string>();

/**
 * An illustrated portrait drawn from `seed` (the same seed, the same face), as a `data:image/svg+xml`
 * address for an `<img>`, where an SVG runs no script. Drawn by DiceBear's Notionists style (art by
 * Zoish, CC0 1.0; code MIT).
 */
export function portraitUri(seed: string): string {
  let uri = drawn.get(seed);
  if (uri === undefined) {
    uri = createAvatar(notionists, { seed, backgroundColor: ['transparent'] }).toDataUri();
    drawn.set(seed, uri);
  }
  return uri;
}
