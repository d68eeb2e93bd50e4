declare module 'virtual:scenario-library' {
  /** Every file in scenarios/, checked by the engine when the app was built. */
  export const entries: readonly import('../ui/library-entry.ts').LibraryEntry[];
  /** Loads one playable scenario by id, as its own chunk. */
  export const loaders: import('../ui/scenario-loader.tsx').ScenarioLoaders;
}
