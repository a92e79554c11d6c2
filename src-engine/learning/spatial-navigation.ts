// Water-maze navigation learned by a place-cell actor–critic with the temporal-difference rule
// (Foster, Morris & Dayan 2000; reference/models.md §5.2): Gaussian place cells on a lattice feed
// a critic (value) and eight direction cells (actor); δ = r + γ·C(p′) − C(p) trains both.
// Hippocampal plasticity (gain × acetylcholine × NMDA; AP5 blocks place learning, Morris et al.
// 1986) sets the learning rates; synapse loss removes place-cell synapses at random.
import { learningParam } from './data.ts';
import { clamp, hippocampalPlasticity } from './modulation.ts';
import type { Rng, RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface MazeParams {
  poolRadius: number;
  platformRadius: number;
  platformDistance: number;
  placeSpacing: number;
  placeWidth: number;
  window: number;
  swimSpeed: number;
  timeStep: number;
  discount: number;
  criticRate: number;
  actorRate: number;
  actionBeta: number;
  momentum: number;
}

export function mazeParams(): MazeParams {
  return {
    poolRadius: learningParam('maze.poolRadius', 'm'),
    platformRadius: learningParam('maze.platformRadius', 'm'),
    platformDistance: learningParam('maze.platformDistance', 'm'),
    placeSpacing: learningParam('maze.placeSpacing', 'm'),
    placeWidth: learningParam('maze.placeWidth', 'm'),
    window: learningParam('maze.window', 'place-field widths'),
    swimSpeed: learningParam('maze.swimSpeed', 'm/s'),
    timeStep: learningParam('maze.timeStep', 's'),
    discount: learningParam('maze.discount', '1/step'),
    criticRate: learningParam('maze.criticRate', '1/step'),
    actorRate: learningParam('maze.actorRate', '1/step'),
    actionBeta: learningParam('maze.actionBeta', '1'),
    momentum: learningParam('maze.momentum', 'fraction'),
  };
}

export interface MazeOptions {
  days: number;
  trialsPerDay: number;
  /** Longest swim before the rat is guided to the platform, s. */
  maxTrialSeconds: number;
  /** Probe trial (platform removed) after the last day, s. */
  probeSeconds: number;
  subjects: number;
}

const ACTIONS = 8;
const DIR_X = Float64Array.from({ length: ACTIONS }, (_, j) => Math.cos((2 * Math.PI * j) / ACTIONS));
const DIR_Y = Float64Array.from({ length: ACTIONS }, (_, j) => Math.sin((2 * Math.PI * j) / ACTIONS));
/** Start points: the four cardinal points at the wall. */
const START_ANGLES = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2];

/** Place-cell activities around one position (separable: f = fx ⊗ fy) and what they drive. */
class Frame {
  ix0 = 0;
  iy0 = 0;
  readonly fx: Float64Array;
  readonly fy: Float64Array;
  readonly act = new Float64Array(ACTIONS);
  value = 0;
  constructor(span: number) {
    this.fx = new Float64Array(span);
    this.fy = new Float64Array(span);
  }
}

/**
 * One subject's learner: place cells on a square lattice (side G) covering the pool; only the
 * cells within `window` field widths of the rat are evaluated (the rest contribute < e^{−w²/2}).
 */
class Agent {
  readonly g: number;
  readonly half: number;
  readonly span: number;
  readonly critic: Float64Array;
  readonly actor: Float64Array;
  /** Surviving place-cell synapses: per cell, the critic's then the eight actor cells'. */
  readonly mask: Float64Array;

  private readonly p: MazeParams;

  constructor(p: MazeParams, keep: number, rng: Rng) {
    this.p = p;
    this.half = Math.ceil(p.poolRadius / p.placeSpacing) + 1;
    this.g = 2 * this.half + 1;
    const cells = this.g * this.g;
    this.critic = new Float64Array(cells);
    this.actor = new Float64Array(cells * ACTIONS);
    this.mask = new Float64Array(cells * (ACTIONS + 1));
    for (let k = 0; k < this.mask.length; k++) this.mask[k] = rng.float() < keep ? 1 : 0;
    this.span = 2 * Math.ceil((p.window * p.placeWidth) / p.placeSpacing) + 1;
  }

  frame(): Frame {
    return new Frame(this.span);
  }

