// Renderer entry: picks the API transport once, then mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { connectApi } from './lib/transport.ts';
import { Comparer } from './lib/compare.svelte.ts';
import { Workbench } from './lib/workbench.svelte.ts';
import { desktopShell, reloadAfterRestore, Settings } from './lib/settings.svelte.ts';
import { connectDesktop } from './lib/desktop.svelte.ts';
import './app.css';

const api = connectApi();
const bench = new Workbench(api);
const comparer = new Comparer(api, bench);
void bench.load();
// Settings apply the stored theme at once; a restore reloads the workbench's and compare view's data.
const settings = new Settings(api, () => reloadAfterRestore(api, bench, [() => comparer.loadList()]));
const shell = desktopShell();
if (shell) connectDesktop(shell, bench, settings);
mount(App, { target: document.getElementById('app') as HTMLElement, props: { bench, comparer, settings } });
