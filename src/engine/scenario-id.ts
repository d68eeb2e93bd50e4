/**
 * What a scenario id may be: the schema's `scenarioId` (kebab-case: lower-case letters and digits
 * joined by single hyphens), which is also its file name in the scenarios folder, less `.json`. Never
 * a path: no `/`, `\\`, `.`.
 */
export const SCENARIO_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
