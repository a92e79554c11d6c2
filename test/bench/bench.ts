// `npm run bench`: engine timings as medians, beside a fixed reference workload measured in the
// same run so that figures from different machines can be compared as ratios.
import { parseScenario, run, simulate } from '../../src-engine/index.ts';
import { basalGanglia, basalGangliaSpectrum, cortex } from '../../src-engine/circuits/index.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function time(fn: () => unknown, runs: number, warmup = 5): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Reference workload: a fixed floating-point loop of the same flavour as the integrator (exp,
 * multiply-add over a Float64Array), 2·10^6 operations. It measures the machine, not our code.
 */
function reference(): number {
  const a = new Float64Array(1000);
  let acc = 0;
  for (let rep = 0; rep < 2000; rep++) {
    for (let i = 0; i < a.length; i++) {
      a[i] = (a[i] as number) * 0.999 + Math.exp(-i * 1e-3) * 1e-3;
      acc += a[i] as number;
    }
  }
  return acc;
}

const base = { schema: 'modulon.scenario/1', duration: '12w', patient: { condition: 'alzheimers' }, sampling: '1h' };
const CASES: Array<[string, unknown]> = [
  ['12 weeks, donepezil 10 mg daily, hourly samples', { ...base, name: 'bench-1', interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }] }],
  [
    '12 weeks, donepezil titration 5 → 10 → 23 mg (3 schedules), hourly samples',
    {
      ...base,
      name: 'bench-3',
      interventions: [
        { type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h', stop: '4w' },
        { type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h', start: '4w', stop: '8w' },
        { type: 'drug', drug: 'donepezil', dose: '23 mg', every: '24h', start: '8w' },
      ],
    },
  ],
  [
    '12 weeks, three drugs daily (sertraline, risperidone, lithium; metabolites, CYP2D6 coupling), hourly',
    {
      ...base,
      name: 'bench-3-drugs',
      patient: { condition: 'bipolar' },
      interventions: [
        { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
        { type: 'drug', drug: 'risperidone', dose: '2 mg', every: '24h' },
        { type: 'drug', drug: 'lithium', dose: '900 mg', every: '24h' },
      ],
    },
  ],
  [
    '12 weeks, whole slow layer: TRD, sertraline daily + ketamine weekly + weekly CBT, hourly',
    {
      ...base,
      name: 'bench-slow-layer',
      patient: { condition: 'depression', severity: 'moderate', treatmentResistant: true },
      interventions: [
        { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
        { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', every: '7d' },
        { type: 'therapy', kind: 'cbt', every: '7d', start: '1d' },
      ],
    },
  ],
  [
    '12 weeks, levodopa 100 mg three times a day in severe Parkinson\'s (storage, LDR, priming), hourly',
    { ...base, name: 'bench-levodopa', patient: { condition: 'parkinsons', severity: 'severe' }, interventions: [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }] },
  ],
  [
    '12 weeks, fluoxetine 20 mg daily (non-linear auto-inhibition) + donepezil, hourly',
    {
      ...base,
      name: 'bench-fluoxetine',
      interventions: [
        { type: 'drug', drug: 'fluoxetine', dose: '20 mg', every: '24h' },
        { type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' },
      ],
    },
  ],
];

/** Engine III workloads: devices and probes (issue 11 limits: one probe ≤ 5 ms, this first one ≤ 60 ms). */
const CIRCUIT_CASES: Array<[string, unknown]> = [
  [
    '12 weeks, daily iTBS course (5 days a week, 6 weeks) in depression, hourly probes (EEG + STN spectra)',
    {
      ...base,
      name: 'bench-tms-probes',
      patient: { condition: 'depression', severity: 'moderate' },
      interventions: [{ type: 'tms', protocol: 'itbs', target: 'left-DLPFC', start: '0d', stop: '6w' }],
      probes: { every: '1h' },
    },
  ],
  [
    '12 weeks, donepezil 10 mg daily in Alzheimer\'s, hourly probes (EEG moving with acetylcholine and synapse loss)',
    { ...base, name: 'bench-ad-probes', interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }], probes: { every: '1h' } },
  ],
  [
    '12 weeks, STN-DBS 130 Hz switched off and on weekly in Parkinson\'s with levodopa three times a day, default probes',
    {
      ...base,
      name: 'bench-dbs',
      patient: { condition: 'parkinsons', severity: 'moderate' },
      interventions: [
        { type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' },
        ...Array.from({ length: 12 }, (_, w) => ({ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: `${w * 7}d`, stop: `${w * 7 + 6}d` })),
      ],
    },
  ],
];

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const ref = median(time(reference, RUNS));
console.log(`Modulon bench — Node ${process.version}, ${RUNS} runs each, medians`);
console.log(`reference workload (2e6 exp/multiply-add)    ${ref.toFixed(2)} ms`);
const line = (label: string, ms: number) => console.log(`${label.padEnd(100)} ${ms.toFixed(2)} ms  (${(ms / ref).toFixed(2)} × reference)`);
console.log('whole engine (pk layer + slow neuromodulatory layer):');
for (const [label, doc] of CASES) {
  const check = parseScenario(doc);
  if (!check.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(check.errors)}`);
  line(label, median(time(() => simulate(doc), RUNS)));
}
// Refined sampling (issue 14): every candidate point after events published (as before the
// selection), the points the curves need (the default), and the sampling grid alone.
console.log('refined sampling, whole engine: time and values published (every candidate after events | the needed ones, default | the sampling grid alone):');
for (const [label, doc] of [...CASES, CIRCUIT_CASES[2] as [string, unknown]]) {
  const values = (refine: boolean | 'all') => {
    const out = simulate(doc, { refine });
    return out.ok ? Object.values(out.results.series).reduce((a, x) => a + x.v.length, 0) : NaN;
  };
  // The three in turn, run after run, so that a load that comes and goes weighs on each alike.
  const modes: Array<boolean | 'all'> = ['all', true, false];
  const times: number[][] = [[], [], []];
  for (let k = 0; k < 3; k++) for (const refine of modes) simulate(doc, { refine });
  for (let k = 0; k < Math.max(5, RUNS >> 1); k++) {
    modes.forEach((refine, m) => {
      const t0 = performance.now();
      simulate(doc, { refine });
      (times[m] as number[]).push(performance.now() - t0);
    });
  }
  const [all, needed, none] = times.map(median) as [number, number, number];
  const [vAll, vNeeded, vNone] = [values('all'), values(true), values(false)];
  console.log(`${label.slice(0, 60).padEnd(60)} ${all.toFixed(1)} | ${needed.toFixed(1)} | ${none.toFixed(1)} ms (${(needed / ref).toFixed(2)} × reference); values ${vAll} | ${vNeeded} (${((vNeeded / vAll - 1) * 100).toFixed(0)} %) | ${vNone}`);
}
console.log('pk layer only (plasma and target engagement; what `modulon pk` runs):');
for (const [label, doc] of CASES) {
  const parsed = parseScenario(doc);
  if (parsed.ok) line(label, median(time(() => run(parsed.scenario, { slowLayer: false }), RUNS)));
}
console.log('circuits and devices, whole engine:');
for (const [label, doc] of CIRCUIT_CASES) {
  const check = parseScenario(doc);
  if (!check.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(check.errors)}`);
  line(label, median(time(() => simulate(doc), RUNS)));
}
console.log('one probe, uncached (inputs varied on every call):');
let i = 0;
const vary = () => 0.5 + ((i++ * 0.6180339887) % 1);
line('cortex(): EEG band powers, peak and spectrum from the corticothalamic neural mass', median(time(() => cortex({ acetylcholine: vary(), nmdaBlock: 0.2, synapses: 0.8, excitability: 0, gaba: 1 }), RUNS * 20)));
line('basalGanglia(): STN beta, peak and relay (analytic, linearised STN–GPe loop)', median(time(() => basalGanglia({ dopamine: vary() * 0.8, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null }), RUNS * 20)));
line('basalGangliaSpectrum(): the STN spectrum at a probe', median(time(() => basalGangliaSpectrum({ dopamine: vary() * 0.8, dbsDecoupling: 0.5, dbsFrequencyHz: 130, dbsTarget: 'STN' }), RUNS * 20)));

// Learning tasks (issue 12 limits: one task run ≤ 20 ms; 12 weeks with weekly sessions and one task ≤ 80 ms whole engine).
{
  const { runTask, TASK_IDS, HEALTHY_STATE } = await import('../../src-engine/learning/index.ts');
  console.log('learning tasks, one run from a fixed state (default options):');
  for (const task of TASK_IDS) {
    let seed = 1;
    line(`runTask('${task}')`, median(time(() => runTask(task, undefined, { ...HEALTHY_STATE, acetylcholine: 0.7, hippocampalSynapses: 0.8 }, seed++), Math.max(5, RUNS >> 2), 2)));
  }
  const doc = {
    ...base,
    name: 'bench-task',
    patient: { condition: 'ptsd', severity: 'moderate' },
    interventions: [{ type: 'therapy', kind: 'exposure', every: '7d', count: 12, start: '1d' }],
    tasks: [{ task: 'fear-conditioning', at: '10w' }],
  };
  line('12 weeks, PTSD, weekly exposure sessions and one fear-conditioning task, whole engine', median(time(() => simulate(doc), RUNS)));
  // The same with the costliest task (the attractor memory, with its capacity scan).
  const recall = { ...doc, name: 'bench-task-recall', tasks: [{ task: 'episodic-memory', at: '10w' }] };
  line('12 weeks, PTSD, weekly exposure sessions and one episodic-memory task, whole engine', median(time(() => simulate(recall), RUNS)));
}

// Reports (issue 13): a comparison of 4 arms × 12 weeks must render in ≤ 3 s (HTML); PDF apart.
{
  const { parseComparison } = await import('../../src-main/reports/comparison.ts');
  const { runComparison } = await import('../../src-main/reports/compare.ts');
  const { reportHtml } = await import('../../src-main/reports/html.ts');
  const { longCsv } = await import('../../src-main/reports/csv.ts');
  const { chromiumMissing, chromiumPath, chromiumPdfPrinter } = await import('../../src-main/reports/pdf.ts');
  const trd = { ...base, name: 'bench-report', patient: { condition: 'depression', severity: 'severe', treatmentResistant: true } };
  const ketamine = { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '14d' };
  const cbt = { type: 'therapy', kind: 'cbt', every: '7d', count: 8, start: '15d' };
  const parsed = parseComparison({
    schema: 'modulon.comparison/1',
    name: 'bench: 4 arms × 12 weeks',
    base: { ...trd, interventions: [ketamine] },
    arms: [{ name: 'ketamine' }, { name: 'ketamine + CBT', add: [cbt] }, { name: 'CBT', remove: [0], add: [cbt] }, { name: 'sertraline + ketamine', add: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' }] }],
  });
  if (!parsed.ok) throw new Error(`bench comparison invalid: ${JSON.stringify(parsed.errors)}`);
  const runs = Math.max(3, Math.min(RUNS, 7));
  const timeAsync = async (fn: () => Promise<unknown>) => {
    const out: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      await fn();
      out.push(performance.now() - t0);
    }
    return median(out);
  };
  const report = async () => {
    const run = await runComparison(parsed.comparison, parsed.arms, simulate);
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    return run.value;
  };
  const run = await report();
  console.log(`reports (${runs} runs each, medians; limit 3000 ms for the whole HTML report):`);
  line('report of 4 arms × 12 weeks, HTML: simulate the arms + findings + HTML (en)', await timeAsync(async () => reportHtml(await report(), { lang: 'en', generatedAt: new Date().toISOString(), base: parsed.comparison.base })));
  line('report HTML alone from the 4 arms’ results (zh-CN)', median(time(() => reportHtml(run, { lang: 'zh-CN', generatedAt: new Date().toISOString(), base: parsed.comparison.base }), runs, 1)));
  line('long CSV of every series of the 4 arms (≈ 600 000 rows)', median(time(() => longCsv(run, { lang: 'en', generatedAt: new Date().toISOString() }), runs, 1)));
  if (chromiumMissing(chromiumPath()) === undefined) {
    const html = reportHtml(run, { lang: 'zh-CN', paper: 'a4', generatedAt: new Date().toISOString(), base: parsed.comparison.base });
    line('report PDF through headless Chromium (zh-CN, A4; launch included)', await timeAsync(async () => chromiumPdfPrinter()(html, 'a4')));
  } else console.log('report PDF: skipped (no Chromium; set CHROMIUM_PATH)');
}

// The app in Chromium (issue 14 limits: edit → redrawn chart ≤ 150 ms median for a 12-week
// scenario; cold start to interactive ≤ 2 s), against the reference measured above.
{
  const { uiBench, uiBenchMissing, SPLIT_LABELS, SPLIT_PARTS } = await import('./ui.ts');
  const missing = uiBenchMissing();
  if (missing) console.log(`app in Chromium: skipped, ${missing}`);
  else {
    const n = Math.max(5, Math.min(RUNS, 21));
    const ui = await uiBench(n, Math.max(3, Math.min(RUNS >> 3, 7)));
    console.log(`app in Chromium (web mode, Playwright; ${ui.edits.length} edits, ${ui.coldStarts.length} cold starts; limits 150 ms and 2000 ms):`);
    line('edit of the dose → live preview run in the Web Worker and the chart in view (plasma and targets) redrawn, 12 weeks (ketamine weekly + sertraline daily)', median(ui.edits));
    line('  of which edit → engine answer back from the worker (run + transfer)', median(ui.engine));
    console.log('  split of an edit (medians of each part, so they need not add up exactly):');
    for (const p of SPLIT_PARTS) line(`    ${SPLIT_LABELS[p]}`, median(ui.split[p]));
    line('  edit → every chart drawn, those out of view (after the paint) included', median(ui.allCharts));
    line('cold start: page load in a fresh browser context → interactive (the app mounted, New scenario enabled)', median(ui.coldStarts));
    line('cold start: page load in a fresh browser context → first preview drawn (worker, first run, every chart)', median(ui.firstCharts));
  }
}

