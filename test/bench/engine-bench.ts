import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { scenarioFiles } from '../../src/cli/scenario-files.ts';
import { analyse, buildMachine, loadScenario, loadScenarioValue, scenarioParts } from '../../src/engine/index.ts';
import { generateScenario } from '../support/generate-scenario.ts';
import { budgets } from './budgets.ts';

/**
 * Engine benchmarks, with the budget from the engine issue checked and printed:
 * analysing a generated scenario of 200 states and 600 choices takes under 1 s (p99).
 */
const ANALYSIS_BUDGET_MS = 1000;

const files = scenarioFiles([]).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const generated = generateScenario();
const parts = scenarioParts(generated);
const machine = buildMachine(generated);
const analysis = analyse(machine);
if (!analysis) throw new Error('The generated scenario exceeded the traversal limit.');

const bench = new Bench({ time: 3000, warmupTime: 500 });
bench
  .add(`check the scenarios/ folder, ${files.length} file(s)`, () => {
    for (const { file, text } of files) if (!loadScenario(text, file).ok) throw new Error(`${file} is invalid`);
  })
  .add(`analyse generated (${parts.states} states, ${parts.choices} choices)`, () => {
    analyse(machine);
  })
  .add('check generated, every stage (schema, references, graph)', () => {
    if (!loadScenarioValue(generated).ok) throw new Error('generated is invalid');
  });
await bench.run();

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log(
  `Generated scenario: ${parts.states} states, ${parts.choices} choices, ${analysis.situations} situations (state + variables)`,
);
console.table(
  bench.tasks.map((task) => {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    return {
      task: task.name,
      samples: r.latency.samplesCount ?? r.latency.samples?.length,
      mean: ms(r.latency.mean),
      p50: ms(r.latency.p50),
      p99: ms(r.latency.p99),
      max: ms(r.latency.max),
    };
  }),
);

const analysisTask = bench.tasks[1].result;
const p99 = analysisTask.state === 'completed' ? analysisTask.latency.p99 : Number.POSITIVE_INFINITY;
const { check, finish } = budgets('engine');
check(
  p99 < ANALYSIS_BUDGET_MS,
  `Budget: analyse 200 states / 600 choices under ${ANALYSIS_BUDGET_MS} ms (p99): ${ms(p99)}`,
);
finish();