  /** Place-cell activities at (x, y), the critic's value and the actor's activities, into `f`. */
  evaluate(x: number, y: number, f: Frame): void {
    const { p, g, half, span, critic, actor } = this;
    const { fx, fy, act } = f;
    const reach = (span - 1) / 2;
    f.ix0 = Math.round(x / p.placeSpacing) + half - reach;
    f.iy0 = Math.round(y / p.placeSpacing) + half - reach;
    const inv = 1 / (2 * p.placeWidth * p.placeWidth);
    for (let k = 0; k < span; k++) {
      const ix = f.ix0 + k;
      const dx = (ix - half) * p.placeSpacing - x;
      fx[k] = ix >= 0 && ix < g ? Math.exp(-dx * dx * inv) : 0;
      const iy = f.iy0 + k;
      const dy = (iy - half) * p.placeSpacing - y;
      fy[k] = iy >= 0 && iy < g ? Math.exp(-dy * dy * inv) : 0;
    }
    // Masked synapses never learn (see learn), so they stay at zero and need no mask here.
    let v = 0;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    for (let a = 0; a < span; a++) {
      const ay = fy[a]!;
      if (ay === 0) continue;
      const rowBase = (f.iy0 + a) * g + f.ix0;
      for (let b = 0; b < span; b++) {
        const w = ay * fx[b]!;
        if (w === 0) continue;
        const cell = rowBase + b;
        v += critic[cell]! * w;
        const k = cell * ACTIONS;
        a0 += actor[k]! * w;
        a1 += actor[k + 1]! * w;
        a2 += actor[k + 2]! * w;
        a3 += actor[k + 3]! * w;
        a4 += actor[k + 4]! * w;
        a5 += actor[k + 5]! * w;
        a6 += actor[k + 6]! * w;
        a7 += actor[k + 7]! * w;
      }
    }
    act[0] = a0;
    act[1] = a1;
    act[2] = a2;
    act[3] = a3;
    act[4] = a4;
    act[5] = a5;
    act[6] = a6;
    act[7] = a7;
    f.value = v;
  }

  /** Apply δ to the critic and to the chosen action's weights at the position of frame `f`. */
  learn(f: Frame, delta: number, action: number, criticRate: number, actorRate: number): void {
    const { g, span, critic, actor, mask } = this;
    const { fx, fy } = f;
    const stride = ACTIONS + 1;
    for (let a = 0; a < span; a++) {
      const ay = fy[a]!;
      if (ay === 0) continue;
      const rowBase = (f.iy0 + a) * g + f.ix0;
      for (let b = 0; b < span; b++) {
        const w = ay * fx[b]!;
        if (w === 0) continue;
        const cell = rowBase + b;
        critic[cell] = critic[cell]! + criticRate * delta * w * mask[cell * stride]!;
        const k = cell * ACTIONS + action;
        actor[k] = actor[k]! + actorRate * delta * w * mask[cell * stride + 1 + action]!;
      }
    }
  }
}

const CHOICE_WEIGHTS = new Float64Array(ACTIONS);

/** Softmax choice over the actor activities. */
function choose(act: Float64Array, beta: number, rng: Rng): number {
  let max = -Infinity;
  for (let j = 0; j < ACTIONS; j++) if (act[j]! > max) max = act[j]!;
  let total = 0;
  const w = CHOICE_WEIGHTS;
  for (let j = 0; j < ACTIONS; j++) {
    w[j] = Math.exp(beta * (act[j]! - max));
    total += w[j]!;
  }
  let u = rng.float() * total;
  for (let j = 0; j < ACTIONS; j++) {
    u -= w[j]!;
    if (u < 0) return j;
  }
  return ACTIONS - 1;
}

/**
 * Days of `trialsPerDay` trials from the four cardinal starts (a new random order each day); a
 * trial ends on the platform (r = 1) or after `maxTrialSeconds` (latency = the maximum). After the
 * last day a probe trial without the platform measures the fraction of time spent in the target
 * quadrant (chance 0.25). Movement: heading = momentum·old + (1 − momentum)·chosen direction.
 *
 * Measures: latency_day1 and latency_final (mean escape latency of the first and last day, s),
 * probe_quadrant (fraction of the probe in the target quadrant). Curve: latency per day.
 */
