// Renderer entry: picks the API transport once, then mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { connectApi } from './lib/transport.ts';
import { Workbench } from './lib/workbench.svelte.ts';
import './app.css';

const bench = new Workbench(connectApi());
void bench.load();
window.modulonShell?.onMenu((command) => {
  if (command === 'new-scenario') bench.newScenario();
});
mount(App, { target: document.getElementById('app') as HTMLElement, props: { bench } });
