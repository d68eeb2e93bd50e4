/** The engine's public surface: pure TypeScript, no React, no DOM, no Node-only APIs. */
export { analyse, type ScenarioAnalysis, type ScoredPath, type Situation } from './analyse.ts';
export { BARRIERS, type Barrier, barrierNeed, findBarrier, type UntaggedChoice, untaggedChoices } from './barriers.ts';
export { buildMachine, type RunContext, type ScenarioMachine, type ScenarioSnapshot } from './build-machine.ts';
export { choicesFor, currentScene, type OfferedChoice, sceneStage } from './choices.ts';
export { facilitatorGuide } from './facilitator-guide.ts';
export type * from './facilitator-guide.types.ts';
export {
  BOOSTER_RULES,
  checkHouseRules,
  checkHouseWarnings,
  checkLibraryRules,
  HOUSE_RULES,
  HOUSE_WARNINGS,
  type HouseRule,
  type HouseRuleIssue,
  type HouseWarning,
  type HouseWarningIssue,
  isBooster,
  LIBRARY_RULES,
  type LibraryRule,
  practisesResponsibility,
} from './house-rules.ts';
export { houseRuleLine, houseWarningLine, issueLine } from './issue-lines.ts';
export { loadScenario, loadScenarioValue, SCENARIO_FORMAT } from './load-scenario.ts';
export type { FileIssue, LoadedScenario, LoadResult } from './load-scenario.types.ts';
export { toMermaid } from './mermaid.ts';
export {
  type ChooseResult,
  choose,
  type Run,
  type RunStep,
  replayRun,
  rewindRun,
  runEnding,
  runScore,
  startRun,
} from './run-state.ts';
export { type RestoreResult, RUN_FORMAT, restoreRun, type SavedRun, saveRun } from './saved-run.ts';
export type * from './scenario.types.ts';
export { ISSUE_CODES, type IssueCode, type ScenarioIssue } from './scenario-issue.ts';
export { practisedTactics, scenarioParts, walkStates } from './scenario-walk.ts';
export { choicePoints, type Score, type ScoredChoice, scoreChoices } from './score.ts';
export { findTactic, type Pledges, pledgeFor, suggestedPledges, TACTICS, type Tactic } from './tactics.ts';
export { contentLanguage, declaredLanguages, localize, localizeParagraphs, scenarioText } from './text.ts';
export { textFields } from './text-fields.ts';
export { roomVotesScore, type VotedDecision } from './vote-score.ts';