export function spatialNavigation(o: MazeOptions, s: ModulatoryState, rngFor: RngFactory, p: MazeParams = mazeParams()): TaskOutcome {
  const plasticity = hippocampalPlasticity(s);
  const criticRate = p.criticRate * plasticity;
  const actorRate = p.actorRate * plasticity;
  const keep = clamp(s.hippocampalSynapses, 0, 1);
  const step = p.swimSpeed * p.timeStep;
  const maxSteps = Math.max(1, Math.round(o.maxTrialSeconds / p.timeStep));
  const probeSteps = Math.max(1, Math.round(o.probeSeconds / p.timeStep));
  const platX = p.platformDistance;
  const platY = 0;
  const r2Platform = p.platformRadius * p.platformRadius;
  const rMax = p.poolRadius * 0.999;
  const latency = new Float64Array(o.days);
  let probe = 0;
  const starts = Uint8Array.from([0, 1, 2, 3]);

  for (let subj = 0; subj < o.subjects; subj++) {
    const rng = rngFor(subj);
    const agent = new Agent(p, keep, rng);
    const cur = agent.frame();
    const nxt = agent.frame();
    for (let day = 0; day < o.days; day++) {
      rng.shuffle(starts);
      for (let t = 0; t < o.trialsPerDay; t++) {
        const a0 = START_ANGLES[starts[t % 4]!]!;
        let x = rMax * Math.cos(a0);
        let y = rMax * Math.sin(a0);
        let hx = -Math.cos(a0);
        let hy = -Math.sin(a0);
        let here = cur;
        let there = nxt;
        agent.evaluate(x, y, here);
        let steps = 0;
        while (steps < maxSteps) {
          const j = choose(here.act, p.actionBeta, rng);
          hx = p.momentum * hx + (1 - p.momentum) * DIR_X[j]!;
          hy = p.momentum * hy + (1 - p.momentum) * DIR_Y[j]!;
          const norm = Math.hypot(hx, hy) || 1;
          hx /= norm;
          hy /= norm;
          let nx = x + step * hx;
          let ny = y + step * hy;
          const r = Math.hypot(nx, ny);
          if (r > rMax) {
            nx *= rMax / r;
            ny *= rMax / r;
            hx = -hx;
            hy = -hy;
          }
          steps++;
          const dx = nx - platX;
          const dy = ny - platY;
          const found = dx * dx + dy * dy <= r2Platform;
          // TD error at the old position: terminal on the platform, else γ·C(p′) − C(p), with the
          // next position read before the update (TD(0)); its actor activities drive the next choice.
          let delta: number;
          if (found) delta = 1 - here.value;
          else {
            agent.evaluate(nx, ny, there);
            delta = p.discount * there.value - here.value;
          }
          agent.learn(here, delta, j, criticRate, actorRate);
          if (found) break;
          x = nx;
          y = ny;
          const swap = here;
          here = there;
          there = swap;
        }
        latency[day] = latency[day]! + steps * p.timeStep;
      }
    }
    // Probe: no platform, no learning.
    let x = rMax * Math.cos(Math.PI);
    let y = rMax * Math.sin(Math.PI);
    let hx = 1;
    let hy = 0;
    let inQuadrant = 0;
    for (let k = 0; k < probeSteps; k++) {
      agent.evaluate(x, y, cur);
      const j = choose(cur.act, p.actionBeta, rng);
      hx = p.momentum * hx + (1 - p.momentum) * DIR_X[j]!;
      hy = p.momentum * hy + (1 - p.momentum) * DIR_Y[j]!;
      const norm = Math.hypot(hx, hy) || 1;
      hx /= norm;
      hy /= norm;
      x += step * hx;
      y += step * hy;
      const r = Math.hypot(x, y);
      if (r > rMax) {
        x *= rMax / r;
        y *= rMax / r;
        hx = -hx;
        hy = -hy;
      }
      // Target quadrant: within ±45° of the platform's bearing (the +x axis).
      if (x > 0 && Math.abs(y) <= x) inQuadrant++;
    }
    probe += inQuadrant / probeSteps;
  }
  const curve = Array.from(latency, (v) => v / (o.subjects * o.trialsPerDay));
  return {
    measures: {
      latency_day1: curve[0] ?? 0,
      latency_final: curve[curve.length - 1] ?? 0,
      probe_quadrant: probe / o.subjects,
    },
    curves: { latency: curve },
  };
}
