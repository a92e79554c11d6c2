// Renderer entry: picks the API transport once, then mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { connectApi } from './lib/transport.ts';
import { Comparer } from './lib/compare.svelte.ts';
import { Workbench } from './lib/workbench.svelte.ts';
import './app.css';

const api = connectApi();
const bench = new Workbench(api);
const comparer = new Comparer(api, bench);
void bench.load();
window.modulonShell?.onMenu((command) => {
  if (command === 'new-scenario') {
    bench.view = 'workbench';
    bench.newScenario();
  }
});
mount(App, { target: document.getElementById('app') as HTMLElement, props: { bench, comparer } });
