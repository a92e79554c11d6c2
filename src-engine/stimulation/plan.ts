// A scenario's devices laid out on its timeline: DBS spans with their steady effect, stimulation
// sessions, the edges where the slow layer needs fine steps, the events and the warnings.
import type { DbsSpan, StimulationSession } from '../neuro/model.ts';
import type { ResultEvent } from '../results.ts';
import { hoursOf, stimulationTimes, type Scenario } from '../scenario.ts';
import { dbsEffect } from './dbs.ts';
import { resolveDbs, resolveTdcs, resolveTms } from './schema.ts';
import { seizureRisk } from './tms.ts';

export interface DevicePlan {
  dbs: DbsSpan[];
  sessions: Array<{ t: number; kind: 'stimulation'; stimulation: StimulationSession }>;
  /** DBS switch-on and switch-off times. */
  edges: number[];
  events: ResultEvent[];
}

/** The largest tDCS doses of the depression trials (ELECT-TDCS: 2 mA, 30 min; two sessions a day in accelerated protocols). */
const TDCS_TESTED = { currentMa: 2.5, minutes: 30, sessionsPerDay: 2 };
/** A usual acute ECT course: 6–12 sessions, 2–3 a week (a course of 20 is the long end). */
const ECT_USUAL = { count: 20, sessionsPerWeek: 3 };

const TMS_NAMES = { '10hz': '10 Hz rTMS', '1hz': '1 Hz rTMS', itbs: 'iTBS', ctbs: 'cTBS' } as const;

export function sessionLabel(s: StimulationSession): string {
  if (s.kind === 'tms') return `${TMS_NAMES[s.session.protocol]} ${s.target} session (${s.session.pulses} pulses, ${s.session.intensityPctMT} % MT)`;
  if (s.kind === 'tdcs') return `tDCS ${s.session.polarity} ${s.target} session (${s.session.currentMa} mA, ${s.session.minutes} min)`;
  return `ECT session (${s.placement}, ${s.pulseWidthMs} ms pulses)`;
}

/** @param warnings receives DBS charge-density and TMS safety-guideline warnings */
export function planDevices(scenario: Scenario, durationH: number, warnings: string[]): DevicePlan {
  const plan: DevicePlan = { dbs: [], sessions: [], edges: [], events: [] };
  scenario.interventions.forEach((iv, i) => {
    if (iv.type === 'dbs') {
      const setting = resolveDbs(iv);
      const effect = dbsEffect(setting);
      const start = hoursOf(iv.start);
      const stop = iv.stop === undefined ? durationH : Math.min(durationH, hoursOf(iv.stop));
      if (effect.safety.verdict === 'warn') warnings.push(`interventions[${i}]: ${effect.safety.message}`);
      plan.dbs.push({ start, stop, target: setting.target, frequencyHz: setting.frequencyHz, decoupling: effect.decoupling, spread: effect.spread });
      plan.edges.push(start, ...(stop < durationH ? [stop] : []));
      const amplitude = setting.amplitudeV !== undefined ? `${setting.amplitudeV} V` : `${setting.amplitudeMa} mA`;
      plan.events.push({ t: start, kind: 'device', device: 'dbs', label: `DBS ${setting.target} on: ${setting.frequencyHz} Hz, ${setting.pulseWidthUs} µs, ${amplitude}` });
      if (stop < durationH) plan.events.push({ t: stop, kind: 'device', device: 'dbs', label: `DBS ${setting.target} off` });
      return;
    }
    if (iv.type !== 'tms' && iv.type !== 'tdcs' && iv.type !== 'ect') return;
    const stimulation: StimulationSession =
      iv.type === 'tms'
        ? { kind: 'tms', target: iv.target, session: resolveTms(iv) }
        : iv.type === 'tdcs'
          ? { kind: 'tdcs', target: iv.target, session: resolveTdcs(iv) }
          : { kind: 'ect', placement: iv.placement, pulseWidthMs: iv.pulseWidthMs };
    if (stimulation.kind === 'tms') {
      const risk = seizureRisk(stimulation.session);
      if (!risk.withinGuidelines) warnings.push(`interventions[${i}]: TMS ${risk.message}`);
    }
    // Beyond what the trials gave, the model extrapolates benefit while the harms it lacks (tDCS's
    // reversal with longer, stronger sessions; cumulative ECT cognitive effects) go unshown: say so.
    if (iv.type === 'tdcs' && (iv.currentMa > TDCS_TESTED.currentMa || iv.minutes > TDCS_TESTED.minutes || iv.sessionsPerDay > TDCS_TESTED.sessionsPerDay)) {
      warnings.push(`interventions[${i}]: tDCS beyond the doses tested in depression trials (at most ${TDCS_TESTED.currentMa} mA, ${TDCS_TESTED.minutes} min, ${TDCS_TESTED.sessionsPerDay} sessions a day; Brunoni et al. 2017 NEJM 376:2523, safety to 4 mA reviewed by Bikson et al. 2016 Brain Stimul 9:641): the model extrapolates; longer or stronger sessions can reverse the after-effect (Batsikadze 2013), which it does not simulate.`);
    }
    if (iv.type === 'ect' && (iv.count > ECT_USUAL.count || iv.sessionsPerWeek > ECT_USUAL.sessionsPerWeek)) {
      warnings.push(`interventions[${i}]: ECT beyond a usual acute course (up to ${ECT_USUAL.count} sessions, ${ECT_USUAL.sessionsPerWeek} a week; UK ECT Review Group 2003): cognitive side effects accumulate, and the model's benefit past a usual course is an extrapolation.`);
    }
    for (const t of stimulationTimes(iv, durationH)) plan.sessions.push({ t, kind: 'stimulation', stimulation });
  });
  return plan;
}
