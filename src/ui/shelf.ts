import { createContext, useContext } from 'react';
import type { LibraryEntry } from './library-entry.ts';

/**
 * The library's shelf (every playable scenario but the boosters), for views that suggest what to play
 * next. Empty where no provider gives it (an LMS module has no library to go to).
 */
export const ShelfContext = createContext<readonly LibraryEntry[]>([]);

export function useShelf(): readonly LibraryEntry[] {
  return useContext(ShelfContext);
}
